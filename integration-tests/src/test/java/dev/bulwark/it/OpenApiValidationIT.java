package dev.bulwark.it;

import static dev.bulwark.it.ItSupport.assertProblem;
import static dev.bulwark.it.ItSupport.awaitLog;
import static dev.bulwark.it.ItSupport.get;
import static dev.bulwark.it.ItSupport.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Requests to {@code /it-openapi} checked against the static document META-INF/bulwark-it-openapi.yaml
 * ({@code bulwark.openapi.validation=on}, unknown query parameters refused): a request a real client sends passes,
 * a broken one gets one 400 problem listing every violation (where, which field, what), never the values.
 */
class OpenApiValidationIT {

    private static final String ITEMS = "/it-openapi/api/items";

    @BeforeAll
    static void deployed() {
        assumeTrue(ItSupport.onLiberty(), "the /it-openapi deployment is Liberty's (server.xml)");
        ItSupport.awaitApplication("/it-openapi");
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static List<String> errors(JsonObject problem) {
        return problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("in") + " " + e.getString("field") + ": " + e.getString("message")).toList();
    }

    @Test
    void theDocumentIsCompiledAtDeploymentAndWhatItDoesNotDescribeIsNamed() {
        awaitLog("Bulwark validates requests to /it-openapi against the OpenAPI document"
                + " META-INF/bulwark-it-openapi.yaml (2 operations)");
        awaitLog("the OpenAPI document META-INF/bulwark-it-openapi.yaml of /it-openapi does not describe",
                "POST /it-openapi/api/items/strict", "their requests are not validated against it");
        // an endpoint the document does not describe is served as before
        assertThat(get("/it-openapi/api/errors/ok").statusCode()).isEqualTo(200);
    }

    @Test
    void aRealClientsRequestPassesUnicodeRepeatedParametersAndOptionalOnesAbsent() {
        HttpResponse<String> all = get(ITEMS + "/7?limit=50&tag=" + q("חתול") + "&tag=" + q("ねこ"),
                "X-Tenant", "eu");
        assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
        assertThat(all.body()).isEqualTo("{\"id\":7,\"limit\":50}");
        HttpResponse<String> bare = get(ITEMS + "/7", "X-Tenant", "us");
        assertThat(bare.statusCode()).as(bare.body()).isEqualTo(200);
        HttpResponse<String> created = send("POST", ITEMS, "{\"name\":\"ספר שלום\",\"quantity\":3,"
                + "\"email\":\"reader@example.com\"}", "Content-Type", "application/json; charset=utf-8");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    @Test
    void brokenParametersGetOneProblemListingEveryViolationWithoutTheirValues() {
        HttpResponse<String> r = get(ITEMS + "/0?limit=0&debug=" + q("<script>") + "&tag=a&tag=b&tag=c&tag=d",
                "X-Tenant", "mars");
        JsonObject problem = assertProblem(r, 400);
        assertThat(errors(problem)).containsExactlyInAnyOrder(
                "path itemId: is below the minimum",
                "query limit: is below the minimum",
                "query tag: has too many items",
                "header X-Tenant: is not one of the allowed values",
                "query debug: is not a documented query parameter");
        assertThat(r.body()).doesNotContain("mars", "script");
        // the same request is served where validation is off (only the resource's own @Max applies there)
        assertThat(get("/it/api/items/7?limit=0&debug=1").statusCode()).isEqualTo(200);
    }

    @Test
    void aMissingRequiredHeaderIsRefused() {
        assertThat(errors(assertProblem(get(ITEMS + "/7"), 400))).containsExactly("header X-Tenant: is required");
    }

    @Test
    void aBodyAgainstTheOperationsSchema() {
        HttpResponse<String> r = send("POST", ITEMS, "{\"name\":\"Widget\",\"quantity\":101,"
                + "\"email\":\"not an address\"}", "Content-Type", "application/json");
        assertThat(errors(assertProblem(r, 400))).containsExactlyInAnyOrder(
                "body quantity: is above the maximum", "body email: is not in the required format");
        assertThat(r.body()).doesNotContain("not an address", "101");
        assertThat(errors(assertProblem(send("POST", ITEMS, "{\"quantity\":1}", "Content-Type",
                "application/json"), 400))).containsExactly("body name: is required");
    }

    @Test
    void aUiServedFromTheWarGetsAPolicyItsScriptsRunUnderAndTheApiKeepsItsOwn() {
        HttpResponse<String> ui = get("/it-openapi/docs-ui/index.html");
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("script-src 'self'", "style-src 'self' 'unsafe-inline'", "connect-src 'self'",
                        "frame-ancestors 'none'"));
        assertThat(ui.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(get("/it-openapi/docs-ui/ui.js").headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'"));
        for (String api : List.of("/it-openapi/api/errors/ok", "/it/docs-ui/index.html")) {
            assertThat(get(api).headers().firstValue("Content-Security-Policy")).as(api)
                    .hasValue("default-src 'none'; frame-ancestors 'none'");
        }
    }

    @Test
    void aDocumentThatNoLongerMatchesTheApplicationFailsItsDeployment() throws Exception {
        String refusal = "Bulwark cannot validate requests to /it-openapi-stale against the OpenAPI document";
        long before = ItSupport.countLogLines(refusal);
        java.nio.file.Path dropIn = ItSupport.dropIn(ItSupport.LOG, "itOpenapiStale", "/it-openapi-stale",
                "bulwark.openapi.validation", "on",
                "bulwark.openapi.document", "META-INF/bulwark-it-openapi-mismatch.yaml");
        try {
            ItSupport.awaitMoreLines(ItSupport::readLog, refusal, before);
            assertThat(ItSupport.readLog().lines().filter(l -> l.contains(refusal)).reduce((a, b) -> b).orElseThrow())
                    .contains("bulwark.openapi.document (META-INF/bulwark-it-openapi-mismatch.yaml)")
                    .contains("/items/{itemId}/explode").contains("is served by no resource method");
            assertThat(send("GET", "/it-openapi-stale/api/errors/ok", null).statusCode())
                    .as("the application with a stale document serves nothing").isEqualTo(404);
        } finally {
            java.nio.file.Files.deleteIfExists(dropIn);
        }
    }
}
