package dev.bulwark.it;

import static dev.bulwark.it.ItSupport.BASE;
import static dev.bulwark.it.ItSupport.HTTP;
import static dev.bulwark.it.ItSupport.assertNoLeaks;
import static dev.bulwark.it.ItSupport.sendTo;
import static dev.bulwark.it.ItSupport.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The security header set is on every status code a client can provoke, whoever produced the response. */
class HeadersIT {

    static Stream<Arguments> responses() {
        String json = "application/json";
        return Stream.of(
                Arguments.of(BASE, "GET", "/it/api/errors/ok", null, null, null, 200),
                Arguments.of(BASE, "POST", "/it/api/items", "{\"name\":\"a\",\"quantity\":1}", "Content-Type", json, 201),
                Arguments.of(BASE, "HEAD", "/it/api/errors/ok", null, null, null, 200),
                Arguments.of(BASE, "POST", "/it/api/items", "{\"name\":", "Content-Type", json, 400),
                Arguments.of(BASE, "GET", "/it/bulwark/inventory", null, null, null, 401),
                Arguments.of(BASE, "GET", "/it/api/no-such-thing", null, null, null, 404),
                Arguments.of(BASE, "GET", "/it/no-such-file.txt", null, null, null, 404),
                Arguments.of(BASE, "PUT", "/it/api/items", "{}", "Content-Type", json, 405),
                Arguments.of(BASE, "TRACE", "/it/api/items", null, null, null, 405),
                Arguments.of(BASE, "GET", "/it/api/items/1", null, "Accept", "text/csv", 406),
                Arguments.of(BASE, "POST", "/it/api/items", "x", "Content-Type", "text/plain", 415),
                Arguments.of(BASE, "GET", "/it/api/errors/boom", null, null, null, 500),
                Arguments.of(BASE, "GET", "/it/legacy/send-error", null, null, null, 503),
                Arguments.of(BASE, "OPTIONS", "/it/api/items", null, "Origin", "https://evil.example", 403),
                Arguments.of(HTTP, "GET", "/it/api/errors/ok", null, null, null, 403),
                Arguments.of(HTTP, "GET", "/it/legacy/x", null, null, null, 308),
                // a plain servlet's asynchronous responses, written through AsyncContext.getResponse()
                Arguments.of(BASE, "GET", "/it/legacy-async/page", null, null, null, 200),
                Arguments.of(BASE, "GET", "/it/legacy-async/json", null, null, null, 200),
                Arguments.of(BASE, "GET", "/it/legacy-async/no-content", null, null, null, 204),
                Arguments.of(BASE, "GET", "/it/legacy-async/forbidden", null, null, null, 403),
                Arguments.of(BASE, "GET", "/it/legacy-async/dispatch", null, null, null, 200),
                Arguments.of(BASE, "GET", "/it/legacy-async/context-again", null, null, null, 204),
                Arguments.of(BASE, "GET", "/it/legacy-async/own-objects", null, null, null, 200),
                Arguments.of(BASE, "GET", "/it/legacy-async/own-objects-no-content", null, null, null, 204),
                Arguments.of(BASE, "GET", "/it/legacy-async/timeout-answered", null, null, null, 503));
    }

    /** The headers that act only on a document a browser renders: the API profile leaves them out of JSON. */
    static final String[] DOCUMENT_ONLY = {"Permissions-Policy", "Cross-Origin-Opener-Policy",
        "X-Permitted-Cross-Domain-Policies"};

    /** Whether a response's Content-Type is one JSON media type ({@code application/json}, {@code application/*+json}). */
    static boolean isJson(HttpResponse<?> r) {
        return RawHttp.jsonType(r.headers().firstValue("Content-Type").orElse(""));
    }

