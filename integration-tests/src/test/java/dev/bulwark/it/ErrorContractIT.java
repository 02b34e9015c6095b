package dev.bulwark.it;

import static dev.bulwark.it.ItSupport.assertProblem;
import static dev.bulwark.it.ItSupport.awaitLog;
import static dev.bulwark.it.ItSupport.countLogLines;
import static dev.bulwark.it.ItSupport.get;
import static dev.bulwark.it.ItSupport.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of error a client can provoke in an application that contains no Bulwark code leaves as a generic
 * problem+json with the correlation id, and nothing from the exception, the server or the request leaks.
 */
class ErrorContractIT {

    static Stream<Arguments> errors() {
        String json = "application/json";
        return Stream.of(
                Arguments.of("thrown exception", "GET", "/it/api/errors/boom", null, null, 500),
                Arguments.of("WebApplicationException", "GET", "/it/api/errors/conflict", null, null, 409),
                Arguments.of("app 404 with an HTML body", "GET", "/it/api/errors/html-404", null, null, 404),
                Arguments.of("app 500 with a stack trace body", "GET", "/it/api/errors/raw-500", null, null, 500),
                Arguments.of("app 503 without body", "GET", "/it/api/errors/empty-503", null, null, 503),
                Arguments.of("unknown path under JAX-RS", "GET", "/it/api/no-such-thing", null, null, 404),
                Arguments.of("unknown path outside JAX-RS", "GET", "/it/no-such-file.txt", null, null, 404),
                Arguments.of("wrong method", "DELETE", "/it/api/items", null, null, 405),
                Arguments.of("TRACE", "TRACE", "/it/api/items", null, null, 405),
                Arguments.of("unacceptable Accept", "GET", "/it/api/items/1", null, "text/csv", 406),
                Arguments.of("unsupported content type", "POST", "/it/api/items", "name=x", "text/plain", 415),
                Arguments.of("malformed JSON", "POST", "/it/api/items", "{\"name\": ", json, 400),
                Arguments.of("wrong JSON type", "POST", "/it/api/items", "{\"name\":\"a\",\"quantity\":\"lots\"}",
                        json, 400),
                Arguments.of("JSON array for an object", "POST", "/it/api/items", "[1,2]", json, 400),
                Arguments.of("servlet sendError", "GET", "/it/legacy/send-error", null, null, 503),
                Arguments.of("servlet ServletException", "GET", "/it/legacy/throw", null, null, 500),
                Arguments.of("servlet RuntimeException", "GET", "/it/legacy/runtime", null, null, 500),
                Arguments.of("getClasses() application exception", "GET", "/it/strict/things/boom", null, null, 500),
                Arguments.of("getClasses() application unknown path", "GET", "/it/strict/nothing", null, null, 404));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void everyErrorIsAGenericProblem(String name, String method, String path, String body, String type, int status) {
        HttpResponse<String> response;
        if (body != null) {
            response = send(method, path, body, "Content-Type", type);
        } else if (type != null) {
            response = send(method, path, null, "Accept", type);
        } else {
            response = send(method, path, null);
        }
        assumeTrue(ItSupport.onLiberty() || !method.equals("TRACE"),
                "WildFly refuses TRACE on every path before any filter (WildFlyIT)");
        JsonObject problem = assertProblem(response, status);
        // a JSON value of the wrong kind is refused by Bulwark's body checker, naming the field; nothing else has errors
        assertThat(problem.containsKey("errors")).isEqualTo(name.startsWith("wrong JSON type")
                || name.startsWith("JSON array"));
        if (status == 405) {
            assertThat(response.headers().firstValue("Allow")).as("405 keeps Allow").isPresent();
        }
    }

    @Test
    void malformedBodiesHaveTheirOwnProblemType() {
        JsonObject problem = assertProblem(send("POST", "/it/api/items", "{\"name\": ", "Content-Type",
                "application/json"), 400);
        assertThat(problem.getString("type")).isEqualTo("urn:bulwark:problem:malformed-body");
        assertThat(problem.getString("title")).isEqualTo("Malformed request body");
    }

    @Test
    void serverErrorsAreLoggedOnceWithTheCorrelationIdAndTheFullException() {
        HttpResponse<String> response = get("/it/api/errors/boom");
        String id = assertProblem(response, 500).getString("correlationId");
        String fromLine = awaitLog("[correlationId=" + id + "]", "500 for GET /it/api/errors/boom");
        assertThat(fromLine).contains("java.lang.IllegalStateException: SELECT secret FROM users");
        // WildFly names the class loader's module before the class: "at deployment.it.war//dev.bulwark.it..."
        assertThat(fromLine).containsPattern("at ([^\\s/]+//)?dev\\.bulwark\\.it\\.ErrorsResource\\.boom\\(");
        assertThat(countLogLines("[correlationId=" + id + "]")).as("logged exactly once").isEqualTo(1);
        assertThat(response.body()).doesNotContain("IllegalStateException").doesNotContain("SELECT");
    }

    @Test
    void servletLayerFailuresAreLoggedWithTheCorrelationIdToo() {
        String id = assertProblem(get("/it/legacy/throw"), 500).getString("correlationId");
        String fromLine = awaitLog("[correlationId=" + id + "]", "500 for GET /it/legacy/throw");
        assertThat(fromLine).contains("legacy failure with secret token abc123");
    }

    @Test
    void clientErrorsAreLoggedWithTheRealReasonButNoStackTrace() {
        String id = assertProblem(get("/it/api/errors/conflict"), 409).getString("correlationId");
        String line = awaitLog("[correlationId=" + id + "]", "409 for GET /it/api/errors/conflict");
        assertThat(line.lines().findFirst().orElseThrow()).contains("row 42 locked");
    }

    @Test
    void beanValidationListsFieldPathsAndMessagesButNeverTheRejectedValues() {
        HttpResponse<String> response = send("POST", "/it/api/items",
                "{\"name\":\"\",\"quantity\":500,\"email\":\"not-an-email-xyz\",\"code\":\"rejected-value-xyz\"}",
                "Content-Type", "application/json");
        JsonObject problem = assertProblem(response, 400);
        assertThat(problem.getString("type")).isEqualTo("urn:bulwark:problem:validation");
        assertThat(problem.getJsonArray("errors").getValuesAs(JsonObject.class))
                .extracting(e -> e.getString("in") + ":" + e.getString("field") + ":" + e.getString("message"))
                .containsExactly(
                        "body:code:is invalid",
                        "body:email:must be a well-formed email address",
                        "body:name:must not be blank",
                        "body:quantity:must be less than or equal to 100");
        assertThat(response.body()).doesNotContain("rejected-value-xyz").doesNotContain("not-an-email-xyz");
        // the rejected quantity (500) is in no error (checked on the errors, not the random correlation id)
        assertThat(problem.getJsonArray("errors").toString()).doesNotContain("500");
    }

    @Test
    void pathAndQueryParameterViolationsNameTheirSource() {
        JsonObject path = assertProblem(get("/it/api/items/0"), 400);
        assertThat(path.getJsonArray("errors").getJsonObject(0).getString("in")).isEqualTo("path");
        assertThat(path.getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("id");
        JsonObject query = assertProblem(get("/it/api/items/5?limit=99"), 400);
        assertThat(query.getJsonArray("errors").getJsonObject(0).getString("in")).isEqualTo("query");
        assertThat(query.getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("limit");
        assertThat(query.getJsonArray("errors").getJsonObject(0).getString("message"))
                .isEqualTo("must be less than or equal to 50");
    }

    @Test
    void successfulResponsesPassUntouchedWithoutProductHeaders() {
        HttpResponse<String> ok = get("/it/api/errors/product-headers");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("{\"ok\":true}");
        assertThat(ok.headers().firstValue("Server")).isEmpty();
        assertThat(ok.headers().firstValue("X-Powered-By")).isEmpty();
        HttpResponse<String> created = send("POST", "/it/api/items", "{\"name\":\"a\",\"quantity\":5}",
                "Content-Type", "application/json");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).isEqualTo("{\"name\":\"ok\"}");
        HttpResponse<String> legacy = get("/it/legacy/hello");
        assertThat(legacy.statusCode()).isEqualTo(200);
        assertThat(legacy.body()).isEqualTo("legacy ok");
    }

    @Test
    void headRequestsForMissingResourcesGetTheStatusWithoutABody() {
        HttpResponse<String> head = send("HEAD", "/it/no-such-file.txt", null);
        assertThat(head.statusCode()).isEqualTo(404);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("X-Request-Id")).isPresent();
    }
}
