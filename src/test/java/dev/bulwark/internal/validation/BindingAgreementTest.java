package dev.bulwark.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;
import java.lang.reflect.Field;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The body checker against the real binding: Yasson 3.0.4, the JSON-B of Open Liberty's jsonb-3.0 feature. Every
 * property of a type with one member of each kind JSON-B binds is sent every value of a pool (right kinds, wrong
 * kinds, arrays around them, numbers out of range), and for each the checker's verdict is compared with what
 * Yasson does with it:
 * <ul>
 * <li>the checker never refuses a value that Yasson binds <em>faithfully</em> (bound and written back, it is the
 * same JSON: same kind, same value, nothing dropped);</li>
 * <li>the checker never accepts a value that Yasson binds unfaithfully: unwrapping an array, converting between
 * strings, numbers and booleans, truncating a number, keeping one character of several, ignoring a member.
 * Values it accepts may still fail in Yasson (a malformed date), which is a loud error, answered 400.</li>
 * </ul>
 */
class BindingAgreementTest {

    public static class Purchase extends TypeShapesTest.Scalars {
        public String item;
        public int quantity;
        public Integer priority;
        public boolean gift;
        public Boolean wrapped;
        public double price;
        public float weight;
        public long big;
        public short small;
        public byte tiny;
        public BigDecimal total;
        public BigInteger serial;
        public char grade;
        public Character initial;
        public TypeShapesTest.Address shipTo;
        public List<TypeShapesTest.Line> lines;
        public TypeShapesTest.Line[] extra;
        public Set<String> labels;
        public Map<String, Integer> tags;
        public Map<String, TypeShapesTest.Address> stops;
        public List<List<Integer>> grid;
        public Object anything;
        public JsonObject document;
        public JsonArray rows;
    }

    private static final List<String> POOL = List.of("\"x\"", "\"EXPRESS\"", "\"3\"", "\"true\"", "\"2030-01-01\"",
            "\"123e4567-e89b-12d3-a456-426614174000\"", "\"ab\"", "3", "-7", "0", "1", "4294967299", "1.5",
            "123456789012345678901234567890", "true", "false", "null", "{}", "{\"city\":\"Oslo\"}", "{\"a\":1}",
            "{\"sku\":\"a\",\"count\":2}", "[]", "[3]", "[\"x\"]", "[true]", "[null]", "[{\"city\":\"Oslo\"}]",
            "[{\"sku\":\"a\",\"count\":2}]", "[[1]]", "[3,4]", "[{\"key\":\"a\",\"value\":1}]", "[\"2030-01-01\"]");

    private static Jsonb yasson;
    private final TypeShapes shapes = new TypeShapes(true);
    private final JsonScanner scanner = new JsonScanner(JsonScannerTest.LIMITS, true, true);

    @BeforeAll
    static void yasson() {
        yasson = JsonbBuilder.create();
    }

    @AfterAll
    static void close() throws Exception {
        yasson.close();
    }

    @Test
    void theCheckerAcceptsExactlyWhatYassonBindsFaithfully() {
        List<String> disagreements = new ArrayList<>();
        int accepted = 0;
        int refused = 0;
        Map<Outcome, Integer> outcomes = new java.util.EnumMap<>(Outcome.class);
        for (Field property : Purchase.class.getFields()) {
            for (String value : POOL) {
                String body = "{\"" + property.getName() + "\":" + value + "}";
                boolean checkerAccepts = accepts(Purchase.class, body);
                Outcome yassonDoes = bind(Purchase.class, body, property.getType());
                outcomes.merge(yassonDoes, 1, Integer::sum);
                if (checkerAccepts && yassonDoes == Outcome.UNFAITHFUL) {
                    disagreements.add("accepted but Yasson binds it differently: " + body);
                }
                if (!checkerAccepts && yassonDoes == Outcome.FAITHFUL) {
                    disagreements.add("refused but Yasson binds it faithfully: " + body);
                }
                if (checkerAccepts) {
                    accepted++;
                } else {
                    refused++;
                }
            }
        }
        assertThat(disagreements).isEmpty();
        // both verdicts, and every Yasson outcome, occur plenty: the pool exercises every property every way
        assertThat(accepted).isGreaterThan(100);
        assertThat(refused).isGreaterThan(500);
        assertThat(outcomes.get(Outcome.FAITHFUL)).isGreaterThan(100);
        assertThat(outcomes.get(Outcome.UNFAITHFUL)).isGreaterThan(100);
        assertThat(outcomes.get(Outcome.FAILS)).isGreaterThan(100);
    }

