package dev.bulwark.it;

import static dev.bulwark.it.ItSupport.send;
import static dev.bulwark.it.ItSupport.sendTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Observe mode over HTTP: {@code /it-observe} is the IT WAR with {@code bulwark.observe=all}. For every observable
 * control, the request {@code /it} refuses reaches the application here, its access event records the
 * would-refusal ({@code bulwark.observed}) while {@code event.outcome} says what really happened, and
 * {@code bulwark_observed_refusals_total} counts it. Authentication is never observed: a bad token is still 401.
 */
class ObserveIT {

    private static final String APP = "/it-observe";
    private static final Path AUDIT_FILE = ItSupport.LOG.getParent().resolve("bulwark-audit-observe.json");

    @BeforeAll
    static void liberty() {
        assumeTrue(ItSupport.onLiberty(), "the /it-observe deployment is Liberty's (server.xml)");
        ItSupport.awaitApplication(APP);
    }

    @Test
    void theStartUpSaysLoudlyWhatIsOnlyObserved() {
        String line = ItSupport.awaitLog("Bulwark OBSERVE MODE: enforcement is OFF for host, address-rules, https, cors, version,"
                + " request-text, body-size, rate-limit, authorization, validation, egress", APP);
        assertThat(line).contains("bulwark.observe");
        ItSupport.awaitLog("OBSERVE MODE on every endpoint below: enforcement is OFF for host");
    }

    @Test
    void host() {
        String id = id("host");
        RawHttp.Response r = RawHttp.send(true, RawHttp.port(ItSupport.BASE), "GET " + APP
                + "/api/errors/ok HTTP/1.1", "Host: evil.example", "X-Request-Id: " + id);
        assertThat(r.status()).isEqualTo(200);
        assertObserved(id, "host", "bad-request", 200);
    }

    @Test
    void httpsNeitherRefusesNorRedirects() {
        String id = id("https");
        HttpResponse<String> api = sendTo(ItSupport.HTTP, "GET", APP + "/api/errors/ok", null, "X-Request-Id", id);
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains("\"ok\":true");
        assertObserved(id, "https", "https-required", 200);
        String browser = id("https-redirect");
        HttpResponse<String> legacy = sendTo(ItSupport.HTTP, "GET", APP + "/legacy/hello", null,
                "X-Request-Id", browser);
        assertThat(legacy.statusCode()).isNotEqualTo(308);
        assertThat(legacy.headers().firstValue("Location")).isEmpty();
        assertThat(observed(event(browser))).anyMatch(o -> o.startsWith("https (https) redirect"));
    }

    @Test
    void aRefusedPreflightGoesOnToTheApplicationWithoutAllowHeaders() {
        String id = id("cors");
        HttpResponse<String> r = send("OPTIONS", APP + "/api/items", null, "Origin", "https://evil.example",
                "Access-Control-Request-Method", "DELETE", "X-Request-Id", id);
        assertThat(r.statusCode()).isNotEqualTo(403).isLessThan(500);
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertObserved(id, "cors", "cors-refused", r.statusCode());
    }

    @Test
    void aSunsetVersionIsServed() {
        String id = id("version");
        HttpResponse<String> r = send("GET", APP + "/api/v1/widgets", null, "X-Request-Id", id);
        assertThat(r.statusCode()).isEqualTo(200);
        assertObserved(id, "version", "version-retired", 200);
    }

    @Test
    void requestText() {
        String id = id("text");
        RawHttp.Response r = RawHttp.get(APP + "/api/items/1?name=%1B%5B31m", "X-Request-Id: " + id);
        assertThat(r.status()).isEqualTo(200);
        assertObserved(id, "request-text", "validation", 200);
    }

