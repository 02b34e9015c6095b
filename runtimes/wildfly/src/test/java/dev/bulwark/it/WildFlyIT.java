package dev.bulwark.it;

import static dev.bulwark.it.ItSupport.assertProblem;
import static dev.bulwark.it.ItSupport.awaitLog;
import static dev.bulwark.it.ItSupport.send;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * What is particular to WildFly 39 (standalone-microprofile.xml configured with wildfly-config/bulwark.cli), next to
 * the shared integration tests the build runs against it: the facts docs/runtimes.md states for WildFly.
 */
class WildFlyIT {

    private static final String ADMIN = ItSupport.token("root", "admin");
    private static final String ALICE = ItSupport.token("alice", "user");
    private static final Path CONFIG = Path.of(System.getProperty("it.wildfly.config",
            "standalone-microprofile.xml"));

    private static HttpResponse<String> as(String token, String path) {
        return send("GET", path, null, "Authorization", "Bearer " + token);
    }

    /**
     * WildFly's default configuration does not enforce {@code @RolesAllowed} on JAX-RS resources (RESTEasy does only
     * with resteasy.role.based.security, which neither bulwark.cli nor the application sets): the same WAR with
     * Bulwark switched off (/it-off) lets a user read the admin-only list. With Bulwark, its own role check refuses.
     */
    @Test
    void rolesAreEnforcedByBulwarkWhereWildFlyDoesNot() throws Exception {
        assertThat(Files.readString(CONFIG)).doesNotContain("resteasy.role.based.security");
        // without Bulwark: the container lets everyone in
        assertThat(as(ALICE, "/it-off/api/admin").statusCode()).as("WildFly alone, a user").isEqualTo(200);
        assertThat(send("GET", "/it-off/api/admin", null).statusCode()).as("WildFly alone, anonymous").isEqualTo(200);
        assertThat(as(ALICE, "/it-off/api/customers").statusCode()).isEqualTo(200);
        // with Bulwark: refused, with the same problem and challenge as on Liberty
        assertProblem(as(ALICE, "/it/api/admin"), 403);
        assertProblem(as(ALICE, "/it/api/customers"), 403);
        HttpResponse<String> anonymous = send("GET", "/it/api/admin", null);
        assertProblem(anonymous, 401);
        assertThat(anonymous.headers().allValues("WWW-Authenticate")).containsExactly("Bearer");
        assertThat(as(ADMIN, "/it/api/admin").statusCode()).isEqualTo(200);
        assertThat(as(ADMIN, "/it/api/customers").statusCode()).isEqualTo(200);
    }

    /**
     * Issue 12's 500: without role enforcement a request without a token reaches the resource, whose
     * {@code security.getUserPrincipal()} is null (WildFly alone, /it-off: 500). Bulwark refuses it before the
     * resource with the 401 problem and the bare {@code Bearer} challenge it sends on Liberty.
     */
    @Test
    void aRequestWithoutATokenGetsBulwarks401NotTheResources500() {
        assertThat(send("GET", "/it-off/api/secure", null).statusCode()).as("WildFly alone").isEqualTo(500);
        HttpResponse<String> r = send("GET", "/it/api/secure", null);
        JsonObject problem = assertProblem(r, 401);
        assertThat(r.headers().allValues("WWW-Authenticate")).containsExactly("Bearer");
        assertThat(problem.getString("type")).isEqualTo("about:blank");
        assertThat(problem.getString("title")).isEqualTo("Unauthorized");
        assertThat(problem.getString("detail")).isEqualTo("Authentication is required to access this resource.");
        HttpResponse<String> alice = as(ALICE, "/it/api/secure");
        assertThat(alice.statusCode()).isEqualTo(200);
        assertThat(alice.body()).contains("alice");
    }

    /**
     * WildFly's MP-JWT mechanism refuses a token it cannot verify itself, before any filter, with a bare 401; its
     * error dispatch reaches Bulwark's error page, and the client gets Bulwark's problem with the invalid_token
     * challenge, the same as for a token Bulwark's own policy refuses (a Basic header on a bearer API).
     */
    @Test
    void aTokenTheContainerRefusesGetsTheSame401AsOneBulwarkRefuses() {
        HttpResponse<String> container = send("GET", "/it/api/members", null, "Authorization", "Bearer not.a.token");
        HttpResponse<String> bulwark = send("GET", "/it/api/members", null, "Authorization", "Basic YTpi");
        for (HttpResponse<String> r : java.util.List.of(container, bulwark)) {
            JsonObject problem = assertProblem(r, 401);
            assertThat(r.headers().allValues("WWW-Authenticate")).as(r.body())
                    .containsExactly("Bearer realm=\"MP-JWT\", error=\"invalid_token\"");
            assertThat(problem.getString("type")).isEqualTo("about:blank");
            assertThat(problem.getString("detail")).isEqualTo("Authentication is required to access this resource.");
        }
        awaitLog("[correlationId=" + ItSupport.json(container.body()).getString("correlationId") + "]",
                "401 for GET /it/api/members", "refused by the container before the application");
    }

