package dev.bulwark.testkit.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.testkit.FakeApi;
import dev.bulwark.testkit.Finding;
import dev.bulwark.testkit.OwaspCategory;
import dev.bulwark.testkit.engine.ApiModel;
import dev.bulwark.testkit.engine.ScanContext;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BflaCheckTest {

    static final ApiModel MODEL = ApiModel.merge(ApiModel.fromInventory("""
            {"endpoints":[
             {"method":"GET","path":"/api/admin/stats","access":"roles(admin)"},
             {"method":"GET","path":"/api/orders","access":"roles(customer)"},
             {"method":"POST","path":"/api/orders","consumes":["application/json"],"access":"roles(customer)"},
             {"method":"DELETE","path":"/api/orders/{id}","access":"roles(admin)"},
             {"method":"PUT","path":"/api/orders/{id}","access":"roles(admin)"},
             {"method":"GET","path":"/api/status","access":"public"},
             {"method":"GET","path":"/api/legacy","access":""},
             {"method":"GET","path":"/api/closed","access":"NONE: denied by default"}]}"""),
            ApiModel.fromOpenApi("""
            {"openapi":"3.0.3","paths":{"/api/orders":{"post":{"responses":{"201":{"description":"ok"}},
             "security":[{"bearer":["orders:write"]}]}}}}""", null));

    @TempDir
    Path keys;

    private static FakeApi.Answer guarded(FakeApi.Call c, String role, String scope, int status) {
        if (c.subject() == null) {
            return FakeApi.Answer.status(401);
        }
        boolean scoped = scope == null || c.claims().map(x -> x.getString("scope", "")).orElse("").contains(scope);
        return c.roles().contains(role) && scoped ? FakeApi.Answer.json(status, "{}") : FakeApi.Answer.status(403);
    }

    private static FakeApi api(boolean checksScope, boolean openStats) {
        return new FakeApi()
                .on("GET", "/api/admin/stats", (m, c) -> openStats ? FakeApi.Answer.json(200, "{}")
                        : guarded(c, "admin", null, 200))
                .on("GET", "/api/orders", (m, c) -> guarded(c, "customer", null, 200))
                .on("POST", "/api/orders", (m, c) -> guarded(c, "customer", checksScope ? "orders:write" : null,
                        201))
                .on("PUT", "/api/orders/\\d+", (m, c) -> c.subject() == null ? FakeApi.Answer.status(401)
                        : FakeApi.Answer.json(422, "{\"title\":\"invalid order\"}"))
                .on("GET", "/api/status", (m, c) -> FakeApi.Answer.json(200, "{}"))
                .on("GET", "/api/legacy", (m, c) -> FakeApi.Answer.json(200, "{}"))
                .on("GET", "/api/closed", (m, c) -> FakeApi.Answer.status(403));
    }

    @Test
    void rolesAndScopesEnforcedGiveNoFinding() {
        try (FakeApi api = api(true, false)) {
            ScanContext ctx = api.context(api.settings(keys).build(), MODEL);
            new BflaCheck().run(ctx);
            assertThat(ctx.findings()).isEmpty();
            assertThat(ctx.testedSubjects()).extracting(ScanContext.Tested::subject).containsExactlyInAnyOrder(
                    "GET /api/admin/stats", "GET /api/orders", "POST /api/orders", "PUT /api/orders/{id}",
                    "GET /api/closed");
            assertThat(api.calls()).noneMatch(c -> c.method().equals("DELETE"))
                    .noneMatch(c -> c.path().equals("/api/legacy") || c.path().equals("/api/status"));
            assertThat(api.calls()).filteredOn(c -> c.method().equals("POST")).allMatch(c -> c.body().equals("{}"));
            assertThat(api.calls()).filteredOn(c -> c.method().equals("PUT"))
                    .allMatch(c -> c.path().equals("/api/orders/1"));
        }
    }

    @Test
    void aDocumentedScopeThatIsNotCheckedIsAnApi5Finding() {
        try (FakeApi api = api(false, false)) {
            ScanContext ctx = api.context(api.settings(keys).build(), MODEL);
            new BflaCheck().run(ctx);
            assertThat(ctx.findings()).extracting(Finding::rule, Finding::subject, Finding::category)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("bfla.function-level", "POST /api/orders",
                            OwaspCategory.API5));
            assertThat(ctx.findings().get(0).message()).contains("user1").contains("orders:write");
        }
    }

    @Test
    void anAuthenticatedEndpointOpenToAnonymousCallersIsAnApi2Finding() {
        try (FakeApi api = api(true, true)) {
            ScanContext ctx = api.context(api.settings(keys).build(), MODEL);
            new BflaCheck().run(ctx);
            assertThat(ctx.findings()).extracting(Finding::rule).containsExactlyInAnyOrder("bfla.anonymous",
                    "bfla.function-level", "bfla.function-level");
            assertThat(ctx.findings()).filteredOn(f -> f.rule().equals("bfla.anonymous"))
                    .allMatch(f -> f.category() == OwaspCategory.API2 && f.subject().equals("GET /api/admin/stats"));
        }
    }

    @Test
    void aServerThatValidatesTheBodyFirstGetsAWellFormedOneSoTheMissingScopeStillShows() {
        // Bulwark and Bean Validation answer 400 to {} before the resource runs; the documented schema gives a body.
        ApiModel model = ApiModel.merge(ApiModel.fromInventory("""
                {"endpoints":[{"method":"POST","path":"/api/orders","consumes":["application/json"],
                 "access":"roles(customer)"}]}"""), ApiModel.fromOpenApi("""
                {"openapi":"3.0.3","paths":{"/api/orders":{"post":{"requestBody":{"content":{"application/json":
                 {"schema":{"type":"object","required":["item","quantity"],"properties":{"item":{"type":"string"},
                 "quantity":{"type":"integer","minimum":1}}}}}},"responses":{"201":{"description":"ok"}},
                 "security":[{"bearer":["orders:write"]}]}}}}""", null));
        FakeApi validating = new FakeApi().on("POST", "/api/orders", (m, c) -> c.subject() == null
                ? FakeApi.Answer.status(401) : !c.body().contains("\"item\"") || !c.body().contains("\"quantity\"")
                ? FakeApi.Answer.json(400, "{\"title\":\"Bad Request\"}") : guarded(c, "customer", null, 201));
        try (FakeApi api = validating) {
            ScanContext ctx = api.context(api.settings(keys).build(), model);
            new BflaCheck().run(ctx);
            assertThat(ctx.findings()).extracting(Finding::rule).contains("bfla.function-level");
            assertThat(api.calls()).filteredOn(c -> c.method().equals("POST")).allMatch(c -> c.body().contains("item"));
        }
    }
}
