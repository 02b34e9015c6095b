package dev.bulwark.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.devtools.DevTls;
import dev.bulwark.devtools.DevTokens;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's demo contract, end to end: ports, issuer, audience, key location, minted tokens. */
class DemoIT {

    private static final String HTTP = System.getProperty("demo.base.url", "http://localhost:9080");
    static final String HTTPS = System.getProperty("demo.https.url", "https://localhost:9443");
    private static final Path KEY = Path.of(System.getProperty("demo.keys", "target/keys"), "private.pem");
    private static final HttpClient CLIENT = HttpClient.newBuilder().sslContext(DevTls.trustAllContext())
            .connectTimeout(Duration.ofSeconds(5)).build();

    static String token(String subject, String group) throws Exception {
        return DevTokens.mintToken(KEY, "https://issuer.bulwark.demo", "bulwark-demo-api", subject, List.of(group),
                "");
    }

    private static HttpResponse<String> call(HttpClient client, String method, String url, String token, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject problem(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        try (JsonReader reader = Json.createReader(new StringReader(r.body()))) {
            JsonObject p = reader.readObject();
            assertThat(p.getString("correlationId")).isEqualTo(r.headers().firstValue("X-Request-Id").orElseThrow());
            return p;
        }
    }

    @Test
    void answersWithoutATokenOnPublicEndpointsAndRefusesProtectedOnes() throws Exception {
        HttpResponse<String> status = call(CLIENT, "GET", HTTPS + "/api/v1/status", null, null);
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).isEqualTo("{\"status\":\"UP\"}");
        HttpResponse<String> orders = call(CLIENT, "GET", HTTPS + "/api/v1/orders", null, null);
        problem(orders, 401);
        assertThat(orders.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v ->
                assertThat(v).startsWith("Bearer"));
    }

    @Test
    void aMintedCustomerTokenSeesOnlyItsOwnOrders() throws Exception {
        String alice = token("alice", "customer");
        HttpResponse<String> r = call(CLIENT, "GET", HTTPS + "/api/v1/orders", alice, null);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonArray orders = Json.createReader(new StringReader(r.body())).readArray();
        assertThat(orders).isNotEmpty();
        assertThat(orders.getValuesAs(JsonObject.class)).allMatch(o -> o.getString("customerId").equals("alice"));
        // Bob's order looks exactly like a missing one.
        HttpResponse<String> bobs = call(CLIENT, "GET", HTTPS + "/api/v1/orders/1003", alice, null);
        HttpResponse<String> missing = call(CLIENT, "GET", HTTPS + "/api/v1/orders/999999", alice, null);
        JsonObject a = problem(bobs, 404);
        JsonObject b = problem(missing, 404);
        assertThat(a.getString("detail")).isEqualTo(b.getString("detail"));
        // A customer is not an admin.
        problem(call(CLIENT, "GET", HTTPS + "/api/v1/customers", alice, null), 403);
    }

    @Test
    void ordersAreCreatedForTheTokensSubjectAndValidated() throws Exception {
        String bob = token("bob", "customer");
        HttpResponse<String> created = call(CLIENT, "POST", HTTPS + "/api/v1/orders", bob,
                "{\"item\":\"ink\",\"quantity\":3}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains("\"customerId\":\"bob\"");
        JsonObject invalid = problem(call(CLIENT, "POST", HTTPS + "/api/v1/orders", bob,
                "{\"item\":\"\",\"quantity\":0}"), 400);
        assertThat(invalid.getJsonArray("errors")).hasSize(2);
        problem(call(CLIENT, "POST", HTTPS + "/api/v1/orders", bob, "{\"item\":"), 400);
    }