    /** WildFly 39 has no MicroProfile Metrics: Bulwark says once at start-up that its counters are not published. */
    @Test
    void withoutMicroProfileMetricsTheStartUpSaysTheCountersAreNotPublished() {
        String line = awaitLog("Bulwark rate limiting for /it: this server has no MicroProfile Metrics API");
        assertThat(line.lines().findFirst().orElseThrow()).contains("INFO")
                .contains("bulwark_ratelimit_decisions_total").contains("not published");
        assertThat(ItSupport.countLogLines("Bulwark rate limiting for /it: ")).as("once").isEqualTo(1);
        // rate limiting itself works: the RateLimit fields are there
        assertThat(send("GET", "/it/api/errors/ok", null).headers().firstValue("RateLimit-Policy")).isPresent();
    }

    /**
     * The build gives the configuration the Server and X-Powered-By filters of older WildFly versions before it
     * applies bulwark.cli: none of them is left, on the application's answers and on WildFly's own.
     */
    @Test
    void noServerOrXPoweredByHeaderAfterBulwarkCli() throws Exception {
        String config = Files.readString(CONFIG);
        assertThat(config).doesNotContain("server-header").doesNotContain("x-powered-by-header")
                .contains("<jsp-config x-powered-by=\"false\"/>");
        for (RawHttp.Response r : new RawHttp.Response[] {RawHttp.tls("GET /it/api/errors/ok HTTP/1.1"),
            RawHttp.tls("GET /it/WEB-INF/web.xml HTTP/1.1"), RawHttp.tls("GET /nowhere HTTP/1.1"),
            RawHttp.plain("GET /it/api/errors/ok HTTP/1.1"), RawHttp.tls("TRACE /it/api/items HTTP/1.1")}) {
            assertThat(r.header("Server")).as(r.raw()).isEmpty();
            assertThat(r.header("X-Powered-By")).as(r.raw()).isEmpty();
        }
    }

    /** JSON-B stays the binding although the WAR holds Jackson (bulwark.cli's resteasy.preferJacksonOverJsonB). */
    @Test
    void jsonBindingStaysJsonB() {
        assertThat(ItSupport.readLog()).doesNotContain("WFLYRS0018");
        HttpResponse<String> r = send("POST", "/it/api/bodies/line", "{\"sku\":\"a\",\"count\":2}", "Content-Type",
                "application/json");
        assertThat(r.body()).as("JSON-B orders a record's properties by name").isEqualTo("{\"count\":2,\"sku\":\"a\"}");
    }

