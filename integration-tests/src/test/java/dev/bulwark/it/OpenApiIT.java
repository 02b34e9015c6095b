package dev.bulwark.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The security Bulwark enforces, written into the MicroProfile OpenAPI document Liberty serves (docs/openapi.md): the
 * schemes, each operation's requirement and access rule, the problem responses Bulwark answers. (Liberty adds its
 * own server list after the filters run: the HTTPS-only server list is unit-tested, see docs/openapi.md.)
 */
class OpenApiIT {

    private static JsonObject document;

    /**
     * The merged document, once it holds the /it module (Liberty documents the modules as each one starts, and
     * may answer with a document made before the last one did): asked again, bounded, until it does.
     */
    @BeforeAll
    static void readTheDocument() throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(10).toNanos();
        while (true) {
            HttpResponse<String> r = ItSupport.sendTo(ItSupport.HTTP, "GET", "/openapi", null, "Accept",
                    "application/json");
            assertThat(r.statusCode()).isEqualTo(200);
            document = ItSupport.json(r.body());
            var paths = document.getJsonObject("paths").keySet();
            if (paths.contains("/it/api/orders/{id}") && paths.contains("/it/api/echo/client")
                    || System.nanoTime() > deadline) {
                return;
            }
            Thread.sleep(2000);
        }
    }

    private static JsonObject operation(String path, String method) {
        JsonObject item = document.getJsonObject("paths").getJsonObject(path);
        assertThat(item).as("%s in %s", path, document.getJsonObject("paths").keySet()).isNotNull();
        JsonObject op = item.getJsonObject(method);
        assertThat(op).as("%s %s", method, path).isNotNull();
        return op;
    }

    private static List<String> strings(JsonObject o, String name) {
        return o.getJsonArray(name).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    @Test
    void anOperationWithRolesAndAnObjectCheckTellsItsRequirementAndItsProblems() {
        JsonObject get = operation("/it/api/orders/{id}", "get");
        assertThat(get.getJsonArray("security")).as(get.toString()).isNotEmpty();
        assertThat(get.getJsonArray("security").getJsonObject(0).containsKey("bulwark-bearer")).isTrue();
        JsonObject access = get.getJsonObject("x-bulwark-access");
        assertThat(access.getString("access")).isEqualTo("authenticated");
        assertThat(strings(access, "roles")).containsExactly("admin", "user");
        assertThat(access.containsKey("objectLevel")).isTrue();
        JsonObject responses = get.getJsonObject("responses");
        assertThat(responses.keySet()).contains("400", "401", "403", "404", "429", "500");
        assertThat(responses.getJsonObject("404").getString("$ref")).isEqualTo("#/components/responses/BulwarkNotFound");
        assertThat(responses.getJsonObject("429").getString("$ref"))
                .isEqualTo("#/components/responses/BulwarkTooManyRequests");
    }

    @Test
    void aPublicOperationNeedsNoCredential() {
        JsonObject get = operation("/it/api/echo/client", "get");
        assertThat(get.getJsonArray("security")).isEmpty();
        assertThat(get.getJsonObject("x-bulwark-access").getString("access")).isEqualTo("public");
        assertThat(get.getJsonObject("responses").keySet()).doesNotContain("401", "403");
    }

    @Test
    void theComponentsDescribeTheSchemeTheProblemAndTheRateLimitFields() {
        JsonObject components = document.getJsonObject("components");
        JsonObject bearer = components.getJsonObject("securitySchemes").getJsonObject("bulwark-bearer");
        assertThat(bearer.getString("type")).isEqualTo("http");
        assertThat(bearer.getString("scheme")).isEqualTo("bearer");
        assertThat(bearer.getString("bearerFormat")).isEqualTo("JWT");
        JsonObject tooMany = components.getJsonObject("responses").getJsonObject("BulwarkTooManyRequests");
        assertThat(tooMany.getJsonObject("headers").keySet()).contains("Retry-After", "RateLimit", "RateLimit-Policy");
        assertThat(tooMany.getJsonObject("content").keySet()).containsExactly("application/problem+json");
        JsonObject problem = components.getJsonObject("schemas").getJsonObject("BulwarkProblem");
        assertThat(problem.getJsonObject("properties").keySet()).contains("type", "title", "status", "detail",
                "correlationId", "errors");
    }
}
