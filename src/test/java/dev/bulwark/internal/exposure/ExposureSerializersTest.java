package dev.bulwark.internal.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import dev.bulwark.api.Sensitive;
import jakarta.json.bind.annotation.JsonbSubtype;
import jakarta.json.bind.annotation.JsonbTypeInfo;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The filter inside Yasson (the JSON-B of Open Liberty, Payara and WildFly): the bytes a client would get. */
@SuppressWarnings("try") // Jsonb.close() declares Exception
class ExposureSerializersTest {

    private final ExposureSerializers serializers = new ExposureSerializers(SensitiveNames.defaults());

    private String write(Object entity, Type type, String... paths) {
        FieldPaths view = paths.length == 0 ? FieldPaths.ANY : FieldPaths.of(List.of(paths));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializers.write(entity, type, view, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theContainersStreamIsNeitherFlushedNorClosedSoTheResponseKeepsItsContentLength() {
        int[] flushes = new int[1];
        boolean[] closed = new boolean[1];
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        java.io.OutputStream container = new java.io.FilterOutputStream(bytes) {
            @Override
            public void flush() {
                flushes[0]++;
            }

            @Override
            public void close() {
                closed[0] = true;
            }
        };
        serializers.write(Map.of("status", "UP"), Map.class, FieldPaths.ANY, container);
        ExposureSerializers.write(serializers.jsonb(FieldPaths.ANY), List.of(1, 2), List.class, container);
        // every byte arrived although nothing was flushed: a flush would commit the response before its length is known
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("{\"status\":\"UP\"}[1,2]");
        assertThat(flushes[0]).isZero();
        assertThat(closed[0]).isFalse();
    }

    @Test
    void aLongBodyGoesOutInPiecesAsUtf8WithoutSplittingASurrogatePair() {
        // right-to-left text, an emoji (a surrogate pair) and CJK, over several pieces
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            items.add("\u05e9\u05dc\u05d5\u05dd " + i + " \ud83d\ude00 \u6f22\u5b57");
        }
        List<Integer> writes = new ArrayList<>();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream() {
            @Override
            public synchronized void write(byte[] b, int off, int len) {
                writes.add(len);
                super.write(b, off, len);
            }
        };
        serializers.write(items, List.class, FieldPaths.ANY, bytes);
        assertThat(writes).hasSizeGreaterThan(1);
        String json = bytes.toString(StandardCharsets.UTF_8);
        assertThat(json).doesNotContain("?").doesNotContain("\ufffd");
        assertThat(Json.createReader(new java.io.StringReader(json)).readArray().getString(2999))
                .isEqualTo("\u05e9\u05dc\u05d5\u05dd 2999 \ud83d\ude00 \u6f22\u5b57");
    }

    @Test
    void aSerializationThatFailsSendsNothingOfASmallBody() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Map<String, Object> cycle = new LinkedHashMap<>();
        cycle.put("name", "loop");
        cycle.put("self", cycle);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> serializers.write(cycle, Map.class, FieldPaths.ANY, bytes)).isNotNull();
        assertThat(bytes.size()).isZero();
    }

    @Test
    void yassonCreatesItsGeneratorsThroughTheGivenProvider() {
        String json = write(Shapes.customer(1), Shapes.Customer.class, "id");
        assertThat(json).isEqualTo("{\"id\":1}");
    }

    @Test
    void onlyListedNamesLeaveAndTheOthersAreAbsentFromTheBytesNotNull() {
        String json = write(Shapes.customer(1), Shapes.Customer.class, "id", "name", "address.city",
                "orders.total");
        assertThat(json).isEqualTo("{\"address\":{\"city\":\"London\"},\"id\":1,\"name\":\"Ada 1\","
                + "\"orders\":[{\"total\":12.50}]}");
        assertThat(json).doesNotContain("e-mail", "street", "null", "hash", "note", "4111", "attributes");
    }

    @Test
    void renamedPropertiesAreListedByTheirJsonName() {
        assertThat(write(Shapes.customer(1), Shapes.Customer.class, "e-mail")).isEqualTo(
                "{\"e-mail\":\"ada1@example.com\"}");
        assertThat(write(Shapes.customer(1), Shapes.Customer.class, "email")).isEqualTo("{}");
    }

    @Test
    void withoutAnAllowListEverythingButSensitiveLeaves() {
        String json = write(Shapes.customer(1), Shapes.Customer.class);
        JsonObject o = Json.createReader(new java.io.StringReader(json)).readObject();
        assertThat(o.keySet()).contains("id", "name", "e-mail", "address", "orders", "internalNote",
                "passwordResetRequired");
        assertThat(json).doesNotContain("passwordHash", "$2a$", "cardNumber", "4111", "apiKey", "AKIA");
        assertThat(o.getJsonObject("attributes").keySet()).containsExactly("color");
    }

    @Test
    void aSensitivePropertyNeverLeavesEvenWhenAWildcardCoversIt() {
        String json = write(Shapes.customer(1), Shapes.Customer.class, "*", "orders.*");
        assertThat(json).doesNotContain("passwordHash", "$2a$", "cardNumber", "4111");
        assertThat(json).contains("\"orders\":[{\"id\":7,\"status\":\"PAID\",\"total\":12.50}]");
    }

    @Test
    void aFieldAddedLaterOrASubclassFieldDoesNotLeave() {
        Shapes.PremiumCustomer p = new Shapes.PremiumCustomer();
        p.id = 3;
        p.name = "Grace";
        assertThat(write(p, Shapes.Customer.class, "id", "name")).isEqualTo("{\"id\":3,\"name\":\"Grace\"}");
    }

    @Test
    void aPolymorphicCollectionIsFilteredElementByElement() {
        List<Shapes.Customer> mixed = new ArrayList<>();
        mixed.add(Shapes.customer(1));
        Shapes.PremiumCustomer p = new Shapes.PremiumCustomer();
        p.id = 2;
        mixed.add(p);
        Type type = new ArrayList<Shapes.Customer>() { }.getClass().getGenericSuperclass();
        String json = write(mixed, type, "id");
        assertThat(json).isEqualTo("[{\"id\":1},{\"id\":2}]");
    }

    @Test
    void mapKeysAreNamesAndSensitiveKeysNeverLeave() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("color", "red");
        map.put("apiKey", "AKIAIOSFODNN7EXAMPLE");
        map.put("client_secret", "x");
        map.put("nested", Map.of("password", "hunter2", "ok", 1));
        map.put("tokenType", "Bearer");
        String json = write(map, Map.class);
        assertThat(json).doesNotContain("apiKey", "AKIA", "client_secret", "hunter2", "password");
        assertThat(json).contains("\"color\":\"red\"", "\"ok\":1", "\"tokenType\":\"Bearer\"");
        assertThat(write(map, Map.class, "*")).isEqualTo("{\"color\":\"red\",\"nested\":{},\"tokenType\":\"Bearer\"}");
    }

    @Test
    void genericWrappersAndOptionalFollowTheirContents() {
        Shapes.Page<Shapes.Customer> page = new Shapes.Page<>();
        page.items.add(Shapes.customer(1));
        page.items.add(Shapes.customer(2));
        page.total = 2;
        assertThat(write(page, Shapes.Page.class, "total", "items.id")).isEqualTo(
                "{\"items\":[{\"id\":1},{\"id\":2}],\"total\":2}");
        assertThat(write(Optional.of(Shapes.customer(5)), Optional.class, "id")).isEqualTo("{\"id\":5}");
    }

    @Test
    void adaptersAreFilteredOnWhatTheyWrite() {
        Shapes.Invoice invoice = new Shapes.Invoice();
        invoice.number = "INV-1";
        invoice.amount = new Shapes.Money();
        invoice.amount.amount = new java.math.BigDecimal("9.99");
        invoice.amount.currency = "EUR";
        assertThat(write(invoice, Shapes.Invoice.class, "number", "amount.amount")).isEqualTo(
                "{\"amount\":{\"amount\":9.99},\"number\":\"INV-1\"}");
        assertThat(write(invoice, Shapes.Invoice.class)).doesNotContain("ledgerSecret", "s3cr3t", "draft");
    }

    @Test
    void aTypeCycleWithAcyclicDataIsWrittenAsDeepAsTheListSays() {
        Shapes.Category root = new Shapes.Category();
        root.name = "root";
        Shapes.Category child = new Shapes.Category();
        child.name = "child";
        child.parent = root;
        assertThat(write(child, Shapes.Category.class, "name", "parent.name")).isEqualTo(
                "{\"name\":\"child\",\"parent\":{\"name\":\"root\"}}");
    }

    @Test
    void aLeafNamingAnObjectWritesItEmpty() {
        assertThat(write(Shapes.customer(1), Shapes.Customer.class, "address")).isEqualTo("{\"address\":{}}");
    }

    @Test
    void jsonPValuesAreFilteredToo() {
        JsonObject value = Json.createObjectBuilder().add("id", 1).add("password", "hunter2")
                .add("inner", Json.createObjectBuilder().add("keep", true).add("drop", false)).build();
        assertThat(write(value, JsonObject.class, "*", "inner.keep")).isEqualTo(
                "{\"id\":1,\"inner\":{\"keep\":true}}");
    }

    @Test
    void anApplicationsOwnJsonbIsReplayedThroughTheSameFilter() throws Exception {
        try (Jsonb own = JsonbBuilder.create(new jakarta.json.bind.JsonbConfig().withPropertyNamingStrategy(
                jakarta.json.bind.config.PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            serializers.write(Shapes.customer(1), Shapes.Customer.class, own,
                    FieldPaths.of(List.of("id", "internal_note", "*")), Set.of("passwordHash", "e-mail"), out);
            // the application's naming strategy writes password_hash: held back by its words, as is e-mail
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"address\":{},\"attributes\":{},\"id\":1,"
                    + "\"internal_note\":\"pays late\",\"name\":\"Ada 1\",\"orders\":[{}],"
                    + "\"password_reset_required\":false}");
        }
    }

    @Test
    void equalViewsShareOneSerializer() {
        serializers.jsonb(FieldPaths.of(List.of("id", "name")));
        serializers.jsonb(FieldPaths.of(List.of("name", "id")));
        serializers.jsonb(FieldPaths.ANY);
        serializers.jsonb(FieldPaths.ANY);
        assertThat(serializers.size()).isEqualTo(2);
    }

    @Test
    void legitimateResponsesAreByteForByteWhatPlainJsonbWrites() throws Exception {
        Shapes.Address a = new Shapes.Address();
        a.city = "Paris";
        a.street = "2 Rue";
        try (Jsonb plain = JsonbBuilder.create()) {
            assertThat(write(a, Shapes.Address.class)).isEqualTo(plain.toJson(a));
            assertThat(write(a, Shapes.Address.class, "city", "street")).isEqualTo(plain.toJson(a));
        }
    }

    /** A field whose getter has another name: the getter is another property. */
    public static class Noted {
        @Sensitive
        private String secretNote = "NOTE-1";
        private String pin = "1234";

        public String getNote() {
            return secretNote;
        }

        @Sensitive
        public String getCode() {
            return pin;
        }

        public String getSecretNote() {
            return secretNote;
        }
    }

    @Test
    void aSensitiveFieldCoversItsGetterAGetterWithAnotherNameMustBeMarkedItself() {
        assertThat(ResponseTypes.sensitiveJsonNames(Noted.class)).containsExactlyInAnyOrder("secretNote", "code");
        String json = write(new Noted(), Noted.class);
        // getSecretNote is held back with its field, getCode by its own mark; getNote is another property
        assertThat(json).isEqualTo("{\"note\":\"NOTE-1\"}");
    }

    @JsonbTypeInfo(key = "@type", value = {@JsonbSubtype(alias = "dog", type = Dog.class)})
    public interface Animal {
    }

    public static class Dog implements Animal {
        public String name = "Rex";
        public String owner = "Ada";
    }

    @Test
    void aTypeDiscriminatorLeavesOnlyWhenTheListNamesIt() {
        Type animals = new java.util.ArrayList<Animal>() { }.getClass().getGenericSuperclass();
        List<Animal> dogs = List.of(new Dog());
        assertThat(write(dogs, animals, "@type", "name")).isEqualTo("[{\"@type\":\"dog\",\"name\":\"Rex\"}]");
        assertThat(write(dogs, animals, "name")).as("the discriminator is a name like any other")
                .isEqualTo("[{\"name\":\"Rex\"}]");
        assertThat(write(dogs, animals)).isEqualTo("[{\"@type\":\"dog\",\"name\":\"Rex\",\"owner\":\"Ada\"}]");
    }
}
