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
     * The merged document of every module the server runs (the same WAR under several context roots and
     * configurations), once a module documents the operations below with Bulwark's marks: Liberty documents the
     * modules as each one starts, and its merged document may not hold every module (it leaves out some of the same
     * WAR's): asked again, bounded, until one does (and again when building it outlasts a request's timeout).
     */
    @BeforeAll
    static void readTheDocument() throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(5).toNanos();
        while (true) {
            HttpResponse<String> r;
            try {
                r = ItSupport.sendTo(ItSupport.HTTP, "GET", "/openapi", null, "Accept", "application/json");
            } catch (java.io.UncheckedIOException e) {
                // the first document is built as it is asked for (every module scanned and merged): on a loaded
                // machine that may outlast one request's timeout, so it is asked again within the same deadline
                if (!(e.getCause() instanceof java.net.http.HttpTimeoutException) || System.nanoTime() > deadline) {
                    throw e;
                }
                continue;
            }
            assertThat(r.statusCode()).isEqualTo(200);
            document = ItSupport.json(r.body());
            if (marked("/api/orders/{id}", "get") != null && marked("/api/echo/client", "get") != null
                    || System.nanoTime() > deadline) {
                return;
            }
            Thread.sleep(2000);
        }
    }

    /** The operation at {@code suffix} of a module whose document Bulwark marked ({@code /it} first), or null. */
    private static JsonObject marked(String suffix, String method) {
        JsonObject paths = document.getJsonObject("paths");
        return paths.keySet().stream().filter(p -> p.matches("/it[a-z-]*/api" + java.util.regex.Pattern.quote(
                        suffix.substring("/api".length()))))
                .sorted(java.util.Comparator.comparing((String p) -> !p.startsWith("/it/")))
                .map(p -> paths.getJsonObject(p).getJsonObject(method))
                .filter(op -> op != null && op.containsKey("x-bulwark-access")).findFirst().orElse(null);
    }

    private static JsonObject operation(String suffix, String method) {
        JsonObject op = marked(suffix, method);
        assertThat(op).as("a marked %s %s in %s", method, suffix, document.getJsonObject("paths").keySet()).isNotNull();
        return op;
    }

    private static List<String> strings(JsonObject o, String name) {
        return o.getJsonArray(name).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    @Test
    void anOperationWithRolesAndAnObjectCheckTellsItsRequirementAndItsProblems() {
        JsonObject get = operation("/api/orders/{id}", "get");
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
        JsonObject get = operation("/api/echo/client", "get");
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
