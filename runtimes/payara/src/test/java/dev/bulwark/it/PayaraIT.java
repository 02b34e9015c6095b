package dev.bulwark.it;

import static dev.bulwark.it.ItSupport.assertProblem;
import static dev.bulwark.it.ItSupport.get;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What is specific to Payara Micro 6, on the unchanged test WAR with payara-config/ included as a user includes it:
 * the MicroProfile JWT mechanism installed although the {@code @LoginConfig} application is no bean of its own
 * (Bulwark makes it one), no product header on any response, and exactly what Payara answers itself before any
 * filter runs (docs/runtimes.md lists the same).
 */
class PayaraIT {

    @Test
    void theLoginConfigApplicationIsMadeABeanSoPublicEndpointsAnswerAndProtectedOnesGetBulwarks401() {
        HttpResponse<String> open = get("/it/api/errors/ok");
        assertThat(open.statusCode()).isEqualTo(200);
        assertThat(open.headers().allValues("WWW-Authenticate")).isEmpty();
        // without the bean: every request, this one included, got Payara's HTML 401 with Basic realm=""
        HttpResponse<String> anonymous = get("/it/api/secure");
        JsonObject problem = assertProblem(anonymous, 401);
        assertThat(anonymous.headers().allValues("WWW-Authenticate")).containsExactly("Bearer");
        assertThat(Map.of("type", problem.getString("type"), "title", problem.getString("title"), "detail",
                problem.getString("detail"))).as("the same 401 as on Liberty").isEqualTo(Map.of("type", "about:blank",
                "title", "Unauthorized", "detail", "Authentication is required to access this resource."));
        assertThat(ItSupport.readLog()).contains("Bulwark makes dev.bulwark.it.ItApplication a CDI bean");
    }

    @Test
    void aTokenPayaraItselfRefusesGetsBulwarksChallengeAndProblem() {
        HttpResponse<String> r = get("/it/api/errors/ok", "Authorization", "Bearer abc.def.ghi");
        assertProblem(r, 401);
        assertThat(r.headers().allValues("WWW-Authenticate"))
                .containsExactly("Bearer realm=\"MP-JWT\", error=\"invalid_token\"");
    }

    @Test
    void noResponseNamesTheServerNotEvenPayarasOwn() {
        for (RawHttp.Response r : List.of(RawHttp.tls("GET /it/api/errors/ok HTTP/1.1"),
                RawHttp.plain("GET /it/api/errors/ok HTTP/1.1"), RawHttp.tls("TRACE /it/api/items HTTP/1.1"),
                RawHttp.tls("GET /it/a%5Cb HTTP/1.1"), RawHttp.tls("GET /no-such-context-root HTTP/1.1"),
                RawHttp.plain("GET /no-such-context-root HTTP/1.1"))) {
            assertThat(r.header("Server")).as(r.raw()).isEmpty();
            assertThat(r.header("X-Powered-By")).as(r.raw()).isEmpty();
            assertThat(r.headerValues("X-Frame-Options")).as(r.raw()).doesNotContain("SAMEORIGIN");
        }
    }

    @Test
    void theServersOwnMicroProfileEndpointsAreOffOnTheApplicationsPorts() {
        for (RawHttp.Response r : List.of(RawHttp.tls("GET /metrics HTTP/1.1"), RawHttp.plain("GET /metrics HTTP/1.1"),
                RawHttp.tls("GET /metrics?scope=application HTTP/1.1"), RawHttp.tls("GET /openapi HTTP/1.1"),
                RawHttp.plain("GET /openapi HTTP/1.1"), RawHttp.tls("GET /health HTTP/1.1"),
                RawHttp.plain("GET /health/ready HTTP/1.1"))) {
            assertThat(r.status()).as(r.raw()).isIn(403, 404);
            assertThat(r.body()).doesNotContain("bulwark_").doesNotContain("\"status\"").doesNotContain("openapi:")
                    .doesNotContainIgnoringCase("exception").doesNotContain("java.");
            assertThat(r.header("Server")).isEmpty();
        }
    }

    // What Payara answers itself, before any filter or error page (docs/runtimes.md, "Limitations").

