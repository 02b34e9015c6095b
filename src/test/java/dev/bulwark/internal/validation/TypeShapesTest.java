package dev.bulwark.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.api.ReadOnly;
import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.adapter.JsonbAdapter;
import jakarta.json.bind.annotation.JsonbNumberFormat;
import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.json.bind.annotation.JsonbTypeAdapter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TypeShapesTest {

    public static class Address {
        public String city;
    }

    public static class Order {
        @ReadOnly
        public long id;
        public String item;
        public int quantity;
        public double price;
        public float weight;
        public BigDecimal total;
        public List<Address> addresses;
        public Map<String, Integer> counters;
        public Object anything;
        @JsonbTransient
        public String internal;
        @JsonbProperty("customer_note")
        public String note;
        private String owner;
        private String status;

        public void setStatus(String status) {
            this.status = status;
        }

        public String getOwner() {
            return owner;
        }

        public String getStatus() {
            return status;
        }
    }

    public record Customer(@ReadOnly String id, String name, @JsonbProperty("e_mail") String email) {
    }

    public static class Created {
        private final String name;

        @JsonbCreator
        public Created(@JsonbProperty("full_name") String name, @ReadOnly @JsonbProperty("role") String role) {
            this.name = name;
        }
    }

    private final TypeShapes shapes = new TypeShapes(true);
    private final JsonScanner scanner = new JsonScanner(JsonScannerTest.LIMITS, true, true);

    private JsonViolation check(Class<?> type, String body) {
        return JsonScannerTest.violation(scanner, body, shapes.of(type));
    }

    private JsonViolation checkEntity(java.lang.reflect.Type type, String body) {
        return JsonScannerTest.violation(scanner, body, shapes.ofEntity(type));
    }

    /** A refusal of the body's content (not its syntax or size) at {@code path} (the whole body when null). */
    private static void assertRefused(JsonViolation v, String body, String path, String message) {
        assertThat(v).as(body).isNotNull();
        assertThat(v.kind()).as(body).isEqualTo(JsonViolation.Kind.CONTENT);
        assertThat(v.path()).as(body).isEqualTo(path == null ? "" : path);
        assertThat(v.getMessage()).as(body).isEqualTo(message);
    }

    @Test
    void acceptsWhatTheTypeCanBind() {
        assertThat(check(Order.class, "{\"item\":\"pen\",\"quantity\":2,\"price\":1.5,\"weight\":0.25,"
                + "\"total\":1e300,\"addresses\":[{\"city\":\"Oslo\"}],\"counters\":{\"anything\":1},"
                + "\"anything\":{\"deep\":[1]},\"customer_note\":\"hi\",\"status\":\"NEW\"}")).isNull();
        assertThat(check(Customer.class, "{\"name\":\"a\",\"e_mail\":\"a@b\"}")).isNull();
        assertThat(check(Created.class, "{\"full_name\":\"a\"}")).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"item\":\"pen\",\"isAdmin\":true}|isAdmin|is not a known property",
        "{\"id\":7}|id|is read-only",
        "{\"owner\":\"mallory\"}|owner|is not a known property",
        "{\"internal\":\"x\"}|internal|is not a known property",
        "{\"note\":\"x\"}|note|is not a known property",
        "{\"addresses\":[{\"city\":\"a\"},{\"city\":\"b\",\"zip\":1}]}|addresses[1].zip|is not a known property",
        "{\"quantity\":2147483648}|quantity|is out of range for a 32-bit integer",
        "{\"quantity\":-2147483649}|quantity|is out of range for a 32-bit integer",
        "{\"quantity\":1.0}|quantity|must be a 32-bit integer",
        "{\"quantity\":1e2}|quantity|must be a 32-bit integer",
        "{\"id\":1}|id|is read-only",
        "{\"counters\":{\"a\":3000000000}}|counters.a|is out of range for a 32-bit integer",
        "{\"price\":1e309}|price|is out of range for a 64-bit floating-point number",
        "{\"weight\":1e39}|weight|is out of range for a 32-bit floating-point number"})
    void refusesMassAssignmentAndNumbersThatDoNotFit(String body, String path, String message) {
        assertRefused(check(Order.class, body), body, path, message);
    }

    public enum Speed { STANDARD, EXPRESS }

    public record Line(String sku, int count) {
    }

    /** Optionals, an enum, a date and a UUID, each once (also the base of {@link BindingAgreementTest}'s type). */
    public static class Scalars {
        public Optional<String> note;
        public Optional<Integer> rank;
        public OptionalInt slot;
        public Speed speed;
        public LocalDate deliverBy;
        public UUID ref;
    }

    public static class Shipment extends Scalars {
        public String item;
        public Integer priority;
        public Boolean gift;
        public boolean fragile;
        public char grade;
        public BigDecimal total;
        public BigInteger serial;
        public Address to;
        public List<Line> lines;
        public Line[] extra;
        public Map<String, Address> stops;
        public List<List<Integer>> grid;
        public byte[] bytes;
        @JsonbNumberFormat("#,##0.00")
        public double price;
        @JsonbTypeAdapter(MoneyAdapter.class)
        public Money money;
        public Money plainMoney;
        private int count;

        /** JSON-B writes through the setter: its parameter type is what binds, not the field's. */
        public void setCount(String count) {
            this.count = count.length();
        }
    }

    public static class Money {
        public long cents;
    }

    public static class MoneyAdapter implements JsonbAdapter<Money, String> {
        @Override
        public String adaptToJson(Money m) {
            return Long.toString(m.cents);
        }

        @Override
        public Money adaptFromJson(String s) {
            Money m = new Money();
            m.cents = Long.parseLong(s);
            return m;
        }
    }

    /** Every place refuses a value of another kind than its Java type is written as, naming the place. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[{\"item\":\"ink\",\"quantity\":3,\"customerId\":\"bob\"}]||must be an object",
        "[]||must be an object",
        "5||must be an object",
        "null||must not be null",
        "{\"quantity\":[4294967299]}|quantity|must be a 32-bit integer",
        "{\"quantity\":[3]}|quantity|must be a 32-bit integer",
        "{\"quantity\":\"3\"}|quantity|must be a 32-bit integer",
        "{\"quantity\":{\"value\":3}}|quantity|must be a 32-bit integer",
        "{\"quantity\":true}|quantity|must be a 32-bit integer",
        "{\"quantity\":null}|quantity|must not be null",
        "{\"price\":\"1.5\"}|price|must be a 64-bit floating-point number",
        "{\"price\":[1.5]}|price|must be a 64-bit floating-point number",
        "{\"item\":[\"ink\"]}|item|must be a string",
        "{\"item\":5}|item|must be a string",
        "{\"item\":true}|item|must be a string",
        "{\"item\":{\"a\":1}}|item|must be a string",
        "{\"addresses\":{\"city\":\"Oslo\"}}|addresses|must be an array",
        "{\"addresses\":[[{\"city\":\"Oslo\"}]]}|addresses[0]|must be an object",
        "{\"addresses\":[{\"city\":[\"Oslo\"]}]}|addresses[0].city|must be a string",
        "{\"addresses\":[{\"city\":\"a\"},[{\"city\":\"b\",\"zip\":1}]]}|addresses[1]|must be an object",
        "{\"counters\":[{\"a\":1}]}|counters|must be an object",
        "{\"counters\":{\"a\":[3000000000]}}|counters.a|must be a 32-bit integer",
        "{\"counters\":{\"a\":\"1\"}}|counters.a|must be a 32-bit integer"})
    void wrappedAndMistypedValuesAreRefusedWithTheirPlace(String body, String path, String message) {
        assertRefused(checkEntity(Order.class, body), body, path, message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"priority\":[1]}|priority|must be a 32-bit integer",
        "{\"gift\":\"true\"}|gift|must be true or false",
        "{\"gift\":1}|gift|must be true or false",
        "{\"gift\":[true]}|gift|must be true or false",
        "{\"fragile\":null}|fragile|must not be null",
        "{\"grade\":\"ab\"}|grade|must be a single character",
        "{\"grade\":5}|grade|must be a single character",
        "{\"note\":[\"x\"]}|note|must be a string",
        "{\"note\":5}|note|must be a string",
        "{\"rank\":[5]}|rank|must be a 32-bit integer",
        "{\"slot\":\"5\"}|slot|must be a 32-bit integer",
        "{\"speed\":[\"EXPRESS\"]}|speed|must be a string",
        "{\"speed\":\"express\"}|speed|is not one of the allowed values",
        "{\"speed\":0}|speed|must be a string",
        "{\"deliverBy\":[\"2030-01-01\"]}|deliverBy|must be a string",
        "{\"ref\":[\"123e4567-e89b-12d3-a456-426614174000\"]}|ref|must be a string",
        "{\"total\":\"1.5\"}|total|must be a number",
        "{\"total\":[1]}|total|must be a number",
        "{\"serial\":1.5}|serial|must be an integer",
        "{\"to\":[{\"city\":\"Oslo\"}]}|to|must be an object",
        "{\"to\":\"Oslo\"}|to|must be an object",
        "{\"lines\":[[{\"sku\":\"a\",\"count\":1}]]}|lines[0]|must be an object",
        "{\"lines\":[{\"sku\":\"a\",\"count\":[4294967299]}]}|lines[0].count|must be a 32-bit integer",
        "{\"lines\":[{\"sku\":\"a\",\"count\":1,\"price\":1}]}|lines[0].price|is not a known property",
        "{\"extra\":{\"sku\":\"a\"}}|extra|must be an array",
        "{\"stops\":{\"first\":[{\"city\":\"Oslo\"}]}}|stops.first|must be an object",
        "{\"grid\":[1]}|grid[0]|must be an array",
        "{\"grid\":[[[1]]]}|grid[0][0]|must be a 32-bit integer",
        "{\"bytes\":[300]}|bytes[0]|is out of range for an 8-bit integer",
        "{\"bytes\":\"AQI=\"}|bytes|must be an array",
        "{\"price\":true}|price|must be a 64-bit floating-point number",
        "{\"plainMoney\":\"12\"}|plainMoney|must be an object",
        "{\"count\":5}|count|must be a string"})
    void everyKindOfPropertyTakesOnlyItsOwnKind(String body, String path, String message) {
        assertRefused(checkEntity(Shipment.class, body), body, path, message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"item\":\"ink\",\"priority\":null,\"gift\":true,\"fragile\":false,"
        + "\"grade\":\"A\",\"note\":\"\u05e9\u05dc\u05d5\u05dd\",\"rank\":3,\"slot\":null,"
        + "\"speed\":\"EXPRESS\",\"deliverBy\":\"2030-01-01\",\"ref\":\"123e4567-e89b-12d3-a456-426614174000\","
        + "\"total\":12.50,\"serial\":123456789012345678901234567890,\"to\":{\"city\":\"Oslo\"},"
        + "\"lines\":[{\"sku\":\"a\",\"count\":2},null],\"extra\":[],\"stops\":{\"first\":{\"city\":\"Bergen\"}},"
        + "\"grid\":[[1,2],[]],\"bytes\":[1,-128,127],\"count\":\"abc\"}",
        "{\"price\":\"1,234.50\"}", "{\"price\":1234.5}", "{\"money\":\"1234\"}", "{\"money\":1234}",
        "{\"money\":{\"anything\":[1]}}", "{\"plainMoney\":{\"cents\":1234}}", "{\"to\":null,\"lines\":null}"})
    void theSameValuesInTheirOwnKindPass(String body) {
        assertThat(checkEntity(Shipment.class, body)).as(body).isNull();
    }

    @Test
    void collectionsAndRecordsAtTheTopAreCheckedToo() throws Exception {
        java.lang.reflect.Type lines = Shipment.class.getField("lines").getGenericType();
        assertThat(checkEntity(lines, "[{\"sku\":\"a\",\"count\":1}]")).isNull();
        assertThat(checkEntity(lines, "{\"sku\":\"a\",\"count\":1}").getMessage()).isEqualTo("must be an array");
        JsonViolation nested = checkEntity(lines, "[[{\"sku\":\"a\",\"count\":1}]]");
        assertThat(nested.path()).isEqualTo("[0]");
        assertThat(nested.getMessage()).isEqualTo("must be an object");
        assertThat(checkEntity(Line.class, "{\"sku\":\"a\",\"count\":1}")).isNull();
        assertThat(checkEntity(Line.class, "[{\"sku\":\"a\",\"count\":1}]").getMessage())
                .isEqualTo("must be an object");
        assertThat(checkEntity(Line.class, "{\"sku\":[\"a\"],\"count\":1}").path()).isEqualTo("sku");
        assertThat(checkEntity(Line.class, "{\"sku\":\"a\",\"count\":null}").getMessage())
                .isEqualTo("must not be null");
        // types read without JSON-B take any document
        assertThat(checkEntity(String.class, "[{\"a\":1}]")).isNull();
        assertThat(checkEntity(jakarta.json.JsonValue.class, "[1]")).isNull();
        // JSON-P types take their own kind (JAX-RS would hand a JsonArray to a JsonObject parameter: a 500)
        assertThat(checkEntity(jakarta.json.JsonObject.class, "{\"any\":[{\"thing\":1}]}")).isNull();
        assertThat(checkEntity(jakarta.json.JsonObject.class, "[1]").getMessage()).isEqualTo("must be an object");
        assertThat(checkEntity(jakarta.json.JsonArray.class, "{}").getMessage()).isEqualTo("must be an array");
        assertThat(checkEntity(jakarta.json.JsonStructure.class, "1").getMessage())
                .isEqualTo("must be an object or an array");
        assertThat(checkEntity(byte[].class, "{\"a\":1}")).isNull();
        // Optional at the top takes null
        assertThat(checkEntity(Shipment.class.getField("note").getGenericType(), "null")).isNull();
    }

    @Test
    void mismatchedKindsMayBeAllowedButMembersAndRangesAreStillCheckedInsideUnwrappedArrays() {
        TypeShapes lenient = new TypeShapes(true, false);
        java.util.function.BiFunction<Class<?>, String, JsonViolation> check =
                (type, body) -> JsonScannerTest.violation(scanner, body, lenient.ofEntity(type));
        assertThat(check.apply(Order.class, "[{\"item\":\"ink\",\"quantity\":3}]")).isNull();
        assertThat(check.apply(Order.class, "{\"quantity\":\"3\",\"item\":5}")).isNull();
        assertThat(check.apply(Order.class, "[{\"item\":\"ink\",\"isAdmin\":true}]").getMessage())
                .isEqualTo("is not a known property");
        assertThat(check.apply(Order.class, "[{\"id\":1}]").getMessage()).isEqualTo("is read-only");
        JsonViolation range = check.apply(Order.class, "{\"quantity\":[4294967299]}");
        assertThat(range.path()).isEqualTo("quantity[0]");
        assertThat(range.getMessage()).isEqualTo("is out of range for a 32-bit integer");
        assertThat(check.apply(Order.class, "null").getMessage()).isEqualTo("must not be null");
    }

    @Test
    void recordsAndCreatorsHonourReadOnlyAndRenames() {
        assertThat(check(Customer.class, "{\"id\":\"x\"}").getMessage()).isEqualTo("is read-only");
        assertThat(check(Customer.class, "{\"email\":\"x\"}").getMessage()).isEqualTo("is not a known property");
        assertThat(check(Created.class, "{\"role\":\"admin\"}").getMessage()).isEqualTo("is read-only");
        assertThat(check(Created.class, "{\"name\":\"a\"}").getMessage()).isEqualTo("is not a known property");
    }

    @Test
    void unknownPropertiesCanBeAllowed() {
        Shape lenient = new TypeShapes(false).of(Order.class);
        assertThat(JsonScannerTest.violation(scanner, "{\"extra\":1}", lenient)).isNull();
        // read-only stays refused
        assertRefused(JsonScannerTest.violation(scanner, "{\"id\":1}", lenient), "{\"id\":1}", "id", "is read-only");
    }
}