    /** Undertow decodes no request body: bulwark.cli has Bulwark accept only unencoded ones. */
    @Test
    void encodedRequestBodiesAreRefusedBecauseWildFlyDoesNotDecodeThem() throws Exception {
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gz)) {
            out.write("{\"item\":\"ink\",\"quantity\":3}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(ItSupport.BASE
                + "/it/api/bodies/purchase")).header("Content-Type", "application/json").header("Content-Encoding",
                "gzip").POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(gz.toByteArray())).build();
        HttpResponse<String> r = java.net.http.HttpClient.newBuilder().sslContext(
                dev.bulwark.devtools.DevTls.trustAllContext()).build().send(request,
                HttpResponse.BodyHandlers.ofString());
        assertProblem(r, 415);
        assertThat(r.headers().firstValue("Accept-Encoding")).hasValue("identity");
        assertThat(send("POST", "/it/api/bodies/purchase", "{\"item\":\"ink\",\"quantity\":3}", "Content-Type",
                "application/json").statusCode()).isEqualTo(201);
    }

    // What WildFly answers itself, before any filter or error page (docs/runtimes.md): nothing Bulwark can reach.

    @Test
    void traceIsRefusedByUndertowWithABare405ThatEchoesNothing() {
        for (String path : new String[] {"/it/api/items", "/it/legacy/hello", "/nowhere"}) {
            RawHttp.Response r = RawHttp.tls("TRACE " + path + " HTTP/1.1", "X-Secret: s3cr3t-value");
            assertThat(r.status()).as(path).isEqualTo(405);
            assertThat(r.body()).isEmpty();
            assertThat(r.header("Content-Length")).hasValue("0");
            assertThat(r.raw()).doesNotContain("s3cr3t-value").doesNotContain("X-Secret");
            assertThat(r.header("X-Request-Id")).as("never reached Bulwark").isEmpty();
            assertThat(r.header("Allow")).isEmpty();
        }
    }

    @Test
    void webInfMetaInfAndDotSegmentsGetUndertowsBare404Page() {
        for (String target : new String[] {"/it/WEB-INF/web.xml", "/it/WEB-INF/lib/", "/it/META-INF/MANIFEST.MF",
            "/it/%2e%2e/WEB-INF/web.xml", "/it/api/%2E%2E/%2E%2E/x", "/it/../../x", "/no-such-context-root"}) {
            for (RawHttp.Response r : new RawHttp.Response[] {RawHttp.tls("GET " + target + " HTTP/1.1"),
                RawHttp.plain("GET " + target + " HTTP/1.1")}) {
                assertThat(r.status()).as(target).isEqualTo(404);
                assertThat(r.header("Content-Type")).hasValue("text/html");
                assertThat(r.body()).isEqualTo("<html><head><title>Error</title></head><body>404 - Not Found</body>"
                        + "</html>");
                assertThat(r.header("X-Request-Id")).as("never reached Bulwark").isEmpty();
                RawHttp.assertNoProductText(r);
            }
        }
    }

    @Test
    void encodedSlashBackslashAndHashReachTheApplicationAndGetItsProblem() {
        for (String target : new String[] {"/it/a%2Fb", "/it/a%2fb", "/it/a%5Cb", "/it/a%23b"}) {
            JsonObject problem = RawHttp.assertProblem(RawHttp.tls("GET " + target + " HTTP/1.1"), 404, true);
            assertThat(problem.getString("title")).isEqualTo("Not Found");
        }
        RawHttp.assertProblem(RawHttp.tls("GET /it/a%00b HTTP/1.1"), 400, true);
    }

    @Test
    void anUndecodableEscapeGetsUndertowsBare400AndTheConnectionIsClosed() {
        for (String target : new String[] {"/it/%zz", "/it/api/items/1?x=%zz"}) {
            RawHttp.Response r = RawHttp.tls("GET " + target + " HTTP/1.1");
            assertThat(r.status()).as(target).isEqualTo(400);
            assertThat(r.body()).isEmpty();
            assertThat(r.header("Connection")).hasValue("close");
            assertThat(r.header("X-Request-Id")).isEmpty();
        }
    }

    @Test
    void rawCharactersInTheRequestLineAndAMalformedHostGetUndertowsBare400() {
        for (RawHttp.Response r : new RawHttp.Response[] {RawHttp.get("/it/api/items/1?a={}"),
            RawHttp.get("/it/api/items/{x}"), RawHttp.get("/it/api/items/a|b"),
            RawHttp.send(true, ItSupport.HTTPS_PORT, "GET /it/api/errors/ok HTTP/1.1", "Host: evil.example/x?")}) {
            assertThat(r.status()).as(r.raw()).isEqualTo(400);
            assertThat(r.body()).isEmpty();
            assertThat(r.header("Connection")).hasValue("close");
            assertThat(r.header("X-Request-Id")).as("never reached Bulwark").isEmpty();
            assertThat(r.raw()).doesNotContain("evil.example");
        }
    }

    @Test
    void optionsAsteriskIsAnsweredByUndertowWithAnEmpty200() {
        RawHttp.Response r = RawHttp.tls("OPTIONS * HTTP/1.1");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
        assertThat(r.header("X-Request-Id")).isEmpty();
        assertThat(r.header("Allow")).isEmpty();
    }

    /** WildFly's MicroProfile OpenAPI serves the application's document on its ports, outside Bulwark. */
    @Test
    void theOpenApiDocumentIsServedByWildFlyOnTheApplicationsPorts() {
        RawHttp.Response r = RawHttp.tls("GET /openapi HTTP/1.1");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(r.header("X-Request-Id")).as("never reached Bulwark").isEmpty();
    }
}