    @Test
    void massAssignmentCannotChangeStoredData() throws Exception {
        String alice = token("alice", "customer");
        String admin = token("root", "admin");
        String bobBefore = call(CLIENT, "GET", HTTPS + "/api/v1/customers/bob", admin, null).body();
        int bobOrdersBefore = Json.createReader(new StringReader(call(CLIENT, "GET", HTTPS + "/api/v1/orders", admin,
                null).body())).readArray().size();

        // a read-only id in the body: refused before binding, nothing changes
        JsonObject readOnly = problem(call(CLIENT, "PUT", HTTPS + "/api/v1/customers/me", alice,
                "{\"id\":\"bob\",\"name\":\"Mallory\",\"email\":\"m@evil.example\"}"), 400);
        assertThat(readOnly.getJsonArray("errors").getJsonObject(0).getString("message")).isEqualTo("is read-only");
        // an unknown owner field on a new order: refused, no order is created for anyone
        JsonObject unknown = problem(call(CLIENT, "POST", HTTPS + "/api/v1/orders", alice,
                "{\"item\":\"ink\",\"quantity\":1,\"customerId\":\"bob\"}"), 400);
        assertThat(unknown.getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("customerId");

        assertThat(call(CLIENT, "GET", HTTPS + "/api/v1/customers/me", alice, null).body())
                .contains("\"name\":\"Alice Example\"").doesNotContain("Mallory");
        assertThat(call(CLIENT, "GET", HTTPS + "/api/v1/customers/bob", admin, null).body()).isEqualTo(bobBefore);
        assertThat(Json.createReader(new StringReader(call(CLIENT, "GET", HTTPS + "/api/v1/orders", admin, null)
                .body())).readArray().size()).isEqualTo(bobOrdersBefore);

        // the same request without the read-only field is accepted and changes only name and e-mail
        HttpResponse<String> ok = call(CLIENT, "PUT", HTTPS + "/api/v1/customers/me", alice,
                "{\"name\":\"Alice Example\",\"email\":\"alice@example.org\"}");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("\"id\":\"alice\"").contains("alice@example.org");
    }

    @Test
    void tokensFromAnotherIssuerOrForAnotherAudienceAreRefused() throws Exception {
        String wrongIssuer = DevTokens.mintToken(KEY, "https://evil.example", "bulwark-demo-api", "alice",
                List.of("customer"), "");
        problem(call(CLIENT, "GET", HTTPS + "/api/v1/orders", wrongIssuer, null), 401);
        String wrongAudience = DevTokens.mintToken(KEY, "https://issuer.bulwark.demo", "other-api", "alice",
                List.of("customer"), "");
        problem(call(CLIENT, "GET", HTTPS + "/api/v1/orders", wrongAudience, null), 401);
    }

    /** Round-1 findings: tokens that break the policy were accepted when the Bearer scheme was left out. */
    @Test
    void policyBreakingTokensAreRefusedWhateverTheHeaderShape() throws Exception {
        java.security.PrivateKey key = DevTokens.readPrivateKey(KEY);
        java.util.Map<String, Object> header = new java.util.LinkedHashMap<>(java.util.Map.of("alg", "RS256",
                "typ", "JWT"));
        String threeHours = DevTokens.sign(header, DevTokens.claims("https://issuer.bulwark.demo", "bulwark-demo-api",
                "alice", List.of("customer"), "", Duration.ofHours(3), java.time.Clock.systemUTC()), key);
        java.util.Map<String, Object> noIat = new java.util.LinkedHashMap<>(DevTokens.claims(
                "https://issuer.bulwark.demo", "bulwark-demo-api", "alice", List.of("customer"), "",
                Duration.ofMinutes(5), java.time.Clock.systemUTC()));
        noIat.remove("iat");
        String withoutIat = DevTokens.sign(header, noIat, key);
        String valid = token("alice", "customer");
        for (String path : new String[] {"/api/v1/orders", "/api/v1/status"}) {
            for (String value : new String[] {"Bearer " + threeHours, threeHours, "Bearer " + withoutIat, withoutIat,
                valid, "JWT " + valid}) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(HTTPS + path)).header("Authorization", value)
                        .timeout(Duration.ofSeconds(30)).build();
                problem(CLIENT.send(request, HttpResponse.BodyHandlers.ofString()), 401);
            }
        }
        assertThat(call(CLIENT, "GET", HTTPS + "/api/v1/orders", valid, null).statusCode()).isEqualTo(200);
    }

    /** One identity per token: the subject, for ownership and for the application alike (attack review finding). */
    @Test
    void aTokenWhoseUpnNamesSomeoneElseStillActsAsItsSubject() throws Exception {
        java.util.Map<String, Object> claims = new java.util.LinkedHashMap<>(DevTokens.claims(
                "https://issuer.bulwark.demo", "bulwark-demo-api", "alice", List.of("customer"), "",
                Duration.ofMinutes(5), java.time.Clock.systemUTC()));
        claims.put("upn", "bob");
        String token = DevTokens.sign(new java.util.LinkedHashMap<>(java.util.Map.of("alg", "RS256", "typ", "JWT")),
                claims, DevTokens.readPrivateKey(KEY));
        HttpResponse<String> orders = call(CLIENT, "GET", HTTPS + "/api/v1/orders", token, null);
        assertThat(orders.statusCode()).isEqualTo(200);
        assertThat(orders.body()).contains("1001").doesNotContain("1003");
        HttpResponse<String> me = call(CLIENT, "GET", HTTPS + "/api/v1/customers/me", token, null);
        assertThat(me.body()).contains("\"id\":\"alice\"");
    }

    /** Liberty's own /jwt module is not reachable on the demo's ports: every path there is the application's. */
    @Test
    void theServersOwnJwtModuleIsNotOnTheApplicationsPorts() throws Exception {
        for (String path : new String[] {"/jwt/ibm/api/defaultJWT/jwk", "/jwt/a%2Fb", "/jwt/WEB-INF/web.xml"}) {
            HttpResponse<String> r = call(CLIENT, "GET", HTTPS + path, null, null);
            assertThat(r.statusCode()).as(path).isIn(400, 404);
            problem(r, r.statusCode());
            assertThat(r.body()).doesNotContainIgnoringCase("keys").doesNotContain("CWW").doesNotContain("SRVE");
        }
        // Liberty picks a virtual host by the Host header: naming any other host or port reaches no server module
        for (String host : new String[] {"localhost:1", "evil.example:1", "localhost:9080"}) {
            String answer = rawGet("/jwt/ibm/api/defaultJWT/jwk", host);
            assertThat(answer).as(host).doesNotStartWith("HTTP/1.1 200").doesNotContain("\"keys\"")
                    .doesNotContain("CWW").doesNotContain("SRVE");
        }
    }

    /** A GET over TLS with a hand-written Host header (java.net.http does not let a client set it). */
    private static String rawGet(String path, String host) throws Exception {
        int port = URI.create(HTTPS).getPort();
        try (java.net.Socket socket = DevTls.trustAllContext().getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host
                    + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void plainHttpIsRefusedWithTheProblemContract() throws Exception {
        HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        JsonObject p = problem(call(plain, "GET", HTTP + "/api/v1/orders", token("alice", "customer"), null), 403);
        assertThat(p.getString("type")).isEqualTo("urn:bulwark:problem:https-required");
        problem(call(plain, "GET", HTTP + "/api/v1/status", null, null), 403);
    }

    @Test
    void eachRoleGetsItsViewOfTheDirectoryAndTheInternalNoteNeverLeaves() throws Exception {
        HttpResponse<String> admin = call(CLIENT, "GET", HTTPS + "/api/v1/customers/directory",
                token("root", "admin"), null);
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(Json.createReader(new StringReader(admin.body())).readArray().getJsonObject(0).keySet())
                .containsExactlyInAnyOrder("id", "name", "email");
        HttpResponse<String> alice = call(CLIENT, "GET", HTTPS + "/api/v1/customers/directory",
                token("alice", "customer"), null);
        assertThat(alice.statusCode()).isEqualTo(200);
        assertThat(alice.body()).contains("\"id\":\"bob\"").doesNotContain("@example.com");
        assertThat(Json.createReader(new StringReader(alice.body())).readArray().getJsonObject(1).keySet())
                .containsExactlyInAnyOrder("id", "name");
        // her own e-mail on /me; no endpoint returns the internal note
        assertThat(call(CLIENT, "GET", HTTPS + "/api/v1/customers/me", token("alice", "customer"), null).body())
                .contains("alice@example.").doesNotContain("internalNote", "DEMO-NOTE");
        for (String path : new String[] {"/api/v1/customers", "/api/v1/customers/bob", "/api/v1/customers/directory"}) {
            assertThat(call(CLIENT, "GET", HTTPS + path, token("root", "admin"), null).body()).as(path)
                    .doesNotContain("internalNote", "DEMO-NOTE");
        }
        // a client cannot set it either
        problem(call(CLIENT, "PUT", HTTPS + "/api/v1/customers/me", token("alice", "customer"),
                "{\"name\":\"Alice Example\",\"email\":\"alice@example.com\",\"internalNote\":\"x\"}"), 400);
    }

    @Test
    void anAdminSeesAllCustomersWithTheSecurityHeaders() throws Exception {
        HttpResponse<String> r = call(CLIENT, "GET", HTTPS + "/api/v1/customers", token("root", "admin"), null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"id\":\"alice\"").contains("\"id\":\"bob\"");
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void everyStatusAClientCanProvokeCarriesTheHeaderSet() throws Exception {
        String alice = token("alice", "customer");
        HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<HttpResponse<String>> responses = List.of(
                call(CLIENT, "GET", HTTPS + "/api/v1/status", null, null),
                call(CLIENT, "GET", HTTPS + "/api/v1/orders", null, null),
                call(CLIENT, "GET", HTTPS + "/api/v1/customers", alice, null),
                call(CLIENT, "GET", HTTPS + "/api/v1/orders/1003", alice, null),
                call(CLIENT, "GET", HTTPS + "/no/such/page", null, null),
                call(CLIENT, "DELETE", HTTPS + "/api/v1/status", null, null),
                call(CLIENT, "POST", HTTPS + "/api/v1/orders", alice, "{\"item\":"),
                call(plain, "GET", HTTP + "/api/v1/status", null, null));
        assertThat(responses).extracting(HttpResponse::statusCode).containsExactly(200, 401, 403, 404, 404, 405,
                400, 403);
        for (HttpResponse<String> r : responses) {
            var h = r.headers();
            assertThat(h.firstValue("X-Content-Type-Options")).as(r.uri().toString()).hasValue("nosniff");
            assertThat(h.firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(h.firstValue("Content-Security-Policy")).hasValue("default-src 'none'; frame-ancestors 'none'");
            assertThat(h.firstValue("Referrer-Policy")).hasValue("no-referrer");
            // the headers for rendered documents: on every response that is not JSON; on JSON ones too on Liberty,
            // whose demo includes liberty-config/bulwark-container-headers.xml (the transport sets them when
            // missing); elsewhere Bulwark's default API profile leaves them out of JSON
            String type = h.firstValue("Content-Type").orElse("").split(";", 2)[0].trim();
            boolean json = type.equals("application/json") || type.endsWith("+json");
            boolean fragment = System.getProperty("it.runtime") == null;
            for (String documentOnly : new String[] {"Permissions-Policy", "Cross-Origin-Opener-Policy",
                    "X-Permitted-Cross-Domain-Policies"}) {
                assertThat(h.allValues(documentOnly)).as("%s on %s", documentOnly, r.uri())
                        .hasSize(!json || fragment ? 1 : 0);
            }
            assertThat(h.firstValue("Cross-Origin-Resource-Policy")).hasValue("same-origin");
            assertThat(h.firstValue("Server")).isEmpty();
            assertThat(h.firstValue("X-Powered-By")).isEmpty();
            assertThat(h.firstValue("Strict-Transport-Security").isPresent())
                    .isEqualTo(r.uri().getScheme().equals("https"));
            assertThat(h.firstValue("X-Request-Id")).isPresent();
        }
    }
    @Test
    void v2ServesTheSameApiAndEveryV1ResponseAnnouncesItsDeprecation() throws Exception {
        String alice = token("alice", "customer");
        HttpResponse<String> v2 = call(CLIENT, "GET", HTTPS + "/api/v2/orders", alice, null);
        assertThat(v2.statusCode()).isEqualTo(200);
        assertThat(v2.body()).isEqualTo(call(CLIENT, "GET", HTTPS + "/api/v1/orders", alice, null).body());
        assertThat(v2.headers().firstValue("Deprecation")).isEmpty();
        HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (HttpResponse<String> v1 : List.of(call(CLIENT, "GET", HTTPS + "/api/v1/status", null, null),
                call(CLIENT, "GET", HTTPS + "/api/v1/orders", null, null),
                call(CLIENT, "GET", HTTPS + "/api/v1/customers", alice, null),
                call(plain, "GET", HTTP + "/api/v1/status", null, null))) {
            var h = v1.headers();
            assertThat(h.firstValue("Deprecation")).as(v1.uri().toString()).hasValue("@1793491200");
            assertThat(h.firstValue("Sunset")).hasValue("Wed, 30 Jun 2027 00:00:00 GMT");
            assertThat(h.firstValue("Link")).hasValueSatisfying(l -> assertThat(l)
                    .contains("<https://example.com/bulwark-demo/migrate-to-v2>; rel=\"deprecation\"")
                    .contains("rel=\"sunset\""));
        }
        HttpResponse<String> schedule = call(CLIENT, "GET", HTTPS + "/bulwark/versions", null, null);
        assertThat(schedule.statusCode()).isEqualTo(200);
        JsonObject v1 = Json.createReader(new StringReader(schedule.body())).readObject().getJsonArray("versions")
                .getJsonObject(0);
        assertThat(v1.getString("version")).isEqualTo("v1");
        assertThat(v1.getString("sunset")).isEqualTo("2027-06-30T00:00:00Z");
        assertThat(v1.getString("successor")).isEqualTo("v2");
    }

    @Test
    void adminsGetThePostureReportTheWarToolProducedInTheBuild() throws Exception {
        HttpResponse<String> served = call(CLIENT, "GET", HTTPS + "/bulwark/posture", token("root", "admin"), null);
        assertThat(served.statusCode()).isEqualTo(200);
        JsonObject report = Json.createReader(new StringReader(served.body())).readObject();
        assertThat(report.getJsonArray("endpoints")).hasSize(20);
        JsonObject api7 = report.getJsonArray("categories").getJsonObject(6);
        assertThat(api7.getString("id")).isEqualTo("API7");
        assertThat(api7.isNull("score")).isTrue();
        problem(call(CLIENT, "GET", HTTPS + "/bulwark/posture.html", token("alice", "customer"), null), 403);
        problem(call(CLIENT, "GET", HTTPS + "/bulwark/posture.html", null, null), 401);
        String offline = System.getProperty("demo.posture.json");
        if (offline != null) {
            // the report the build made from the WAR (exec-maven-plugin, before the server started) says the same
            JsonObject built = Json.createReader(new StringReader(java.nio.file.Files.readString(Path.of(offline))))
                    .readObject();
            assertThat(report.getJsonArray("categories")).isEqualTo(built.getJsonArray("categories"));
            assertThat(report.getJsonArray("endpoints")).isEqualTo(built.getJsonArray("endpoints"));
            assertThat(report.getInt("findingCount")).isEqualTo(built.getInt("findingCount"));
        }
    }
}
