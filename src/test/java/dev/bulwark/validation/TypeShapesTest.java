package dev.bulwark.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.api.ReadOnly;
import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
        try {
            scanner.scan(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream(),
                    shapes.of(type));
            return null;
        } catch (JsonViolation v) {
            return v;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
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
        JsonViolation v = check(Order.class, body);
        assertThat(v).isNotNull();
        assertThat(v.kind()).isEqualTo(JsonViolation.Kind.CONTENT);
        assertThat(v.path()).isEqualTo(path);
        assertThat(v.getMessage()).isEqualTo(message);
    }

    @Test
    void recordsAndCreatorsHonourReadOnlyAndRenames() {
        assertThat(check(Customer.class, "{\"id\":\"x\"}").getMessage()).isEqualTo("is read-only");
        assertThat(check(Customer.class, "{\"email\":\"x\"}").getMessage()).isEqualTo("is not a known property");
        assertThat(check(Created.class, "{\"role\":\"admin\"}").getMessage()).isEqualTo("is read-only");
        assertThat(check(Created.class, "{\"name\":\"a\"}").getMessage()).isEqualTo("is not a known property");
    }

    @Test
    void unknownPropertiesCanBeAllowed() throws Exception {
        Shape lenient = new TypeShapes(false).of(Order.class);
        scanner.scan(new ByteArrayInputStream("{\"extra\":1}".getBytes(StandardCharsets.UTF_8)),
                new ByteArrayOutputStream(), lenient);
        // read-only stays refused
        JsonViolation v = null;
        try {
            scanner.scan(new ByteArrayInputStream("{\"id\":1}".getBytes(StandardCharsets.UTF_8)),
                    new ByteArrayOutputStream(), lenient);
        } catch (JsonViolation e) {
            v = e;
        }
        assertThat(v).isNotNull();
    }
}
