package dev.bulwark.testkit.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.testkit.FakeApi;
import dev.bulwark.testkit.FakeApi.Answer;
import dev.bulwark.testkit.OwaspCategory;
import dev.bulwark.testkit.Severity;
import dev.bulwark.testkit.engine.ScanContext;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExposureTest {

    @TempDir
    static Path keys;

    @Test
    void documentedAnswersWithoutSecretsGiveNoFinding() {
        FakeApi api = new FakeApi().on("GET", "/shop/api/products", (m, c) -> Answer.json(200,
                "[{\"id\":1,\"name\":\"Book\"},{\"id\":4111111111111111,\"name\":\"masked: ****\"}]"));
        try (FakeApi shop = Shop.routes(api)) {
            ScanContext ctx = Shop.scan(shop, keys, new Exposure());
            assertThat(ctx.findings()).isEmpty();
            assertThat(ctx.testedSubjects()).extracting(t -> t.subject())
                    .contains("GET /shop/api/orders", "GET /shop/api/orders/{id}", "GET /shop/api/products");
        }
    }

    @Test
    void aFieldOutsideTheSchemaAndASensitiveFieldAreReported() {
        FakeApi api = new FakeApi().on("GET", "/shop/api/orders/([^/]+)", (m, c) -> Answer.json(200,
                "{\"id\":" + m.group(1) + ",\"item\":\"b\",\"internalNote\":\"vip\",\"owner\":\"u\","
                        + "\"customer\":{\"passwordHash\":\"$2a$10$abc\",\"hasPassword\":true}}"));
        try (FakeApi shop = Shop.routes(api)) {
            ScanContext ctx = Shop.scan(shop, keys, new Exposure());
            assertThat(ctx.findings()).extracting(f -> f.rule()).containsExactlyInAnyOrder(
                    "exposure.undocumented-field", "exposure.sensitive-field");
            assertThat(ctx.findings()).allSatisfy(f -> {
                assertThat(f.category()).isEqualTo(OwaspCategory.API3);
                assertThat(f.subject()).isEqualTo("GET /shop/api/orders/{id}");
            });
            assertThat(ctx.findings()).anySatisfy(f -> assertThat(f.message())
                    .contains("internalNote, customer").doesNotContain("item"));
            assertThat(ctx.findings()).anySatisfy(f -> {
                assertThat(f.message()).contains("customer.passwordHash").doesNotContain("hasPassword");
                assertThat(f.severity()).isEqualTo(Severity.HIGH);
            });
        }
    }

    @Test
    void personalDataNamesAreReportedButNamesAndOwnContactsAreNot() {
        // A leaking order: its customer's birth date, phone and home address (the attack review's planted leak).
        FakeApi api = new FakeApi().on("GET", "/shop/api/orders/([^/]+)", (m, c) -> Answer.json(200,
                "{\"id\":" + m.group(1) + ",\"item\":\"b\",\"quantity\":1,\"owner\":\"u\","
                        + "\"birthDate\":\"1980-01-02\",\"phone\":\"+44 20 7946 0000\","
                        + "\"homeAddress\":\"1 High St\",\"ipAddress\":\"203.0.113.1\"}"));
        try (FakeApi shop = Shop.routes(api)) {
            ScanContext ctx = Shop.scan(shop, keys, new Exposure());
            assertThat(ctx.findings()).filteredOn(f -> f.rule().equals("exposure.sensitive-field")).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("birthDate", "phone", "homeAddress")
                            .doesNotContain("ipAddress").doesNotContain("item"));
        }
    }

    @Test
    void secretShapedValuesAreReported() {
        FakeApi api = new FakeApi().on("GET", "/shop/api/products", (m, c) -> Answer.json(200,
                "[{\"id\":1,\"name\":\"AKIAABCDEFGHIJKLMNOP\"},{\"id\":2,\"name\":\"4111 1111 1111 1111\"}]"));
        try (FakeApi shop = Shop.routes(api)) {
            ScanContext ctx = Shop.scan(shop, keys, new Exposure());
            assertThat(ctx.findings()).singleElement().satisfies(f -> {
                assertThat(f.rule()).isEqualTo("exposure.secret-value");
                assertThat(f.message()).contains("AWS access key id", "card number");
            });
        }
    }

    @Test
    void secretShapesAreRecognisedNarrowly() {
        assertThat(Exposure.secretKind("token", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig")).isEqualTo("JWT");
        assertThat(Exposure.secretKind("key", "-----BEGIN RSA PRIVATE KEY-----\nMII")).isEqualTo("PEM private key");
        assertThat(Exposure.secretKind("note", "4111111111111112")).isNull();
        assertThat(Exposure.secretKind("orderId", "4111111111111111")).isNull();
        assertThat(Exposure.secretKind("note", "-----BEGIN CERTIFICATE-----")).isNull();
    }
}
