package dev.bulwark.it;

import static dev.bulwark.it.ItSupport.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import dev.bulwark.devtools.DevTokens;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The audit log over HTTP: {@code /it-audit} writes one ECS JSON line per request to a file of the server's logs
 * directory, read here as a SIEM would (each line parsed on its own as a JSON object, each field checked). Its
 * alerts are also POSTed to a webhook: the receiver here, a JDK HTTP server on {@code it.webhook.port}.
 */
class AuditIT {

    /** When this run's tests started (the audit file may hold earlier runs' lines). */
    private static final Instant STARTED = Instant.now().minusSeconds(2);
    static final Path AUDIT_FILE = ItSupport.LOG.getParent().resolve("bulwark-audit-it.json");
    private static final String APP = "/it-audit";

    /** The webhook's bearer token: a secret file of the server (rotated by a test). */
    private static final Path WEBHOOK_TOKEN = Path.of(System.getProperty("it.secrets.dir", "secrets"))
            .resolve("bulwark.alerts.webhook.token");

    /** One POST the webhook receiver got. */
    record Posted(String authorization, String idempotencyKey, String contentType, JsonObject body) {
    }

    private static final List<Posted> POSTED = new CopyOnWriteArrayList<>();
    private static HttpServer receiver;

    @BeforeAll
    static void liberty() throws IOException {
        assumeTrue(ItSupport.onLiberty(), "the /it-audit deployment is Liberty's (server.xml)");
        // the SIEM's HTTP input: records each POST (an alert of an earlier run may still arrive: keys are unique)
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                Integer.getInteger("it.webhook.port", 9546)), 0);
        receiver.createContext("/hooks/bulwark", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                var headers = exchange.getRequestHeaders();
                POSTED.add(new Posted(headers.getFirst("Authorization"), headers.getFirst("Idempotency-Key"),
                        headers.getFirst("Content-Type"), reader.readObject()));
                exchange.sendResponseHeaders(204, -1);
            } catch (JsonException e) {
                exchange.sendResponseHeaders(400, -1);
            }
            exchange.close();
        });
        receiver.start();
        ItSupport.awaitApplication(APP);
    }

    @AfterAll
    static void stopReceiver() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    /** The webhook POSTs of an alert, once at least one is there (bounded wait) and a moment later (a repeat). */
    static List<Posted> posted(String rule, String key) {
        Predicate<Posted> match = p -> rule.equals(p.body().getString("rule.name", null))
                && key.equals(p.body().getString("bulwark.alert.key", null));
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        long settled = Long.MAX_VALUE;
        while (System.nanoTime() < Math.min(deadline, settled)) {
            if (settled == Long.MAX_VALUE && POSTED.stream().anyMatch(match)) {
                settled = System.nanoTime() + Duration.ofMillis(500).toNanos();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return POSTED.stream().filter(match).toList();
    }

    private static String webhookToken() throws IOException {
        return Files.readString(WEBHOOK_TOKEN).strip();
    }

    /** Every line of the audit file, each parsed on its own: a line that is no JSON object fails the test. */
    static List<JsonObject> events() {
        return events(AUDIT_FILE);
    }

    /** The lines of an audit file (another deployment's), each one JSON object. */
    static List<JsonObject> events(Path file) {
        List<String> lines;
        try {
            lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.US_ASCII) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<JsonObject> events = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i == lines.size() - 1 && !line.endsWith("}")) {
                break; // being written
            }
            try (JsonReader reader = Json.createReader(new StringReader(line))) {
                events.add(reader.readObject());
            } catch (JsonException e) {
                throw new AssertionError("audit line " + (i + 1) + " is not one JSON object: " + line, e);
            }
        }
        return events;
    }

    /** The events that match, once at least {@code count} are there (bounded wait: the writer is asynchronous). */
    static List<JsonObject> await(Predicate<JsonObject> match, int count) {
        return await(AUDIT_FILE, match, count);
    }

    /** Like {@link #await(Predicate, int)} in another deployment's audit file. */
    static List<JsonObject> await(Path file, Predicate<JsonObject> match, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            List<JsonObject> found = events(file).stream().filter(match).toList();
            if (found.size() >= count || System.nanoTime() > deadline) {
                return found;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * The one access event of a request id (an alert the request raised carries its id too); fails when there are none
     * or several.
     */
    static JsonObject eventOf(String requestId) {
        List<JsonObject> found = await(e -> requestId.equals(e.getString("http.request.id", null))
                && "event".equals(e.getString("event.kind", null)), 1);
        // a second event for the same request would be a bug: look again a little later
        assertThat(found).as("events of " + requestId).hasSize(1);
        return found.get(0);
    }

    private static String id(String what) {
        return "audit-" + what + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String aliceToken() throws Exception {
        return DevTokens.mintToken(ItSupport.KEYS.resolve(DevTokens.PRIVATE_KEY_FILE), ItSupport.ISSUER,
                ItSupport.AUDIENCE, "alice", List.of("user"), "", Map.of("azp", "shop-web"));
    }

    @Test
    void aServedRequestLeavesOneEventWithEveryFieldAndNoCredential() throws Exception {
        String token = aliceToken();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String agent = "AuditIT/1.0 (+https://client.example.test)";
        Instant before = Instant.now().minusSeconds(1);
        HttpResponse<String> r = send("GET", APP + "/api/orders/1", null, "Authorization", "Bearer " + token,
                "User-Agent", agent, "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01",
                "X-Forwarded-For", "203.0.113.41");
        assertThat(r.statusCode()).isEqualTo(200);

        List<JsonObject> found = await(e -> traceId.equals(e.getString("trace.id", null)), 1);
        assertThat(found).hasSize(1);
        JsonObject e = found.get(0);
        Instant at = Instant.parse(e.getString("@timestamp"));
        assertThat(at).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(e.getString("log.level")).isEqualTo("info");
        assertThat(e.getString("log.logger")).isEqualTo("dev.bulwark.audit");
        assertThat(e.getString("ecs.version")).isEqualTo("8.11.0");
        assertThat(e.getString("message")).isEqualTo("GET /it-audit/api/orders/1 200");
        assertThat(e.getString("event.kind")).isEqualTo("event");
        assertThat(e.getJsonArray("event.category").getString(0)).isEqualTo("web");
        assertThat(e.getJsonArray("event.type").getString(0)).isEqualTo("access");
        assertThat(e.getString("event.action")).isEqualTo("request-served");
        assertThat(e.getString("event.outcome")).isEqualTo("success");
        assertThat(e.getJsonNumber("event.duration").longValue()).isPositive();
        assertThat(e.getString("event.dataset")).isEqualTo("bulwark.access");
        assertThat(e.getString("event.module")).isEqualTo("bulwark");
        assertThat(e.getString("http.request.method")).isEqualTo("GET");
        assertThat(e.getString("http.request.id")).isEqualTo(r.headers().firstValue("X-Request-Id").orElseThrow());
        assertThat(e.getInt("http.response.status_code")).isEqualTo(200);
        assertThat(e.getJsonNumber("http.response.body.bytes").longValue())
                .isEqualTo(r.body().getBytes(StandardCharsets.UTF_8).length);
        assertThat(e.getString("url.path")).isEqualTo("/it-audit/api/orders/1");
        assertThat(e.getString("bulwark.route")).isEqualTo("GET /it-audit/api/orders/{id}");
        assertThat(e.getString("client.ip")).isEqualTo("203.0.113.41");
        assertThat(e.getString("client.address")).isEqualTo("203.0.113.41");
        assertThat(e.getString("user.id")).isEqualTo("alice");
        assertThat(e.getString("bulwark.client_id")).isEqualTo("shop-web");
        assertThat(e.getString("user_agent.original")).isEqualTo(agent);
        assertThat(e).doesNotContainKeys("event.reason", "bulwark.control", "bulwark.refusal", "user.name");
        String raw = e.toString();
        assertThat(raw).doesNotContain(token).doesNotContain(token.substring(token.lastIndexOf('.') + 1))
                .doesNotContainIgnoringCase("bearer").doesNotContainIgnoringCase("authorization")
                .doesNotContain("\"owner\"");
    }

    @Test
    void aRequestBodyIsCountedNeverLogged() throws Exception {
        String requestId = id("body");
        String body = "{\"orderId\":\"1\"}";
        HttpResponse<String> r = send("POST", APP + "/api/orders/lookup", body, "Authorization",
                "Bearer " + aliceToken(), "Content-Type", "application/json", "X-Request-Id", requestId,
                "X-Forwarded-For", "203.0.113.42");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonObject e = eventOf(requestId);
        assertThat(e.getInt("http.request.body.bytes")).isEqualTo(body.length());
        assertThat(e.getString("bulwark.route")).isEqualTo("POST /it-audit/api/orders/lookup");
        assertThat(e.toString()).doesNotContain("orderId");
    }

    @Test
    void refusedRequestsNameTheControlThatRefusedThem() throws Exception {
        String token = aliceToken();
        record Case(String name, String method, String path, int status, String control, String kind,
                    String... headers) {
        }
        List<Case> cases = List.of(
                new Case("ownership", "GET", "/api/orders/2", 404, "ownership", "not-found",
                        "Authorization", "Bearer " + token),
                new Case("no-caller", "GET", "/api/orders/1", 401, "authentication", "unauthorized"),
                new Case("bad-token", "GET", "/api/orders/1", 401, "bearer-token", "unauthorized",
                        "Authorization", "Bearer " + token.substring(0, token.length() - 4) + "AAAA"),
                new Case("method", "PROPFIND", "/api/items", 405, "method", "method-not-allowed"),
                new Case("request-text", "GET", "/api/items/%E2%80%AE", 400, "request-text", "validation"));
        for (Case c : cases) {
            String requestId = id(c.name());
            List<String> headers = new ArrayList<>(List.of(c.headers()));
            headers.addAll(List.of("X-Request-Id", requestId, "X-Forwarded-For", "203.0.113.43"));
            HttpResponse<String> r = send(c.method(), APP + c.path(), null, headers.toArray(String[]::new));
            assertThat(r.statusCode()).as(c.name()).isEqualTo(c.status());
            JsonObject e = eventOf(requestId);
            assertThat(e.getString("bulwark.control")).as(c.name()).isEqualTo(c.control());
            assertThat(e.getString("bulwark.refusal")).as(c.name()).isEqualTo(c.kind());
            assertThat(e.getString("event.reason")).as(c.name()).isNotBlank();
            assertThat(e.getString("event.outcome")).isEqualTo("failure");
            assertThat(e.getString("event.action")).isEqualTo("request-refused");
            assertThat(e.getJsonArray("event.type").toString()).isEqualTo("[\"access\",\"denied\"]");
            assertThat(e.getInt("http.response.status_code")).isEqualTo(c.status());
            assertThat(e.getJsonNumber("http.response.body.bytes").longValue())
                    .isEqualTo(r.body().getBytes(StandardCharsets.UTF_8).length);
            assertThat(e.getString("client.ip")).isEqualTo("203.0.113.43");
            assertThat(e.toString()).doesNotContain(token.substring(token.lastIndexOf('.') + 1));
        }
    }

    @Test
    void theContainersOwnRefusalsAndNotFoundsAreAuditedOnce() {
        String requestId = id("container");
        RawHttp.Response r = RawHttp.tls("GET " + APP + "/WEB-INF/web.xml HTTP/1.1", "X-Request-Id: " + requestId);
        assertThat(r.status()).isEqualTo(404);
        JsonObject e = eventOf(requestId);
        assertThat(e.getString("url.path")).isEqualTo(APP + "/WEB-INF/web.xml");
        assertThat(e.getString("bulwark.control")).isEqualTo("container");
        assertThat(e.getString("event.action")).isEqualTo("request-served");
        assertThat(e.getString("event.outcome")).isEqualTo("failure");

        String unknown = id("unknown");
        assertThat(send("GET", APP + "/api/no-such-resource", null, "X-Request-Id", unknown).statusCode())
                .isEqualTo(404);
        JsonObject notFound = eventOf(unknown);
        assertThat(notFound.getInt("http.response.status_code")).isEqualTo(404);
        assertThat(notFound).doesNotContainKey("bulwark.route");
    }

    @Test
    void anAsynchronousResponseIsAuditedWhenItCompletes() {
        String requestId = id("async");
        HttpResponse<String> r = send("GET", APP + "/api/leaks/async/clean", null, "X-Request-Id", requestId);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonObject e = eventOf(requestId);
        assertThat(e.getInt("http.response.status_code")).isEqualTo(200);
        assertThat(e.getJsonNumber("http.response.body.bytes").longValue())
                .isEqualTo(r.body().getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void whatAClientSendsCannotForgeALineOrAField() {
        String requestId = id("inject");
        // quotes and braces to close the object, a UTF-8 LINE SEPARATOR and NEL as raw bytes, a C1 control
        String agent = "evil\"},{\"user.id\":\"admin\",\"log.level\":\"warn\",\"x\":\"\u00e2\u0080\u00a8\u00c2\u0085";
        RawHttp.Response r = RawHttp.tls("GET " + APP + "/api/echo/client?q=%22%0d%0a HTTP/1.1",
                "X-Request-Id: " + requestId, "User-Agent: " + agent, "X-Forwarded-For: 203.0.113.44");
        JsonObject e = eventOf(requestId);
        assertThat(e.getInt("http.response.status_code")).isEqualTo(r.status());
        // as the container decoded the header (its bytes as ISO-8859-1 or as UTF-8): escaped, whole, one field
        assertThat(e.getString("user_agent.original")).startsWith("evil\"},{\"user.id\":\"admin\",\"log.level\"")
                .hasSizeBetween(agent.length() - 3, agent.length());
        assertThat(e).doesNotContainKeys("user.id", "user.name");
        assertThat(e.getString("log.level")).isEqualTo("info");
        assertThat(e.getString("url.path")).isEqualTo(APP + "/api/echo/client"); // never the query string

        String huge = id("huge");
        String longAgent = "A".repeat(6000);
        send("GET", APP + "/api/errors/ok", null, "X-Request-Id", huge, "User-Agent", longAgent);
        assertThat(eventOf(huge).getString("user_agent.original")).hasSize(512 + 3).endsWith("A...");
        events(); // every line of the file still parses on its own
    }

    @Test
    void everyRequestLeavesExactlyOneEvent() {
        List<String> ids = new ArrayList<>();
        String[][] requests = {{"GET", "/api/errors/ok"}, {"GET", "/api/items/5"}, {"GET", "/api/orders/1"},
                {"DELETE", "/api/errors/ok"}, {"GET", "/api/nowhere"}, {"GET", "/bulwark/error"}};
        for (int round = 0; round < 3; round++) {
            for (String[] request : requests) {
                String requestId = id("each-" + round);
                ids.add(requestId);
                send(request[0], APP + request[1], null, "X-Request-Id", requestId);
            }
        }
        List<JsonObject> found = await(e -> ids.contains(e.getString("http.request.id", null)), ids.size());
        assertThat(found.stream().map(e -> e.getString("http.request.id")).sorted().toList())
                .isEqualTo(ids.stream().sorted().toList());
    }

    // --- alerts: the replays of the attacks the detectors look for, and ordinary traffic next to them ---

    /** The alert lines of the audit file (WARNING lines in the same format) that match. */
    static List<JsonObject> alertLines(String rule, String key) {
        return events().stream().filter(e -> "alert".equals(e.getString("event.kind", null))
                && rule.equals(e.getString("rule.name", null)) && key.equals(e.getString("bulwark.alert.key", null)))
                .toList();
    }

    /** The alerts the application's observer received (GET /api/alerts as an admin). */
    static List<JsonObject> observed(String detector, String key) {
        HttpResponse<String> r = send("GET", APP + "/api/alerts", null, "Authorization",
                "Bearer " + ItSupport.token("auditor", "admin"));
        assertThat(r.statusCode()).isEqualTo(200);
        try (JsonReader reader = Json.createReader(new StringReader(r.body()))) {
            return reader.readArray().getValuesAs(JsonObject.class).stream()
                    .filter(a -> detector.equals(a.getString("detector")) && key.equals(a.getString("key")))
                    .toList();
        }
    }

    /**
     * The one alert of a detector and key: its line checked field by field, the CDI event observed once, the webhook
     * POSTed once with the line's JSON and the bearer token of the secret file.
     */
    static JsonObject assertOneAlert(String rule, String detector, String key, int threshold) throws IOException {
        JsonObject a = assertOneAlert(rule, detector, key);
        assertThat(a.getInt("bulwark.alert.threshold")).isEqualTo(threshold);
        return a;
    }

    /** The same, for a threshold the detector computes (the exfiltration baseline's). */
    static JsonObject assertOneAlert(String rule, String detector, String key) throws IOException {
        // the file outlives a server run (target/liberty is reused): only this run's alerts count
        List<JsonObject> lines = await(e -> "alert".equals(e.getString("event.kind", null))
                && rule.equals(e.getString("rule.name", null)) && key.equals(e.getString("bulwark.alert.key", null))
                && !Instant.parse(e.getString("@timestamp")).isBefore(STARTED), 1);
        assertThat(lines).as(rule + " alerts for " + key).hasSize(1);
        JsonObject a = lines.get(0);
        assertThat(a.getString("log.level")).isEqualTo("warn");
        assertThat(a.getString("ecs.version")).isEqualTo("8.11.0");
        assertThat(a.getJsonArray("event.category").getString(0)).isEqualTo("intrusion_detection");
        assertThat(a.getJsonArray("event.type").getString(0)).isEqualTo("indicator");
        assertThat(a.getString("event.action")).isEqualTo(rule);
        assertThat(a.getString("event.dataset")).isEqualTo("bulwark.alert");
        assertThat(a.getJsonNumber("bulwark.alert.observed").longValue())
                .isGreaterThanOrEqualTo(a.getJsonNumber("bulwark.alert.threshold").longValue());
        assertThat(a.getJsonNumber("bulwark.alert.window_seconds").longValue()).isPositive();
        assertThat(Instant.parse(a.getString("@timestamp"))).isBefore(Instant.now().plusSeconds(1));
        assertThat(a.getString("http.request.id")).isNotBlank();
        assertThat(a.getString("message")).startsWith("Bulwark alert " + rule + " for ");
        assertThat(observed(detector, key)).as("the SecurityAlert CDI event, observed once").hasSize(1);
        List<Posted> posts = posted(rule, key);
        assertThat(posts).as("the webhook POSTs of " + rule + " for " + key).hasSize(1);
        Posted post = posts.get(0);
        assertThat(post.body()).as("the POST is the alert line's JSON").isEqualTo(a);
        assertThat(post.authorization()).isEqualTo("Bearer " + webhookToken());
        assertThat(post.contentType()).isEqualTo("application/json");
        assertThat(post.idempotencyKey()).hasSize(36);
        return a;
    }

    /** {@code count} forged tokens from one address, each refused 401; the last request's id. */
    private static String stuff(String address, int count) throws Exception {
        String good = aliceToken();
        String last = null;
        for (int i = 0; i < count; i++) { // stolen credentials tried one after another: forged or tampered tokens
            last = id("stuffing-" + i);
            HttpResponse<String> r = send("GET", APP + "/api/orders/1", null, "Authorization", "Bearer "
                    + good.substring(0, good.lastIndexOf('.') + 1) + "c3R1ZmZlZC" + i, "X-Forwarded-For", address,
                    "X-Request-Id", last);
            assertThat(r.statusCode()).isEqualTo(401);
        }
        return last;
    }

    private static String randomAddress() {
        return "100.64." + (int) (Math.random() * 250) + "." + (1 + (int) (Math.random() * 250));
    }

    @Test
    void aCredentialStuffingBurstRaisesExactlyOneAlert() throws Exception {
        String address = randomAddress();
        String good = aliceToken();
        eventOf(stuff(address, 9));
        JsonObject alert = assertOneAlert("auth-failures-by-address", "AUTH_FAILURES_BY_ADDRESS", address, 5);
        assertThat(alert.getString("client.ip")).isEqualTo(address);
        assertThat(alert.getInt("bulwark.alert.window_seconds")).isEqualTo(60);

        String owned = id("metrics-ownership");
        assertThat(send("GET", APP + "/api/orders/2", null, "Authorization", "Bearer " + good, "X-Request-Id", owned)
                .statusCode()).isEqualTo(404);
        eventOf(owned); // counted on the writer thread before its line is flushed
        HttpResponse<String> metrics = ItSupport.sendTo(ItSupport.MANAGEMENT, "GET", "/metrics?scope=application",
                null, "Authorization", ItSupport.METRICS_READER);
        assertThat(metrics.body()).containsPattern("bulwark_alerts_total\\{[^}]*detector=\"auth-failures-by-address\""
                + "[^}]*\\} [1-9]");
        assertThat(metrics.body()).containsPattern("bulwark_refusals_total\\{[^}]*control=\"bearer-token\"[^}]*"
                + "endpoint=\"unmatched\"[^}]*reason=\"unauthorized\"[^}]*\\} [1-9]");
        assertThat(metrics.body()).containsPattern("bulwark_refusals_total\\{[^}]*control=\"ownership\"[^}]*"
                + "endpoint=\"GET /it-audit/api/orders/\\{id\\}\"[^}]*reason=\"not-found\"[^}]*\\} [1-9]");
    }

    @Test
    void idEnumerationWithOneTokenRaisesExactlyOneAlert() throws IOException {
        String subject = "enumerator-" + UUID.randomUUID().toString().substring(0, 6);
        String token = ItSupport.token(subject, "user");
        String last = null;
        for (int id = 10; id < 18; id++) { // walking the order ids with one valid token
            last = id("enum-" + id);
            HttpResponse<String> r = send("GET", APP + "/api/orders/" + id, null, "Authorization", "Bearer " + token,
                    "X-Forwarded-For", "203.0.113.61", "X-Request-Id", last);
            assertThat(r.statusCode()).isEqualTo(404);
        }
        eventOf(last);
        JsonObject alert = assertOneAlert("object-enumeration", "OBJECT_ENUMERATION", subject, 5);
        assertThat(alert.getString("user.id")).isEqualTo(subject);
        assertThat(alert.getString("bulwark.route")).isEqualTo("GET /it-audit/api/orders/{id}");
    }

    @Test
    void aStolenTokenUsedFromManyAddressesRaisesExactlyOneAlert() throws Exception {
        String token = aliceToken();
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                StandardCharsets.UTF_8);
        String jti;
        try (JsonReader reader = Json.createReader(new StringReader(payload))) {
            jti = reader.readObject().getString("jti");
        }
        String last = null;
        for (int i = 0; i < 5; i++) { // the owner's address, then the thief's exits
            last = id("stolen-" + i);
            HttpResponse<String> r = send("GET", APP + "/api/orders/1", null, "Authorization", "Bearer " + token,
                    "X-Forwarded-For", "198.51.100." + (70 + i), "X-Request-Id", last);
            assertThat(r.statusCode()).isEqualTo(200);
        }
        eventOf(last);
        JsonObject alert = assertOneAlert("token-many-addresses", "TOKEN_MANY_ADDRESSES", jti, 3);
        assertThat(alert.getString("user.id")).isEqualTo("alice");
        assertThat(alert.getString("client.ip")).isEqualTo("198.51.100.72"); // the third address raised it
        assertThat(alert.toString()).doesNotContain(token.substring(token.lastIndexOf('.') + 1));
    }

    @Test
    void theWebhookUsesARotatedTokenWithoutARestart() throws Exception {
        String original = webhookToken();
        String rotated = "it-rotated-webhook-token-" + UUID.randomUUID().toString().replace("-", "");
        try {
            writeWebhookToken(rotated);
            assertThat(untilPostedWith(rotated)).as("a POST with the rotated token").isTrue();
        } finally {
            writeWebhookToken(original);
            assertThat(untilPostedWith(original)).as("a POST with the build's token again").isTrue();
        }
        assertThat(ItSupport.readLog()).doesNotContain(rotated).doesNotContain(original);
    }

    /** Replaces the secret file at once, as a secret volume's update does. */
    private static void writeWebhookToken(String token) throws IOException {
        Path next = WEBHOOK_TOKEN.resolveSibling(".webhook-token.tmp");
        Files.writeString(next, token + "\n");
        Files.move(next, WEBHOOK_TOKEN, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Raises alerts (a stuffing burst from a new address each time) until one is POSTed with the token, within the
     * secret files' refresh (2 s) and some; each alert POSTed exactly once.
     */
    private static boolean untilPostedWith(String token) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            String address = randomAddress();
            stuff(address, 5);
            List<Posted> posts = posted("auth-failures-by-address", address);
            assertThat(posts).as("the webhook POSTs for " + address).hasSize(1);
            if (("Bearer " + token).equals(posts.get(0).authorization())) {
                return true;
            }
        }
        return false;
    }

    @Test
    void anExfiltrationSpikeAgainstTheSubjectsOwnBaselineRaisesExactlyOneAlert() throws Exception {
        String subject = "exporter-" + UUID.randomUUID().toString().substring(0, 6);
        String token = ItSupport.token(subject, "user");
        // its ordinary use: a small page four times a second, long enough for a history of 3 s windows (four of
        // them and the window itself); a new subject's first requests are never a spike
        long start = System.nanoTime();
        String last = null;
        while (System.nanoTime() - start < Duration.ofMillis(13_500).toNanos()) {
            last = id("export-page");
            HttpResponse<String> r = send("GET", APP + "/api/exports?rows=5", null, "Authorization", "Bearer " + token,
                    "X-Forwarded-For", "203.0.113.81", "X-Request-Id", last);
            assertThat(r.statusCode()).isEqualTo(200);
            Thread.sleep(250);
        }
        eventOf(last);
        assertThat(alertLines("exfiltration", subject)).as("its ordinary use").isEmpty();

        // then the table at once: two exports of 1200 rows (about 46 KB each, under the 64 KiB floor alone) at the
        // same moment, 35 times its recent baseline
        Instant burst = Instant.now();
        List<CompletableFuture<HttpResponse<String>>> exports = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String requestId = id("export-all-" + i);
            exports.add(CompletableFuture.supplyAsync(() -> send("GET", APP + "/api/exports?rows=1200", null,
                    "Authorization", "Bearer " + token, "X-Forwarded-For", "203.0.113.81", "X-Request-Id",
                    requestId)));
        }
        long bytes = 0;
        for (CompletableFuture<HttpResponse<String>> export : exports) {
            HttpResponse<String> r = export.get();
            assertThat(r.statusCode()).isEqualTo(200);
            bytes += r.body().length();
            eventOf(r.headers().firstValue("X-Request-Id").orElseThrow());
        }
        assertThat(bytes).isGreaterThan(64 * 1024);

        JsonObject alert = assertOneAlert("exfiltration", "EXFILTRATION", subject);
        assertThat(alert.getString("user.id")).isEqualTo(subject);
        assertThat(alert.getString("bulwark.route")).isEqualTo("GET /it-audit/api/exports");
        assertThat(alert.getInt("bulwark.alert.window_seconds")).isEqualTo(3);
        assertThat(alert.getJsonNumber("bulwark.alert.threshold").longValue()).isEqualTo(64 * 1024);
        assertThat(alert.getJsonNumber("bulwark.alert.observed").longValue()).isBetween(64L * 1024, bytes + 4096);
        assertThat(Instant.parse(alert.getString("@timestamp"))).as("within its window")
                .isBetween(burst.minusSeconds(1), burst.plusSeconds(3 + 30));
    }

    /** A successful GET of an admin route with an admin's token from an address; its request id. */
    private static String adminCall(String path, String token, String address) {
        String requestId = id("admin");
        HttpResponse<String> r = send("GET", APP + path, null, "Authorization", "Bearer " + token,
                "X-Forwarded-For", address, "X-Request-Id", requestId);
        assertThat(r.statusCode()).isEqualTo(200);
        return requestId;
    }

    /** Past the learning periods of /it-audit (2 s): the subject's history is established. */
    private static void outlastLearning() throws InterruptedException {
        Thread.sleep(2_500);
    }

    @Test
    void anEstablishedAdminReachingAnAdminRouteItNeverUsedRaisesExactlyOneAlert() throws Exception {
        String subject = "ops-" + UUID.randomUUID().toString().substring(0, 6);
        String token = ItSupport.token(subject, "admin");
        String address = "203.0.113.91";
        adminCall("/api/admin", token, address); // learnt: a new subject never alerts
        outlastLearning();
        eventOf(adminCall("/api/admin", token, address)); // known: nothing
        assertThat(alertLines("new-access", subject)).isEmpty();

        String first = adminCall("/api/alerts", token, address); // an admin route it never used
        eventOf(adminCall("/api/alerts", token, address)); // learnt: a repeat raises nothing
        JsonObject alert = assertOneAlert("new-access", "NEW_ACCESS", subject, 1);
        assertThat(alert.getString("http.request.id")).isEqualTo(first);
        assertThat(alert.getString("user.id")).isEqualTo(subject);
        assertThat(alert.getString("bulwark.route")).isEqualTo("GET /it-audit/api/alerts");
        assertThat(alert.getString("client.ip")).isEqualTo(address);
        assertThat(alert.getInt("bulwark.alert.window_seconds")).isEqualTo(2);
        assertThat(alertLines("admin-new-address", subject)).as("one address all along").isEmpty();
        assertAlertCounted("new-access");
    }

    /** {@code bulwark_alerts_total{detector}} has counted the detector's alerts. */
    private static void assertAlertCounted(String rule) {
        HttpResponse<String> metrics = ItSupport.sendTo(ItSupport.MANAGEMENT, "GET", "/metrics?scope=application",
                null, "Authorization", ItSupport.METRICS_READER);
        assertThat(metrics.body()).containsPattern("bulwark_alerts_total\\{[^}]*detector=\"" + rule
                + "\"[^}]*\\} [1-9]");
    }

    @Test
    void anAdminRouteFromANewAddressRaisesExactlyOneAlert() throws Exception {
        String subject = "root-" + UUID.randomUUID().toString().substring(0, 6);
        String token = ItSupport.token(subject, "admin");
        adminCall("/api/admin", token, "203.0.113.92"); // its first privileged call: never an alert
        outlastLearning();
        eventOf(adminCall("/api/admin", token, "203.0.113.92"));
        assertThat(alertLines("admin-new-address", subject)).isEmpty();

        String moved = adminCall("/api/admin", token, "198.51.100.93"); // the same admin token, elsewhere
        eventOf(adminCall("/api/admin", token, "198.51.100.94")); // and further on, within the alert's window
        JsonObject alert = assertOneAlert("admin-new-address", "ADMIN_NEW_ADDRESS", subject, 1);
        assertThat(alert.getString("http.request.id")).isEqualTo(moved);
        assertThat(alert.getString("client.ip")).isEqualTo("198.51.100.93");
        assertThat(alert.getString("user.id")).isEqualTo(subject);
        assertThat(alert.getString("bulwark.route")).isEqualTo("GET /it-audit/api/admin");
        assertThat(alert.getString("message")).endsWith(", 198.51.100.93");
        assertThat(alertLines("new-access", subject)).as("one admin route all along").isEmpty();
        assertAlertCounted("admin-new-address");
    }

    @Test
    void ordinaryMixedTrafficRaisesNoAlert() throws Exception {
        List<String> keys = new ArrayList<>();
        String last = null;
        for (int user = 0; user < 4; user++) {
            String address = "192.0.2." + (80 + user);
            String subject = user == 0 ? "alice" : "shopper-" + user + "-" + UUID.randomUUID().toString().substring(0, 4);
            String token = user == 0 ? aliceToken() : ItSupport.token(subject, "user");
            keys.add(address);
            keys.add(subject);
            for (int i = 0; i < 6; i++) {
                last = id("normal-" + user + "-" + i);
                send("GET", APP + "/api/items/" + (i + 1), null, "Authorization", "Bearer " + token,
                        "X-Forwarded-For", address, "X-Request-Id", last);
            }
            for (int i = 0; i < 2; i++) { // an export of the usual size
                assertThat(send("GET", APP + "/api/exports?rows=50", null, "Authorization", "Bearer " + token,
                        "X-Forwarded-For", address).statusCode()).isEqualTo(200);
            }
            // a mistyped order id, a page without the token, a token that expired meanwhile: a few refusals each
            send("GET", APP + "/api/orders/" + (90 + user), null, "Authorization", "Bearer " + token,
                    "X-Forwarded-For", address);
            send("GET", APP + "/api/orders/1", null, "X-Forwarded-For", address);
            last = id("normal-" + user + "-end");
            send("GET", APP + "/api/orders/1", null, "Authorization", "Bearer " + token.substring(0,
                    token.lastIndexOf('.') + 1) + "ZXhwaXJlZA", "X-Forwarded-For", address, "X-Request-Id", last);
        }
        eventOf(last);
        List<JsonObject> raised = events().stream().filter(e -> "alert".equals(e.getString("event.kind", null))
                && keys.contains(e.getString("bulwark.alert.key", ""))
                && !Instant.parse(e.getString("@timestamp")).isBefore(STARTED)).toList();
        assertThat(raised).isEmpty();
        assertThat(POSTED.stream().filter(p -> keys.contains(p.body().getString("bulwark.alert.key", ""))))
                .as("nothing POSTed to the webhook").isEmpty();
    }

    private static List<JsonObject> bulwarkChecks(HttpResponse<String> health) {
        return ItSupport.json(health.body()).getJsonArray("checks").getValuesAs(JsonObject.class)
                .stream().filter(c -> "bulwark".equals(c.getString("name"))).toList();
    }

    @Test
    void theReadinessCheckReportsBulwarksState() throws InterruptedException {
        // The check tells the state the last call to Redis left: one that timed out on this loaded machine reads
        // "local fallback" until the next decision. A rate-limited request to the Redis deployment refreshes it.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        HttpResponse<String> r;
        do {
            ItSupport.send("GET", "/it-redis/api/limited/items/1", null);
            r = ItSupport.sendTo(ItSupport.MANAGEMENT, "GET", "/health/ready", null);
            if (bulwarkChecks(r).stream().anyMatch(c -> "redis".equals(
                    c.getJsonObject("data").getString("rate-limit-store")))) {
                break;
            }
            Thread.sleep(300);
        } while (System.nanoTime() < deadline);
        // overall DOWN is possible here: the test server deploys applications that must fail (ServerEndpointsIT)
        assertThat(r.statusCode()).isIn(200, 503);
        List<JsonObject> bulwark = bulwarkChecks(r);
        assertThat(bulwark).as("one check per deployment with Bulwark").hasSizeGreaterThan(3);
        for (JsonObject check : bulwark) {
            assertThat(check.getString("status")).isEqualTo("UP"); // no deployment refuses while Redis is down
            JsonObject data = check.getJsonObject("data");
            assertThat(data.getString("rate-limit-store")).isIn("memory", "redis", "redis (not used yet)",
                    "local fallback (redis unreachable)");
            assertThat(data.getString("jwks")).isIn("local key", "fetched", "not fetched yet");
            assertThat(Long.parseLong(data.getString("audit-events-dropped"))).isZero();
        }
        assertThat(bulwark).anySatisfy(c -> assertThat(c.getJsonObject("data").getString("rate-limit-store"))
                .isEqualTo("memory"));
        assertThat(bulwark).anySatisfy(c -> assertThat(c.getJsonObject("data").getString("rate-limit-store"))
                .startsWith("redis"));
    }
}