    @Test
    void aBodyOverTheLimitReachesTheApplicationWhole() {
        String id = id("body");
        String body = "x".repeat(1_048_576 + 10);
        HttpResponse<String> r = send("POST", APP + "/api/bodies/text", body, "Content-Type", "text/plain",
                "X-Request-Id", id);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"length\":" + body.length() + "}");
        assertObserved(id, "body-size", "payload-too-large", 200);
    }

    @Test
    void aRateLimitedCallerIsServedAndNeverCharged() {
        String address = "198.51.100.7";
        String last = null;
        for (int i = 0; i < 7; i++) {
            last = id("rate-" + i);
            HttpResponse<String> r = send("GET", APP + "/api/limited/items/1", null, "X-Forwarded-For", address,
                    "X-Request-Id", last);
            assertThat(r.statusCode()).as("call " + i).isEqualTo(200);
            assertThat(r.headers().firstValue("Retry-After")).isEmpty();
        }
        assertObserved(last, "rate-limit", "too-many-requests", 200);
    }

    @Test
    void authorizationAndAuthenticationStillEnforced() throws Exception {
        // a missing scope (Bulwark's own check): served, recorded
        String id = id("scopes");
        HttpResponse<String> r = send("GET", APP + "/api/scoped", null, "Authorization", "Bearer "
                + ItSupport.token("bob", "user"), "X-Request-Id", id);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonObject event = assertObserved(id, "authorization", "forbidden", 200);
        assertThat(event.getString("user.id")).isEqualTo("bob");
        // an endpoint with no access decision (deny by default): served, recorded
        String undecided = id("deny");
        assertThat(send("GET", APP + "/api/undecided", null, "Authorization", "Bearer "
                + ItSupport.token("bob", "user"), "X-Request-Id", undecided).statusCode()).isEqualTo(200);
        assertObserved(undecided, "authorization", "forbidden", 200);
        // ...but never to a request with no caller at all: observe mode opens nothing to anonymous callers
        ItSupport.assertProblem(send("GET", APP + "/api/undecided", null), 403);
        // @RolesAllowed is also the container's own check on Liberty (appSecurity): observe mode never lifts it
        String roles = id("roles");
        HttpResponse<String> container = send("GET", APP + "/api/admin", null, "Authorization", "Bearer "
                + ItSupport.token("bob", "user"), "X-Request-Id", roles);
        ItSupport.assertProblem(container, 403);

        String forged = ItSupport.token("bob", "admin");
        String bad = id("bad-token");
        HttpResponse<String> refused = send("GET", APP + "/api/admin", null, "Authorization", "Bearer "
                + forged.substring(0, forged.lastIndexOf('.') + 1) + "Zm9yZ2Vk", "X-Request-Id", bad);
        ItSupport.assertProblem(refused, 401);
        JsonObject denied = event(bad);
        assertThat(denied.getString("event.outcome")).isEqualTo("failure");
        assertThat(denied.getString("bulwark.control")).isEqualTo("bearer-token");
        assertThat(denied.containsKey("bulwark.observed")).isFalse();
    }

    @Test
    void everyObservedCheckOfOneEndpointRunsOwnershipAfterRoles() {
        // the orders endpoint has a role check and an ownership check, both observed: each is recorded
        // (one wrapper class per step: a runtime keeps one provider per class and method)
        String id = id("ownership");
        HttpResponse<String> r = send("GET", APP + "/api/orders/2", null, "Authorization", "Bearer "
                + ItSupport.token("alice", "user"), "X-Request-Id", id);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"owner\":\"bob\"");
        assertObserved(id, "authorization", "not-found", 200);
        assertThat(observed(event(id))).anyMatch(o -> o.startsWith("authorization (ownership) "));
        // a JSON body that breaks its rules and asks for another's order: validation and ownership both observed
        String both = id("ownership-body");
        HttpResponse<String> lookup = send("POST", APP + "/api/orders/lookup", "{\"orderId\":\"2\",\"extra\":1}",
                "Content-Type", "application/json", "Authorization", "Bearer " + ItSupport.token("alice", "user"),
                "X-Request-Id", both);
        assertThat(lookup.statusCode()).isEqualTo(200);
        assertThat(event(both).getJsonArray("bulwark.observed_controls").getValuesAs(JsonString::getString))
                .contains("authorization", "validation");
    }

    @Test
    void anObservedOwnershipRefusalIsNeverChargedToTheRefusalBudget() {
        // a missing order asked for 62 times: each ownership refusal observed, each 404 the application's own; the
        // caller's refusal budget (60 per minute) must stay unspent, so the last one shows no observed budget refusal
        String token = ItSupport.token("observe-budget-" + UUID.randomUUID().toString().substring(0, 8), "user");
        String last = null;
        for (int i = 0; i < 62; i++) {
            last = id("budget-" + i);
            HttpResponse<String> r = send("GET", APP + "/api/orders/999", null, "Authorization", "Bearer " + token,
                    "X-Request-Id", last);
            assertThat(r.statusCode()).as("call " + i).isEqualTo(404);
        }
        JsonObject event = event(last);
        assertThat(observed(event)).anyMatch(o -> o.startsWith("authorization (ownership) "))
                .noneMatch(o -> o.contains("(caller-budget)") || o.contains("(address-budget)"));
    }

    @Test
    void aMassAssignmentBodyReachesTheApplicationIntact() {
        String id = id("validation");
        HttpResponse<String> r = send("PUT", APP + "/api/bodies/me",
                "{\"displayName\":\"mallory\",\"id\":\"admin\",\"isAdmin\":true}", "Content-Type",
                "application/json", "X-Request-Id", id);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"displayName\":\"mallory\"");
        assertObserved(id, "validation", "validation", 200);
    }

    @Test
    void egressActsLikeLog() {
        String id = id("egress");
        HttpResponse<String> r = send("GET", APP + "/api/leaks/string/jws", null, "X-Request-Id", id);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).doesNotContain("[removed]");
        assertObserved(id, "egress", "value-removed", 200);
    }

    @Test
    void theMetricCountsEveryObservedControl() {
        String id = id("metric");
        assertThat(send("GET", APP + "/api/scoped", null, "Authorization", "Bearer " + ItSupport.token("carol",
                "user"), "X-Request-Id", id).statusCode()).isEqualTo(200);
        event(id); // counted on the writer thread before its line is written
        HttpResponse<String> metrics = sendTo(ItSupport.MANAGEMENT, "GET", "/metrics?scope=application", null,
                "Authorization", ItSupport.METRICS_READER);
        assertThat(metrics.body()).containsPattern("bulwark_observed_refusals_total\\{[^}]*control=\"authorization\""
                + "[^}]*endpoint=\"GET /it-observe/api/scoped\"[^}]*kind=\"forbidden\"[^}]*\\} [1-9]");
    }

    /** The event of the request: served as it really was, with the observed control's would-refusal. */
    private static JsonObject assertObserved(String id, String control, String kind, int status) {
        JsonObject event = event(id);
        assertThat(event.getInt("http.response.status_code")).isEqualTo(status);
        assertThat(event.getString("event.outcome")).isEqualTo(status < 400 ? "success" : "failure");
        assertThat(event.getJsonArray("bulwark.observed_controls").getValuesAs(JsonString::getString))
                .contains(control);
        assertThat(observed(event)).anyMatch(o -> o.startsWith(control + " (") && o.contains(") " + kind + ": "));
        return event;
    }

    private static List<String> observed(JsonObject event) {
        return event.getJsonArray("bulwark.observed").getValuesAs(JsonString::getString);
    }

    /** The one access event of a request id (bounded wait: the writer is asynchronous). */
    private static JsonObject event(String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            List<JsonObject> found = lines().stream().filter(l -> l.contains("\"" + id + "\"")).map(ObserveIT::parse)
                    .filter(e -> id.equals(e.getString("http.request.id", null))).toList();
            if (!found.isEmpty() || System.nanoTime() > deadline) {
                assertThat(found).as("events of " + id).hasSize(1);
                return found.get(0);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static List<String> lines() {
        try {
            return Files.exists(AUDIT_FILE) ? Files.readAllLines(AUDIT_FILE, StandardCharsets.US_ASCII) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonObject parse(String line) {
        try (JsonReader reader = Json.createReader(new StringReader(line))) {
            return reader.readObject();
        }
    }

    private static String id(String what) {
        return "observe-" + what + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
