package dev.bulwark.internal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.internal.errors.ProblemKind;
import dev.bulwark.internal.pipeline.Phase;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class EcsLineTest {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void aServedRequestHasEveryFieldUnderItsEcsName() {
        AuditEvent e = new AuditEvent(Events.T0, 1_250_000L, "GET", "GET /app/api/orders/{id}", true, "/app/api/orders/7",
                200, 17, 342, "203.0.113.7", Events.claims("alice", "shop-web", "j-1"), null,
                "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0", "4bf92f3577b34da6a3ce929d0e0e4736", TRACEPARENT,
                null);
        String line = EcsLine.of(e);
        assertThat(line).doesNotContain("\n").doesNotContain("\r");
        JsonObject json = Events.parse(line);
        assertThat(json.getString("@timestamp")).isEqualTo("2026-09-21T14:13:20.000Z");
        assertThat(json.getString("log.level")).isEqualTo("info");
        assertThat(json.getString("log.logger")).isEqualTo("dev.bulwark.audit");
        assertThat(json.getString("ecs.version")).isEqualTo(EcsLine.ECS_VERSION);
        assertThat(json.getString("message")).isEqualTo("GET /app/api/orders/7 200");
        assertThat(json.getString("event.kind")).isEqualTo("event");
        assertThat(json.getJsonArray("event.category").getString(0)).isEqualTo("web");
        assertThat(json.getJsonArray("event.type").toString()).isEqualTo("[\"access\"]");
        assertThat(json.getString("event.action")).isEqualTo("request-served");
        assertThat(json.getString("event.outcome")).isEqualTo("success");
        assertThat(json.getJsonNumber("event.duration").longValue()).isEqualTo(1_250_000L);
        assertThat(json.getString("event.dataset")).isEqualTo("bulwark.access");
        assertThat(json.getString("http.request.method")).isEqualTo("GET");
        assertThat(json.getString("http.request.id")).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(json.getInt("http.request.body.bytes")).isEqualTo(17);
        assertThat(json.getInt("http.response.status_code")).isEqualTo(200);
        assertThat(json.getInt("http.response.body.bytes")).isEqualTo(342);
        assertThat(json.getString("url.path")).isEqualTo("/app/api/orders/7");
        assertThat(json.getString("bulwark.route")).isEqualTo("GET /app/api/orders/{id}");
        assertThat(json.getString("client.ip")).isEqualTo("203.0.113.7");
        assertThat(json.getString("client.address")).isEqualTo("203.0.113.7");
        assertThat(json.getString("user.id")).isEqualTo("alice");
        assertThat(json.getString("bulwark.client_id")).isEqualTo("shop-web");
        assertThat(json.getString("user_agent.original")).isEqualTo("Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0");
        assertThat(json.getString("trace.id")).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(json).doesNotContainKeys("event.reason", "bulwark.control", "bulwark.refusal", "user.name");
        // never the token's id or any other claim
        assertThat(line).doesNotContain("j-1").doesNotContain("issuer.example");
    }

    @Test
    void aRefusedRequestNamesItsControlKindAndReason() {
        AuditEvent e = Events.refused(Events.T0, "198.51.100.4", null,
                Refusal.of(Phase.OWNERSHIP, ProblemKind.NOT_FOUND, "order 7 is not owned by 'bob'"), 404);
        JsonObject json = Events.parse(EcsLine.of(e));
        assertThat(json.getJsonArray("event.type").toString()).isEqualTo("[\"access\",\"denied\"]");
        assertThat(json.getString("event.action")).isEqualTo("request-refused");
        assertThat(json.getString("event.outcome")).isEqualTo("failure");
        assertThat(json.getString("event.reason")).isEqualTo("order 7 is not owned by 'bob'");
        assertThat(json.getString("bulwark.control")).isEqualTo("ownership");
        assertThat(json.getString("bulwark.refusal")).isEqualTo("not-found");
        assertThat(json.getString("message")).isEqualTo("GET /app/api/orders/7 404 refused by ownership");
        assertThat(json).doesNotContainKeys("user.id", "user.name", "bulwark.client_id", "http.request.body.bytes");
    }

    @Test
    void anApplicationErrorIsAFailureButNotARefusal() {
        AuditEvent e = Events.refused(Events.T0, "198.51.100.4", null,
                new Refusal(Refusal.APPLICATION, "internal", "unhandled java.lang.IllegalStateException"), 500);
        JsonObject json = Events.parse(EcsLine.of(e));
        assertThat(json.getJsonArray("event.type").toString()).isEqualTo("[\"access\",\"error\"]");
        assertThat(json.getString("event.action")).isEqualTo("request-served");
        assertThat(json.getString("bulwark.control")).isEqualTo("application");
    }

    @Test
    void aContainerPrincipalIsAUserNameNotAnId() {
        AuditEvent e = new AuditEvent(Events.T0, 1, "GET", null, false, "/app/x", 200, -1, 0, "unknown", null, "metrics-reader",
                null, "id", null, null);
        JsonObject json = Events.parse(EcsLine.of(e));
        assertThat(json.getString("user.name")).isEqualTo("metrics-reader");
        assertThat(json).doesNotContainKeys("user.id", "client.ip", "bulwark.route", "user_agent.original",
                "trace.id");
        assertThat(json.getString("client.address")).isEqualTo("unknown");
    }

    @Test
    void lineBreaksQuotesAndControlCharactersCannotForgeALineOrAField() {
        String evil = "x\r\n{\"log.level\":\"info\",\"user.id\":\"admin\"}\u2028\u2029\u0000\u001b[31m\u0085\\\"";
        AuditEvent e = new AuditEvent(Events.T0, 1, "GET\r\nX", "GET /r", false, "/p" + evil, 400, -1, 0, "203.0.113.7",
                Events.claims("mallory" + evil, "cli\nent", null), null, "agent" + evil, "id", null,
                Refusal.of(Phase.REQUEST_TEXT, ProblemKind.VALIDATION, "bad " + evil));
        String line = EcsLine.of(e);
        assertThat(line.chars()).allMatch(c -> c >= 0x20 && c < 0x7f); // pure printable ASCII: one line, no U+2028
        JsonObject json = Events.parse(line);
        assertThat(json.getString("user.id")).isEqualTo("mallory" + evil); // escaped, not lost: the SIEM decodes it
        assertThat(json.getString("user_agent.original")).isEqualTo("agent" + evil);
        assertThat(json.getString("url.path")).isEqualTo("/p" + evil);
        assertThat(json.getString("event.reason")).isEqualTo("bad " + evil);
        assertThat(json.getString("http.request.method")).isEqualTo("GET\r\nX");
        assertThat(json.getString("bulwark.client_id")).isEqualTo("cli\nent");
        assertThat(json.getString("log.level")).isEqualTo("info");
        assertThat(json.keySet()).doesNotContain("user.name");
    }

    @Test
    void hugeValuesAreCutToTheirBoundAndMarked() {
        String big = "a".repeat(100_000);
        AuditEvent e = new AuditEvent(Events.T0, 1, "GET", big, false, "/" + big, 200, -1, 0, big, null, big, big, big, big,
                new Refusal("host", "bad-request", big));
        String line = EcsLine.of(e);
        assertThat(line.length()).isLessThan(8_000);
        JsonObject json = Events.parse(line);
        assertThat(json.getString("url.path")).hasSize(EcsLine.MAX_PATH + EcsLine.CUT.length()).endsWith("a...");
        assertThat(json.getString("user_agent.original")).hasSize(EcsLine.MAX_USER_AGENT + 3);
        assertThat(json.getString("event.reason")).hasSize(EcsLine.MAX_REASON + 3);
        assertThat(json.getString("user.name")).hasSize(EcsLine.MAX_IDENTITY + 3);
        assertThat(json.getString("bulwark.route")).hasSize(EcsLine.MAX_ROUTE + 3);
        assertThat(json).doesNotContainKeys("client.ip", "trace.id");
    }

    @Test
    void theEventHoldsNoHugeStringWhileItWaitsInTheQueue() {
        String big = "b".repeat(1_000_000); // a flood of requests with megabyte headers and paths
        Refusal refusal = new Refusal(big, big, big);
        AuditEvent e = new AuditEvent(Events.T0, 1, big, big, false, big, 400, -1, 0, big, null, big, big, big, big,
                refusal);
        assertThat(refusal.reason()).hasSize(EcsLine.MAX_REASON + 1);
        assertThat(refusal.control()).hasSize(EcsLine.MAX_SHORT + 1);
        assertThat(refusal.kind()).hasSize(EcsLine.MAX_SHORT + 1);
        assertThat(e.method()).hasSize(EcsLine.MAX_SHORT + 1);
        assertThat(e.route()).hasSize(EcsLine.MAX_ROUTE + 1);
        assertThat(e.path()).hasSize(EcsLine.MAX_PATH + 1);
        assertThat(e.clientAddress()).hasSize(EcsLine.MAX_SHORT + 1);
        assertThat(e.principal()).hasSize(EcsLine.MAX_IDENTITY + 1);
        assertThat(e.userAgent()).hasSize(EcsLine.MAX_USER_AGENT + 1);
        assertThat(e.correlationId()).hasSize(EcsLine.MAX_SHORT + 1);
        assertThat(e.traceparent()).hasSize(EcsLine.MAX_SHORT + 1);
        // the line is what it was with the whole values: each cut to its bound and marked
        JsonObject json = Events.parse(EcsLine.of(e));
        assertThat(json.getString("user_agent.original")).hasSize(EcsLine.MAX_USER_AGENT + 3).endsWith("b...");
        assertThat(json.getString("url.path")).hasSize(EcsLine.MAX_PATH + 3);
        assertThat(json.getString("event.reason")).hasSize(EcsLine.MAX_REASON + 3);

        String exact = "c".repeat(EcsLine.MAX_USER_AGENT);
        AuditEvent fits = new AuditEvent(Events.T0, 1, "GET", null, false, "/x", 200, -1, 0, "::1", null, null, exact,
                "id", null, null);
        assertThat(fits.userAgent()).isSameAs(exact);
        assertThat(Events.parse(EcsLine.of(fits)).getString("user_agent.original")).isEqualTo(exact);
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        String emoji = "\uD83D\uDE00";
        String path = "/" + "a".repeat(EcsLine.MAX_PATH - 2) + emoji + "tail";
        AuditEvent e = new AuditEvent(Events.T0, 1, "GET", null, false, path, 200, -1, 0, "::1", null, null, null, "id",
                null, null);
        JsonObject json = Events.parse(EcsLine.of(e));
        assertThat(json.getString("url.path")).endsWith("a...").doesNotContain("\uD83D");
        assertThat(json.getString("client.ip")).isEqualTo("::1");
    }

    @Test
    void theTimestampIsIso8601InUtcWithMilliseconds() {
        for (long millis : new long[] {0L, 951_782_400_123L, Events.T0 + 7, 4_102_444_799_999L, 1_709_164_800_001L}) {
            AuditEvent e = new AuditEvent(millis, 1, "GET", null, false, "/", 200, -1, 0, "::1", null, null, null,
                    "id", null, null);
            String at = Events.parse(EcsLine.of(e)).getString("@timestamp");
            assertThat(at).hasSize(24).endsWith("Z");
            assertThat(java.time.Instant.parse(at).toEpochMilli()).isEqualTo(millis);
        }
    }

    @Test
    void onlyAWellFormedTraceparentGivesATraceId() {
        assertThat(EcsLine.traceId(TRACEPARENT)).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(EcsLine.traceId("00-00000000000000000000000000000000-00f067aa0ba902b7-01")).isNull();
        assertThat(EcsLine.traceId("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01")).isNull();
        assertThat(EcsLine.traceId("00-4bf92f3577b34da6a3ce929d0e0e4736\"-0f067aa0ba902b7-01")).isNull();
        assertThat(EcsLine.traceId("garbage")).isNull();
        assertThat(EcsLine.traceId(null)).isNull();
    }

    @Test
    void onlyAnIpLiteralIsAClientIp() {
        assertThat(EcsLine.isIp("203.0.113.7")).isTrue();
        assertThat(EcsLine.isIp("2001:db8::7")).isTrue();
        assertThat(EcsLine.isIp("unknown")).isFalse();
        assertThat(EcsLine.isIp("1.2.3")).isFalse();
        assertThat(EcsLine.isIp("")).isFalse();
    }

    @Test
    void observedRefusalsAreListedEscapedAndTheOutcomeIsWhatHappened() {
        AuditEvent e = new AuditEvent(Events.T0, 1L, "GET", "GET /app/api/admin", false, "/app/api/admin", 200, -1,
                2, "203.0.113.7", Events.claims("bob", null, null), null, null, "c-1", null, null, java.util.List.of(
                new dev.bulwark.internal.observe.Observation("authorization", "roles", "forbidden",
                        "none of [admin]\n\"forged\":1"),
                new dev.bulwark.internal.observe.Observation("rate-limit", "rate-limit", "too-many-requests",
                        "x".repeat(400))));
        String line = EcsLine.of(e);
        assertThat(line).doesNotContain("\n\"forged").isEqualTo(line.strip());
        JsonObject json = Events.parse(line);
        assertThat(json.getString("event.outcome")).isEqualTo("success");
        assertThat(json.getString("event.action")).isEqualTo("request-served");
        assertThat(json.containsKey("bulwark.control")).isFalse();
        assertThat(json.getJsonArray("bulwark.observed_controls").getValuesAs(jakarta.json.JsonString::getString))
                .containsExactly("authorization", "rate-limit");
        var observed = json.getJsonArray("bulwark.observed").getValuesAs(jakarta.json.JsonString::getString);
        assertThat(observed.get(0)).isEqualTo("authorization (roles) forbidden: none of [admin]\n\"forged\":1");
        assertThat(observed.get(1)).startsWith("rate-limit (rate-limit) too-many-requests: xxx").endsWith(EcsLine.CUT)
                .hasSize(EcsLine.MAX_REASON + EcsLine.CUT.length());
    }

    @Test
    void anEventWithoutObservationsHasNoObservedFields() {
        JsonObject json = Events.parse(EcsLine.of(Events.served(Events.T0, "203.0.113.7", null, 200, 5)));
        assertThat(json.containsKey("bulwark.observed")).isFalse();
        assertThat(json.containsKey("bulwark.observed_controls")).isFalse();
    }

    @Test
    void theNoveltyAlertsSayWhatWasNewInTheirMessage() {
        java.time.Instant at = java.time.Instant.ofEpochMilli(Events.T0);
        JsonObject access = Events.parse(EcsLine.of(new dev.bulwark.api.SecurityAlert(
                dev.bulwark.api.SecurityAlert.Detector.NEW_ACCESS, "alice", 1, 1, java.time.Duration.ofDays(7), at,
                "203.0.113.7", "alice", "DELETE /app/api/admin/users/{id}", "c-1")));
        assertThat(access.getString("message")).isEqualTo("Bulwark alert new-access for alice: a route or role it"
                + " never used before, DELETE /app/api/admin/users/{id}");
        assertThat(access.getString("rule.name")).isEqualTo("new-access");
        assertThat(access.getString("bulwark.route")).isEqualTo("DELETE /app/api/admin/users/{id}");
        assertThat(access.getInt("bulwark.alert.window_seconds")).isEqualTo(7 * 86_400);

        JsonObject address = Events.parse(EcsLine.of(new dev.bulwark.api.SecurityAlert(
                dev.bulwark.api.SecurityAlert.Detector.ADMIN_NEW_ADDRESS, "alice", 1, 1, java.time.Duration.ofDays(30),
                at, "2001:db8:5:7::1", "alice", "GET /app/api/admin/stats", "c-2")));
        assertThat(address.getString("message")).isEqualTo("Bulwark alert admin-new-address for alice: a privileged"
                + " call from an address it has not used for one within PT720H, 2001:db8:5:7::1");
        assertThat(address.getString("rule.name")).isEqualTo("admin-new-address");
        assertThat(address.getString("client.ip")).isEqualTo("2001:db8:5:7::1");
        assertThat(address.getString("user.id")).isEqualTo("alice");
    }
}