    /**
     * The API profile, the default ({@code bulwark.headers.json-responses=api}): JSON responses, problems included,
     * leave out the headers that act only on rendered documents and keep every other one; a response that is not
     * JSON keeps the whole set. The /it-kc deployment opts out ({@code all}): every header on JSON too.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @org.junit.jupiter.params.provider.CsvSource({"/it/api/errors/ok, 200, true", "/it/api/no-such-thing, 404, true",
            "/it/legacy/hello, 200, false", "/it-kc/api/errors/ok, 200, false",
            "/it-kc/api/no-such-thing, 404, false", "/it-kc/legacy/hello, 200, false"})
    void theApiProfileLeavesDocumentOnlyHeadersOutOfJsonResponses(String path, int status, boolean profiled) {
        assumeTrue(ItSupport.onLiberty() || path.startsWith("/it/"), "the /it-kc deployment is Liberty's");
        HttpResponse<String> r = sendTo(BASE, "GET", path, null);
        assertThat(r.statusCode()).isEqualTo(status);
        var h = r.headers();
        for (String kept : new String[] {"Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options",
                "Referrer-Policy", "Cross-Origin-Resource-Policy", "Strict-Transport-Security"}) {
            assertThat(h.firstValue(kept)).as(kept).isPresent();
        }
        for (String documentOnly : DOCUMENT_ONLY) {
            assertThat(h.allValues(documentOnly)).as(documentOnly).hasSize(profiled ? 0 : 1);
        }
    }

    /**
     * Whether a response is JSON is read from the type it goes out with, never from its status, and only a single
     * JSON media type is JSON: an asynchronous HTML error page (its body passes through), a JSON body replaced by an
     * HTML page before the commit, and a value naming two types (browsers render the last one they know) all keep
     * the headers for rendered documents.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @org.junit.jupiter.params.provider.CsvSource({"/it/api/limited/later/page, 404, text/html",
            "/it/legacy/json-then-page, 200, text/html", "/it/legacy/two-types, 200, 'application/x+json;a=b, text/html'"})
    void documentsABrowserRendersKeepTheDocumentHeadersWhateverTheirStatusOrFirstType(String path, int status,
                                                                                       String type) {
        HttpResponse<String> r = sendTo(BASE, "GET", path, null);
        assertThat(r.statusCode()).isEqualTo(status);
        if (isJson(r)) {
            // a runtime whose asynchronous error still reaches Bulwark's error path gets the problem: JSON, the page
            // is gone, and so are the headers for documents
            assertThat(path).contains("/later/");
            assertThat(r.body()).doesNotContain("<p>");
            for (String documentOnly : DOCUMENT_ONLY) {
                assertThat(r.headers().allValues(documentOnly)).as(documentOnly).isEmpty();
            }
            return;
        }
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v.replace(" ", "").toLowerCase(java.util.Locale.ROOT))
                        .startsWith(type.replace(" ", "").toLowerCase(java.util.Locale.ROOT)));
        assertThat(r.body()).contains("<p>");
        for (String documentOnly : DOCUMENT_ONLY) {
            assertThat(r.headers().allValues(documentOnly)).as(documentOnly).hasSize(1);
        }
        for (String kept : new String[] {"Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options",
                "Cross-Origin-Resource-Policy"}) {
            assertThat(r.headers().allValues(kept)).as(kept).hasSize(1);
        }
    }

    /**
     * A response without a body over HTTP/2 comes whole, with the security headers. Committed early by a flush
     * (Liberty flushes a wrapped response as the servlet returns), a 204's HEADERS frame went out without
     * END_STREAM and curl waited for a body until its timeout; the JDK's client here did not wait, so this test
     * guards the headers and the completion on HTTP/2, and ProblemCapturingResponseTest the flush itself.
     */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"/it/api/echo/nothing", "/it/legacy/no-content",
        "node2:/it-redis/api/echo/nothing", "node2:/it-redis/legacy/no-content"})
    void aBodilessResponseOverHttp2EndsItsStreamWithItsHeaders(String target) throws Exception {
        // node 2 includes liberty-config/bulwark-container-headers.xml, with which the stream was left open
        boolean node2 = target.startsWith("node2:");
        assumeTrue(!node2 || ItSupport.onLiberty(), "the second node is Liberty's");
        String base = node2 ? System.getProperty("it.node2.url", "https://localhost:9544") : BASE;
        String path = node2 ? target.substring(6) : target;
        java.net.http.HttpClient h2 = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_2)
                .sslContext(dev.bulwark.devtools.DevTls.trustAllContext())
                .connectTimeout(java.time.Duration.ofSeconds(5)).build();
        HttpResponse<String> r = h2.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path))
                        .timeout(java.time.Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (ItSupport.onLiberty()) {
            assertThat(r.version()).isEqualTo(java.net.http.HttpClient.Version.HTTP_2);
        }
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(r.body()).isEmpty();
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(r.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(r.headers().firstValue("X-Request-Id")).isPresent();
    }

    /** An error body typed as a problem and as HTML at once is no problem document: it is replaced by Bulwark's. */
    @Test
    void anErrorTypedAsProblemAndPageAtOnceIsReplacedByTheGenericProblem() {
        HttpResponse<String> r = sendTo(BASE, "GET", "/it/legacy/problem-and-page", null);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json").doesNotContain("html"));
        assertThat(r.body()).doesNotContain("internal detail").doesNotContain("<p>");
        assertThat(ItSupport.json(r.body()).getInt("status")).isEqualTo(400);
    }

    /** The problems Bulwark's servlet filter writes itself are JSON too: the API profile holds for them. */
    @ParameterizedTest(name = "{1} {0}{2} -> {3}")
    @org.junit.jupiter.params.provider.CsvSource({"https, TRACE, /it/api/items, 405",
            "http, GET, /it/api/errors/ok, 403", "https, TRACE, /it-kc/api/items, 405"})
    void theApiProfileHoldsForTheFiltersOwnProblems(String scheme, String method, String path, int status) {
        assumeTrue(ItSupport.onLiberty(), "WildFly refuses TRACE before any filter; /it-kc is Liberty's");
        HttpResponse<String> r = sendTo(scheme.equals("https") ? BASE : HTTP, method, path, null);
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(r.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(r.headers().firstValue("Cross-Origin-Resource-Policy")).isPresent();
        boolean profiled = path.startsWith("/it/");
        for (String documentOnly : DOCUMENT_ONLY) {
            assertThat(r.headers().allValues(documentOnly)).as(documentOnly).hasSize(profiled ? 0 : 1);
        }
    }

    @ParameterizedTest(name = "{1} {0}{2} -> {6}")
    @MethodSource("responses")
    void everyResponseCarriesTheHeaderSet(String base, String method, String path, String body, String header,
                                          String value, int status) {
        HttpResponse<String> r = header == null ? sendTo(base, method, path, body)
                : header.equals("Origin") ? sendTo(base, method, path, body, header, value,
                        "Access-Control-Request-Method", "GET")
                : sendTo(base, method, path, body, header, value);
        assumeTrue(ItSupport.onLiberty() || !method.equals("TRACE"),
                "WildFly refuses TRACE on every path before any filter (WildFlyIT)");
        assertThat(r.statusCode()).isEqualTo(status);
        var h = r.headers();
        assertThat(h.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(h.firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(h.firstValue("Content-Security-Policy")).hasValue("default-src 'none'; frame-ancestors 'none'");
        assertThat(h.firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(h.firstValue("Cross-Origin-Resource-Policy")).hasValue("same-origin");
        if (isJson(r)) {
            // the API profile (the default): the headers for rendered documents stay off JSON responses
            for (String documentOnly : DOCUMENT_ONLY) {
                assertThat(h.firstValue(documentOnly)).as(documentOnly).isEmpty();
            }
        } else {
            assertThat(h.firstValue("Cross-Origin-Opener-Policy")).hasValue("same-origin");
            assertThat(h.firstValue("X-Permitted-Cross-Domain-Policies")).hasValue("none");
            assertThat(h.firstValue("Permissions-Policy")).hasValueSatisfying(
                    v -> assertThat(v).contains("camera=()"));
        }
        assertThat(h.allValues("X-Frame-Options")).hasSize(1);
        if (base.equals(BASE)) {
            assertThat(h.firstValue("Strict-Transport-Security")).hasValue("max-age=63072000; includeSubDomains");
        } else {
            assertThat(h.firstValue("Strict-Transport-Security")).isEmpty();
        }
        if (status >= 400) {
            assertThat(h.firstValue("Cache-Control")).hasValue("no-store");
        }
        assertNoLeaks(r);
    }

    @Test
    void authenticatedResponsesAreNotStoredAnonymousOnesAreLeftToTheApplication() {
        HttpResponse<String> admin = sendTo(BASE, "GET", "/it/bulwark/inventory", null, "Authorization",
                "Bearer " + token("ops", "bulwark-admin"));
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.headers().firstValue("Cache-Control")).hasValue("no-store");
        HttpResponse<String> withToken = sendTo(BASE, "GET", "/it/api/errors/ok", null, "Authorization",
                "Bearer " + token("bob", "user"));
        assertThat(withToken.headers().firstValue("Cache-Control")).hasValue("no-store");
        HttpResponse<String> anonymous = sendTo(BASE, "GET", "/it/api/errors/ok", null);
        assertThat(anonymous.headers().firstValue("Cache-Control")).isEmpty();
    }

    /**
     * {@code startAsync()} without arguments hands the servlet the objects it was given through Bulwark's filter, not
     * the container's own: what it writes from another thread, and the bodiless response it completes, go out with
     * the header set, its correlation id and the body as written.
     */
    @Test
    void aPlainAsynchronousServletAnswersThroughBulwark() {
        HttpResponse<String> page = sendTo(BASE, "GET", "/it/legacy-async/page", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).isEqualTo("<!doctype html><p>async page</p>");
        assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(page.headers().firstValue("X-Request-Id")).isPresent();
        HttpResponse<String> json = sendTo(BASE, "GET", "/it/legacy-async/json", null);
        assertThat(json.body()).isEqualTo("{\"async\":true}");
        assertThat(json.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        HttpResponse<String> dispatched = sendTo(BASE, "GET", "/it/legacy-async/dispatch", null);
        assertThat(dispatched.body()).isEqualTo("legacy ok");
        assertThat(dispatched.headers().allValues("X-Frame-Options")).containsExactly("DENY");
        HttpResponse<String> forbidden = sendTo(BASE, "GET", "/it/legacy-async/forbidden", null);
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.headers().firstValue("Cache-Control")).hasValue("no-store");
        // a listener answering a long poll's timeout sees the context startAsync returned, and answers through it
        HttpResponse<String> poll = sendTo(BASE, "GET", "/it/legacy-async/timeout-identity", null);
        assertThat(poll.body()).isEqualTo("same context");
        assertThat(poll.headers().firstValue("Content-Security-Policy")).isPresent();
        HttpResponse<String> unavailable = sendTo(BASE, "GET", "/it/legacy-async/timeout-answered", null);
        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(unavailable.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(unavailable.headers().firstValue("Strict-Transport-Security")).isPresent();
    }

    /**
     * Dispatches from another thread, many at once: each arrives at its target once and answers through Bulwark.
     * On Payara a dispatch asked for while Bulwark's filter was still finishing once ran alongside it, and its body
     * went out twice ("legacy oklegacy ok", 1 of 48); Bulwark now holds such a dispatch until its filter is done.
     */
    @Test
    void manyAsynchronousDispatchesAtOnceEachArriveWithTheHeaderSet() throws Exception {
        java.util.List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> all = new java.util.ArrayList<>();
        for (int i = 0; i < 96; i++) {
            all.add(java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> sendTo(BASE, "GET", "/it/legacy-async/dispatch", null)));
        }
        for (var f : all) {
            HttpResponse<String> r = f.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("legacy ok");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }
    }

    /**
     * No product name on the wire: RESTEasy marks the type it negotiated from a method's {@code @Produces} with an
     * internal {@code resteasy-server-has-produces} parameter, which its asynchronous responses sent as they were.
     */
    @Test
    void anAsynchronousJaxRsResponseTypeCarriesNoInternalParameter() {
        HttpResponse<String> r = sendTo(BASE, "GET", "/it/api/echo/later", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"later\":true}");
        assertThat(r.headers().allValues("Content-Type")).singleElement().satisfies(
                type -> assertThat(type).startsWith("application/json").doesNotContainIgnoringCase("resteasy"));
        assertNoLeaks(r);
    }

    @Test
    void headersSurviveAnApplicationResettingTheResponse() {
        HttpResponse<String> r = sendTo(BASE, "GET", "/it/legacy/reset", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("after reset");
        assertThat(r.headers().firstValue("X-Debug")).isEmpty();
        assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(r.headers().firstValue("Strict-Transport-Security")).isPresent();
    }

    @Test
    void aResourceCanOverrideOrSwitchOffAHeaderForItself() {
        HttpResponse<String> page = sendTo(BASE, "GET", "/it/api/echo/page", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().allValues("Content-Security-Policy"))
                .containsExactly("default-src 'self'; frame-ancestors 'none'");
        assertThat(page.headers().firstValue("X-Frame-Options")).isEmpty();
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        // other resources keep the defaults
        assertThat(sendTo(BASE, "GET", "/it/api/echo/client", null).headers().firstValue("X-Frame-Options"))
                .hasValue("DENY");
    }
}
