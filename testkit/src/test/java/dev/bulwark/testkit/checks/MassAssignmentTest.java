package dev.bulwark.testkit.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.testkit.FakeApi;
import dev.bulwark.testkit.FakeApi.Answer;
import dev.bulwark.testkit.OwaspCategory;
import dev.bulwark.testkit.Severity;
import dev.bulwark.testkit.engine.Json;
import dev.bulwark.testkit.engine.ScanContext;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MassAssignmentTest {

    @TempDir
    static Path keys;

    @Test
    void anApiThatRefusesUnknownFieldsGivesNoFinding() {
        try (FakeApi api = Shop.correct()) {
            ScanContext ctx = Shop.scan(api, keys, new MassAssignment());
            assertThat(ctx.findings()).isEmpty();
            assertThat(ctx.testedSubjects()).extracting(t -> t.subject())
                    .contains("POST /shop/api/orders", "PUT /shop/api/orders/{id}");
            // the minimal body from the schema: required item and quantity (minimum 1), plus one extra at a time
            assertThat(api.calls()).anyMatch(c -> c.method().equals("POST")
                    && c.body().equals("{\"item\":\"bulwarkkit\",\"quantity\":1,\"isAdmin\":true}"));
        }
    }

    @Test
    void anApiThatIgnoresUnknownFieldsSilentlyGivesNoFinding() {
        FakeApi api = new FakeApi().on("POST", "/shop/api/orders",
                (m, c) -> Answer.json(201, Shop.order("303", c.subject())));
        try (FakeApi shop = Shop.routes(api)) {
            assertThat(Shop.scan(shop, keys, new MassAssignment()).findings()).isEmpty();
        }
    }

    @Test
    void echoedPrivilegedFieldsAreReported() {
        FakeApi api = new FakeApi().on("POST", "/shop/api/orders", (m, c) -> {
            JsonObject sent = Json.parse(c.body()).asJsonObject();
            JsonObject kept = jakarta.json.Json.createObjectBuilder(Json.parse(Shop.order("303", c.subject()))
                    .asJsonObject()).addAll(jakarta.json.Json.createObjectBuilder(sent)).build();
            return Answer.json(201, kept.toString());
        });
        try (FakeApi shop = Shop.routes(api)) {
            ScanContext ctx = Shop.scan(shop, keys, new MassAssignment());
            assertThat(ctx.findings()).filteredOn(f -> f.rule().equals("mass-assignment.unknown-field"))
                    .extracting(f -> f.message().replaceAll(" = .*", "")).contains(
                            "the API accepted the undeclared property isAdmin",
                            "the API accepted the undeclared property role",
                            "the API accepted the undeclared property id",
                            "the API accepted the undeclared property customerId");
            assertThat(ctx.findings()).allSatisfy(f -> {
                assertThat(f.category()).isEqualTo(OwaspCategory.API3);
                assertThat(f.subject()).isEqualTo("POST /shop/api/orders");
                assertThat(f.severity()).isEqualTo(Severity.HIGH);
            });
        }
    }

    @Test
    void aReadOnlyPropertyTheServerKeepsIsReported() {
        FakeApi api = new FakeApi().on("PUT", "/shop/api/orders/101", (m, c) -> Answer.json(200, c.body()));
        try (FakeApi shop = Shop.routes(api)) {
            ScanContext ctx = Shop.scan(shop, keys, new MassAssignment());
            assertThat(ctx.findings()).anySatisfy(f -> {
                assertThat(f.rule()).isEqualTo("mass-assignment.read-only-field");
                assertThat(f.subject()).isEqualTo("PUT /shop/api/orders/{id}");
                assertThat(f.message()).contains("owner = \"bulwarkkit-read-only\"");
            });
        }
    }
}
