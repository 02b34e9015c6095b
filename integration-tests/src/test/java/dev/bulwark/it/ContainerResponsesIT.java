package dev.bulwark.it;

import static dev.bulwark.it.ItSupport.awaitLog;
import static dev.bulwark.it.ItSupport.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Responses the container makes itself, before the application runs: they reach Bulwark's error page (named by the
 * web-fragment.xml in Bulwark's jar) through Bulwark's filter, and leave inside the error contract. What Liberty
 * still answers itself, before any web module, is shown at the end (and listed in docs/errors.md).
 */
class ContainerResponsesIT {

    private static final String LIBERTY_PATHS = "Liberty's web container refuses these paths itself; WildFly's"
            + " Undertow answers /WEB-INF/, /META-INF/ and dot-segments with a bare 404 before any filter and hands"
            + " %2F, %5C and %23 to the application (WildFlyIT, docs/runtimes.md)";

    static Stream<Arguments> refusedByTheContainer() {
        return Stream.of(
                Arguments.of("GET /it/a%2Fb HTTP/1.1", 400),
                Arguments.of("GET /it/a%2fb HTTP/1.1", 400),
                Arguments.of("GET /it/a%5Cb HTTP/1.1", 400),
                Arguments.of("GET /it/%2e%2e/WEB-INF/web.xml HTTP/1.1", 400),
                Arguments.of("GET /it/api/%2E%2E/%2E%2E/x HTTP/1.1", 400),
                Arguments.of("GET /it/a%23b HTTP/1.1", 400),
                Arguments.of("GET /it/WEB-INF/web.xml HTTP/1.1", 404),
                Arguments.of("GET /it/WEB-INF/lib/ HTTP/1.1", 404),
                Arguments.of("GET /it/META-INF/MANIFEST.MF HTTP/1.1", 404),
                Arguments.of("HEAD /it/META-INF/MANIFEST.MF HTTP/1.1", 404),
                Arguments.of("POST /it/WEB-INF/web.xml HTTP/1.1", 404),
                Arguments.of("DELETE /it/META-INF/MANIFEST.MF HTTP/1.1", 404));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedByTheContainer")
    void pathsTheContainerRefusesGetTheProblemContract(String requestLine, int status) {
        assumeTrue(ItSupport.onLiberty(), LIBERTY_PATHS);
        RawHttp.Response r = RawHttp.tls(requestLine, "Content-Length: 0");
        if (requestLine.startsWith("HEAD")) {
            assertThat(r.status()).isEqualTo(status);
            assertThat(r.body()).isEmpty();
            RawHttp.assertSecurityHeaders(r, true);
            RawHttp.assertNoProductText(r);
            assertThat(r.header("X-Request-Id")).isPresent();
            return;
        }
        JsonObject problem = RawHttp.assertProblem(r, status, true);
        assertThat(problem.getString("type")).isEqualTo("about:blank");
        assertThat(r.body()).as("the path is never echoed").doesNotContain("WEB-INF").doesNotContain("META-INF")
                .doesNotContain("%2").doesNotContain("%5");
    }

    @Test
    void overPlainHttpTooWithoutHsts() {
        assumeTrue(ItSupport.onLiberty(), LIBERTY_PATHS);
        RawHttp.Response r = RawHttp.plain("GET /it/WEB-INF/web.xml HTTP/1.1");
        RawHttp.assertProblem(r, 404, false);
        assertThat(r.header("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void theProblemCarriesTheClientsRequestIdAndTheLogLineTheContainersReason() {
        assumeTrue(ItSupport.onLiberty(), LIBERTY_PATHS);
        RawHttp.Response r = RawHttp.tls("GET /it/WEB-INF/web.xml HTTP/1.1", "X-Request-Id: container-404-a1");
        assertThat(RawHttp.assertProblem(r, 404, true).getString("correlationId")).isEqualTo("container-404-a1");
        String line = awaitLog("[correlationId=container-404-a1]", "404 for GET /it/WEB-INF/web.xml");
        assertThat(line.lines().findFirst().orElseThrow()).contains("refused by the container before the application");
        assertThat(ItSupport.countLogLines("[correlationId=container-404-a1]")).as("logged once").isEqualTo(1);

        RawHttp.Response encoded = RawHttp.tls("GET /it/a%2Fb HTTP/1.1", "X-Request-Id: container-400-b2");
        assertThat(RawHttp.assertProblem(encoded, 400, true).getString("correlationId"))
                .isEqualTo("container-400-b2");
        awaitLog("[correlationId=container-400-b2]", "400 for GET /it/a%2Fb");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
    void theErrorPageAskedForDirectlyIsNotAResourceForAnyMethod(String method) {
        JsonObject problem = ItSupport.assertProblem(send(method, "/it/bulwark/error", method.equals("GET")
                || method.equals("DELETE") || method.equals("OPTIONS") ? null : "{}", "Content-Type",
                "application/json"), 404);
        assertThat(problem.getString("title")).isEqualTo("Not Found");
    }

    @Test
    void legitimateRequestsNextToThemAreServed() {
        assertThat(send("GET", "/it/api/errors/ok", null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/it/api/items/5", null).statusCode()).isEqualTo(200);
        RawHttp.Response encodedSpace = RawHttp.tls("GET /it/api/errors/ok?q=a%20b%2Fc HTTP/1.1");
        assertThat(encodedSpace.status()).as("encoded characters in the query are fine").isEqualTo(200);
        RawHttp.Response legacy = RawHttp.tls("GET /it/legacy/hello HTTP/1.1");
        assertThat(legacy.status()).isEqualTo(200);
        assertThat(legacy.body()).isEqualTo("legacy ok");
    }

    // What Liberty answers before any web module: no filter and no error page can reach these (docs/errors.md).

    @Test
    void undecodableUrisAreAnsweredByLibertyItselfWithItsMessageButNoStackOrClassName() {
        assumeTrue(ItSupport.onLiberty(), "Liberty's own answer; WildFly's for the same URIs is in WildFlyIT");
        for (String uri : new String[] {"/it/a%00b", "/it/%zz", "/it/../../x"}) {
            RawHttp.Response r = RawHttp.tls("GET " + uri + " HTTP/1.1");
            assertThat(r.status()).as(uri).isEqualTo(400);
            assertThat(r.header("Content-Type")).hasValue("text/html");
            assertThat(r.body()).as("Liberty's own text (docs/errors.md)").contains("CWWWC0005I");
            assertThat(r.body().toLowerCase()).doesNotContain("exception").doesNotContain("java.")
                    .doesNotContain("\tat ").doesNotContain("<script");
            assertThat(r.header("X-Request-Id")).as("never reached Bulwark").isEmpty();
        }
    }

    @Test
    void optionsAsteriskAndUnknownContextRootsGetLibertysPlainNotFound() {
        assumeTrue(ItSupport.onLiberty(), "Liberty's own answer; WildFly's for the same requests is in WildFlyIT");
        for (RawHttp.Response r : new RawHttp.Response[] {RawHttp.tls("OPTIONS * HTTP/1.1"),
            RawHttp.tls("GET /no-such-context-root HTTP/1.1"), RawHttp.plain("OPTIONS * HTTP/1.1")}) {
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.body()).contains("<h1>Not Found</h1>");
            RawHttp.assertNoProductText(r);
        }
    }

    @Test
    void traceToAPlainServletIsRefusedByLibertyWithoutEchoingAnything() {
        assumeTrue(ItSupport.onLiberty(), "WildFly refuses TRACE on every path before any filter (WildFlyIT)");
        RawHttp.Response r = RawHttp.tls("TRACE /it/legacy/hello HTTP/1.1", "X-Trace-Marker: secret-marker-7");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.raw()).doesNotContain("secret-marker-7");
        RawHttp.assertNoProductText(r);
        // JAX-RS paths get Bulwark's 405 (ErrorContractIT); so does every path of the module's filter chain
        ItSupport.assertProblem(send("TRACE", "/it/api/items", null), 405);
    }

    @Test
    void withTheContainerHeadersFragmentLibertysOwnAnswersCarryTheSecurityHeaders() {
        assumeTrue(ItSupport.onLiberty(), "liberty-config/bulwark-container-headers.xml on Liberty's second node");
        int node2 = URI.create(System.getProperty("it.node2.url", "https://localhost:9544")).getPort();
        for (String requestLine : new String[] {"GET /it-redis/a%00b HTTP/1.1", "OPTIONS * HTTP/1.1",
            "GET /nowhere HTTP/1.1"}) {
            RawHttp.Response r = RawHttp.send(true, node2, requestLine, "Host: localhost:" + node2);
            assertThat(r.status()).as(requestLine).isIn(400, 404);
            for (String[] h : RawHttp.SECURITY_HEADERS) {
                assertThat(r.headerValues(h[0])).as("%s on %s", h[0], requestLine).containsExactly(h[1]);
            }
            for (String[] h : RawHttp.DOCUMENT_HEADERS) {
                assertThat(r.headerValues(h[0])).as("%s on %s", h[0], requestLine).containsExactly(h[1]);
            }
            assertThat(r.headerValues("Permissions-Policy")).singleElement()
                    .satisfies(v -> assertThat(v).contains("camera=()"));
        }
        // Bulwark's own responses on node 2 keep exactly one of each; the fragment adds back the headers the API
        // profile leaves out of JSON (the price the fragment's comment names)
        RawHttp.Response app = RawHttp.send(true, node2, "GET /it-redis/api/errors/ok HTTP/1.1",
                "Host: localhost:" + node2);
        assertThat(app.status()).isEqualTo(200);
        assertThat(app.isJson()).isTrue();
        RawHttp.assertSecurityHeaders(app, true, true);
    }
}