    @Test
    void traceIsRefusedByPayaraWithABare405AndNothingEchoed() {
        RawHttp.Response r = RawHttp.tls("TRACE /it/api/items HTTP/1.1", "X-Trace-Marker: secret-marker-7");
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.header("Allow")).hasValue("OPTIONS");
        assertThat(r.body()).isEmpty();
        assertThat(r.raw()).doesNotContain("secret-marker-7");
        assertThat(r.header("X-Request-Id")).as("never reached Bulwark").isEmpty();
    }

    @Test
    void pathsPayaraRefusesOrResolvesItself() {
        for (String refused : new String[] {"/it/a%5Cb", "/it/a%00b", "/it/../../x"}) {
            RawHttp.Response r = RawHttp.tls("GET " + refused + " HTTP/1.1");
            assertThat(r.status()).as(refused).isEqualTo(400);
            assertThat(r.body()).isEmpty();
            assertThat(r.header("X-Request-Id")).as("never reached Bulwark").isEmpty();
        }
        // an undecodable escape: an empty 200, no header of Bulwark's, nothing of the application's
        RawHttp.Response undecodable = RawHttp.tls("GET /it/%zz HTTP/1.1");
        assertThat(undecodable.status()).isEqualTo(200);
        assertThat(undecodable.body()).isEmpty();
        assertThat(undecodable.header("X-Request-Id")).isEmpty();
        RawHttp.Response asterisk = RawHttp.tls("OPTIONS * HTTP/1.1");
        assertThat(asterisk.status()).isEqualTo(200);
        assertThat(asterisk.header("Allow")).hasValue("GET, HEAD, POST, PUT, DELETE, OPTIONS");
        assertThat(asterisk.body()).isEmpty();
        for (String escape : new String[] {"/it/%2e%2e/WEB-INF/web.xml", "/no-such-context-root"}) {
            RawHttp.Response page = RawHttp.tls("GET " + escape + " HTTP/1.1");
            assertThat(page.status()).as(escape).isEqualTo(404);
            assertThat(page.header("Content-Type")).hasValue("text/html");
            assertThat(page.body()).contains("Payara Micro").doesNotContain("WEB-INF").doesNotContainIgnoringCase(
                    "exception").doesNotContain("\tat ");
        }
        // an encoded slash is decoded and routed: the application's problem, not a refusal
        assertThat(RawHttp.assertProblem(RawHttp.tls("GET /it/a%2Fb HTTP/1.1"), 404, true).getString("type"))
                .isEqualTo("about:blank");
    }

    @Test
    void aServletWithItsOwnSecurityConstraintGetsAnEmpty200ForMissingCredentials() {
        RawHttp.Response r = RawHttp.tls("GET /it/servlet/protected HTTP/1.1");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).as("the servlet did not run").isEmpty();
        assertThat(r.header("X-Request-Id")).as("never reached Bulwark").isEmpty();
    }

    @Test
    void aValidTokenAfterTheSchemeInOtherCaseIsRefusedByPayarasMechanism() {
        String valid = TestTokens.rs256("{\"alg\":\"RS256\",\"typ\":\"JWT\"}", TestTokens.claims());
        assertThat(get("/it/api/secure", "Authorization", "Bearer " + valid).statusCode()).isEqualTo(200);
        for (String scheme : new String[] {"bearer ", "BEARER "}) {
            HttpResponse<String> r = get("/it/api/secure", "Authorization", scheme + valid);
            assertProblem(r, 401);
            assertThat(r.headers().allValues("WWW-Authenticate"))
                    .containsExactly("Bearer realm=\"MP-JWT\", error=\"invalid_token\"");
        }
    }

    @Test
    void aControlCharacterInAHeaderValueIsRefusedByPayaraWithABare400() {
        RawHttp.Response r = RawHttp.tls("GET /it/api/errors/ok HTTP/1.1", "X-Note: a\u0001b");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).isEmpty();
        assertThat(r.header("X-Request-Id")).as("never reached Bulwark").isEmpty();
    }

    @Test
    void jerseyRefusesAMediaTypeInOtherCaseAndLeavesGzipBodiesEncoded() throws Exception {
        String purchase = "{\"item\":\"ink\",\"quantity\":3}";
        assertThat(ItSupport.send("POST", "/it/api/bodies/purchase", purchase, "Content-Type", "application/json")
                .statusCode()).isEqualTo(201);
        assertProblem(ItSupport.send("POST", "/it/api/bodies/purchase", purchase, "Content-Type", "Application/JSON"),
                415);
        java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(zipped)) {
            gzip.write(purchase.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .sslContext(dev.bulwark.devtools.DevTls.trustAllContext()).build();
        HttpResponse<String> r = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(ItSupport.BASE
                + "/it/api/bodies/purchase")).header("Content-Type", "application/json").header("Content-Encoding",
                "gzip").POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(zipped.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(assertProblem(r, 400).getString("type")).isEqualTo("urn:bulwark:problem:malformed-body");
    }

    @Test
    void aTokenOfTypeAtJwtIsRefusedByPayarasMechanism() {
        String atJwt = TestTokens.rs256("{\"alg\":\"RS256\",\"typ\":\"at+jwt\"}", TestTokens.claims());
        HttpResponse<String> r = get("/it/api/secure", "Authorization", "Bearer " + atJwt);
        assertProblem(r, 401);
        assertThat(r.headers().allValues("WWW-Authenticate"))
                .containsExactly("Bearer realm=\"MP-JWT\", error=\"invalid_token\"");
    }
}