    @Test
    void wholeBodiesAgreeToo() throws Exception {
        Type lines = Purchase.class.getField("lines").getGenericType();
        String[][] cases = {
            {"purchase", "[{\"item\":\"ink\",\"quantity\":3}]"},
            {"purchase", "{\"item\":\"ink\",\"quantity\":3}"},
            {"purchase", "[[{\"item\":\"ink\"}]]"},
            {"lines", "[{\"sku\":\"a\",\"count\":1}]"},
            {"lines", "[[{\"sku\":\"a\",\"count\":1}]]"},
            {"lines", "{\"sku\":\"a\",\"count\":1}"},
            {"line", "[{\"sku\":\"a\",\"count\":1}]"},
            {"line", "{\"sku\":\"a\",\"count\":1}"},
            {"line", "{\"sku\":[\"a\"],\"count\":[1]}"}};
        for (String[] c : cases) {
            Type type = switch (c[0]) {
                case "purchase" -> Purchase.class;
                case "lines" -> lines;
                default -> TypeShapesTest.Line.class;
            };
            boolean checkerAccepts = accepts(type, c[1]);
            Outcome yassonDoes = bind(type, c[1], null);
            assertThat(checkerAccepts ? yassonDoes != Outcome.UNFAITHFUL : yassonDoes != Outcome.FAITHFUL)
                    .as("%s as %s: checker %s, Yasson %s", c[1], c[0], checkerAccepts, yassonDoes).isTrue();
        }
    }

    @Test
    void theIssueCasesAreWhatYassonGetsWrongSilently() {
        // Yasson binds each of these without complaint, and not as sent: the checker must refuse them
        assertThat(bind(Purchase.class, "[{\"item\":\"ink\",\"quantity\":3}]", null)).isEqualTo(Outcome.UNFAITHFUL);
        assertThat(bind(Purchase.class, "{\"quantity\":[4294967299]}", null)).isEqualTo(Outcome.UNFAITHFUL);
        assertThat(bind(Purchase.class, "{\"quantity\":4294967299}", null)).isEqualTo(Outcome.UNFAITHFUL);
        assertThat(bind(Purchase.class, "{\"quantity\":[3,4]}", null)).isEqualTo(Outcome.UNFAITHFUL);
        assertThat(bind(Purchase.class, "{\"gift\":1}", null)).isEqualTo(Outcome.UNFAITHFUL);
        assertThat(accepts(Purchase.class, "[{\"item\":\"ink\",\"quantity\":3}]")).isFalse();
        assertThat(accepts(Purchase.class, "{\"quantity\":[4294967299]}")).isFalse();
        assertThat(accepts(Purchase.class, "{\"quantity\":4294967299}")).isFalse();
        assertThat(accepts(Purchase.class, "{\"quantity\":[3,4]}")).isFalse();
        assertThat(accepts(Purchase.class, "{\"gift\":1}")).isFalse();
    }

    private boolean accepts(Type type, String body) {
        JsonViolation v = JsonScannerTest.violation(scanner, body, shapes.ofEntity(type));
        if (v != null) {
            assertThat(v.kind()).as(body).isEqualTo(JsonViolation.Kind.CONTENT);
        }
        return v == null;
    }

    enum Outcome { FAITHFUL, UNFAITHFUL, FAILS }

    /** Binds with Yasson and writes the result back: the same JSON (members sent) or not, or an error. */
    private static Outcome bind(Type type, String body, Class<?> propertyType) {
        String written;
        try {
            Object bound = yasson.fromJson(body, type);
            if (bound == null) {
                return body.strip().equals("null") ? Outcome.FAITHFUL : Outcome.UNFAITHFUL;
            }
            written = yasson.toJson(bound, type);
        } catch (RuntimeException e) {
            return Outcome.FAILS;
        }
        return same(parse(body), parse(written), propertyType) ? Outcome.FAITHFUL : Outcome.UNFAITHFUL;
    }

    private static JsonValue parse(String json) {
        return Json.createReader(new StringReader(json)).readValue();
    }

    /** Same kind and value; an object's members as sent (a member left out when written back counts as null). */
    private static boolean same(JsonValue sent, JsonValue written, Class<?> floating) {
        if (sent.getValueType() == JsonValue.ValueType.OBJECT) {
            if (written.getValueType() != JsonValue.ValueType.OBJECT) {
                return false;
            }
            JsonObject in = sent.asJsonObject();
            JsonObject out = written.asJsonObject();
            for (Map.Entry<String, JsonValue> e : in.entrySet()) {
                if (!same(e.getValue(), out.getOrDefault(e.getKey(), JsonValue.NULL), floating)) {
                    return false;
                }
            }
            return true;
        }
        if (sent.getValueType() == JsonValue.ValueType.ARRAY) {
            if (written.getValueType() != JsonValue.ValueType.ARRAY) {
                return false;
            }
            JsonArray in = sent.asJsonArray();
            JsonArray out = written.asJsonArray();
            if (in.size() != out.size()) {
                return false;
            }
            for (int i = 0; i < in.size(); i++) {
                if (!same(in.get(i), out.get(i), floating)) {
                    return false;
                }
            }
            return true;
        }
        if (sent.getValueType() == JsonValue.ValueType.NUMBER && written.getValueType() == JsonValue.ValueType.NUMBER) {
            BigDecimal a = ((JsonNumber) sent).bigDecimalValue();
            BigDecimal b = ((JsonNumber) written).bigDecimalValue();
            // a float or double is the nearest binary value by definition: compare at that precision
            if (floating == float.class) {
                return a.floatValue() == b.floatValue();
            }
            if (floating == double.class) {
                return a.doubleValue() == b.doubleValue();
            }
            return a.compareTo(b) == 0;
        }
        return sent.equals(written);
    }
}
