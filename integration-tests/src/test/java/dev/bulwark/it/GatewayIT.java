package dev.bulwark.it;

import static dev.bulwark.it.ItSupport.assertProblem;
import static dev.bulwark.it.ItSupport.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Address rules on every door of the /it-gateway deployment (server.xml): the global deny list, route policies over a
 * plain servlet, a static file and resource paths, and the admin role's VPN range. The tests run on this machine,
 * which the deployment trusts as a proxy: each picks its client address through X-Forwarded-For.
 */
class GatewayIT {

    private static final String APP = "/it-gateway";
    private static final Path AUDIT_FILE = ItSupport.LOG.getParent().resolve("bulwark-audit-gateway.json");

    @BeforeAll
    static void liberty() {
        assumeTrue(ItSupport.onLiberty(), "the /it-gateway deployment is Liberty's (server.xml)");
        ItSupport.awaitApplication(APP);
    }

    private static HttpResponse<String> from(String client, String method, String path, String... headers) {
        List<String> all = new ArrayList<>(Arrays.asList(headers));
        if (client != null) {
            all.addAll(List.of("X-Forwarded-For", client));
        }
        return send(method, APP + path, method.equals("POST") ? "" : null, all.toArray(String[]::new));
    }

    /** A 403 problem that does not echo the client address, with a correlation id; its access event names why. */
    private static void assertRefused(HttpResponse<String> r, String address, String control) {
        JsonObject problem = assertProblem(r, 403);
        assertThat(r.body()).doesNotContain(address);
        String id = r.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(r.body()).contains(id);
        ItSupport.assertNoLeaks(r);
        assertThat(problem.getString("detail", "")).doesNotContain("address");
        JsonObject event = AuditIT.await(AUDIT_FILE, e -> id.equals(e.getString("http.request.id", null))
                && "event".equals(e.getString("event.kind", null)), 1).get(0);
        assertThat(event.getString("bulwark.control")).isEqualTo(control);
        assertThat(event.getInt("http.response.status_code")).isEqualTo(403);
    }

    @Test
    void theGlobalDenyListHoldsOnEveryDoor() {
        for (String path : List.of("/api/errors/ok", "/legacy/reset", "/public/notice.txt", "/api/nothing-here")) {
            assertRefused(from("203.0.113.77", "GET", path), "203.0.113.77", "address-rules");
        }
        assertRefused(from("2001:db8:bad:1::9", "GET", "/api/errors/ok"), "2001:db8:bad:1::9", "address-rules");
        assertThat(from("198.51.100.7", "GET", "/api/errors/ok").statusCode()).isEqualTo(200);
        assertThat(from("2001:db8:900::1", "GET", "/api/errors/ok").statusCode()).isEqualTo(200);
    }

    @Test
    void aRoutePolicyClosesAServletAStaticFileAndAResourceToLoopbackClients() {
        for (String path : List.of("/legacy/reset", "/public/notice.txt", "/api/echo/client", "//public/notice.txt",
                "/public/../public/notice.txt", "/api/echo/client/")) {
            assertRefused(from(null, "GET", path), "127.0.0.1", "address-rules");
        }
        HttpResponse<String> file = from("198.51.100.7", "GET", "/public/notice.txt");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).contains("A static file");
        HttpResponse<String> echo = from("198.51.100.7", "GET", "/api/echo/client");
        assertThat(echo.statusCode()).isEqualTo(200);
        assertThat(echo.body()).contains("198.51.100.7");
        assertThat(from(null, "GET", "/api/errors/ok").statusCode()).as("a path no route covers").isEqualTo(200);
    }

    @Test
    void aRoutePolicyForOneMethodLeavesTheOthersAlone() {
        assertThat(from("192.0.2.5", "GET", "/api/echo/method").statusCode()).isEqualTo(200);
        assertRefused(from("192.0.2.5", "POST", "/api/echo/method"), "192.0.2.5", "address-rules");
        assertThat(from("198.51.100.20", "POST", "/api/echo/method").statusCode()).isEqualTo(200);
    }

    @Test
    void adminEndpointsOnlyFromTheVpnWhateverTheToken() {
        String admin = "Bearer " + ItSupport.token("ops-" + UUID.randomUUID(), "admin");
        assertRefused(from("198.51.100.7", "GET", "/api/admin", "Authorization", admin), "198.51.100.7",
                "role-addresses");
        assertRefused(from("198.51.100.7", "GET", "/api/admin"), "198.51.100.7", "role-addresses");
        HttpResponse<String> vpn = from("10.8.4.2", "GET", "/api/admin", "Authorization", admin);
        assertThat(vpn.statusCode()).isEqualTo(200);
        assertThat(vpn.body()).contains("\"admin\":true");
        assertThat(from("2001:db8:8:1::7", "GET", "/api/admin", "Authorization", admin).statusCode())
                .as("an IPv6 client in the allowed /48").isEqualTo(200);
        assertThat(from("::ffff:10.8.4.2", "GET", "/api/admin", "Authorization", admin).statusCode())
                .as("IPv4-mapped IPv6 is the IPv4 address").isEqualTo(200);
        assertThat(from("198.51.100.7", "GET", "/api/errors/ok", "Authorization", admin).statusCode())
                .as("an admin elsewhere than the admin endpoints").isEqualTo(200);
        assertThat(from("10.8.4.2", "GET", "/api/admin").statusCode()).as("the VPN still needs the role")
                .isEqualTo(401);
    }

    @Test
    void aClientsOwnForwardedHeaderOrAnUnreadableHopNeverPassesAnAddressRule() {
        // the proxy appends the real client to X-Forwarded-For and passes the client's Forwarded through
        String admin = "Bearer " + ItSupport.token("ops-" + UUID.randomUUID(), "admin");
        // (the deployment's global deny list is the first rule that applies, so it refuses)
        assertRefused(from("198.51.100.7", "GET", "/api/admin", "Authorization", admin, "Forwarded", "for=10.8.4.2"),
                "10.8.4.2", "address-rules");
        // the proxy stands for an unreadable hop: not judged as the proxy's (loopback) address
        assertRefused(from("unknown", "GET", "/api/admin", "Authorization", admin), "unknown", "address-rules");
        assertRefused(from("[203.0.113.77]:80", "GET", "/public/notice.txt"), "203.0.113.77", "address-rules");
        // a proxy writing both headers alike is believed
        assertThat(from("10.8.4.2", "GET", "/api/admin", "Authorization", admin, "Forwarded", "for=10.8.4.2")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void routePoliciesDenyNeedRolesOnTopOfTheAnnotationsAndLowerBodyLimits() {
        HttpResponse<String> retired = from("198.51.100.7", "GET", "/legacy/throw",
                "Authorization", "Bearer " + ItSupport.token("root", "admin"));
        assertProblem(retired, 403);
        assertThat(retired.body()).doesNotContain("legacy failure");
        HttpResponse<String> anonymous = from("198.51.100.7", "GET", "/api/echo/page");
        assertProblem(anonymous, 401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertProblem(from("198.51.100.7", "GET", "/api/echo/page", "Authorization",
                "Bearer " + ItSupport.token("bob", "user")), 403);
        HttpResponse<String> admin = from("198.51.100.7", "GET", "/api/echo/page", "Authorization",
                "Bearer " + ItSupport.token("root", "admin"));
        assertThat(admin.statusCode()).as("the route's role, though the resource is public").isEqualTo(200);
        assertThat(sendPost("/legacy/body", "x".repeat(100)).statusCode()).isEqualTo(413);
        HttpResponse<String> small = sendPost("/legacy/body", "x".repeat(10));
        assertThat(small.statusCode()).isEqualTo(200);
        assertThat(small.body()).contains("\"length\":10");
    }

    @Test
    void aRoutesScopesAddToTheAnnotationsAndHoldOnAPlainServlet() {
        // route "reporting" needs reports:export on /api/scoped/* (whose GET also needs items:read by its
        // @RequiresScopes) and on the plain servlet /servlet/whoami
        String both = "Bearer " + ItSupport.tokenWithScopes("rep-" + UUID.randomUUID(), "items:read reports:export");
        String annotationOnly = "Bearer " + ItSupport.tokenWithScopes("rep-" + UUID.randomUUID(), "items:read");
        String routeOnly = "Bearer " + ItSupport.tokenWithScopes("rep-" + UUID.randomUUID(), "reports:export");
        HttpResponse<String> read = from("198.51.100.7", "GET", "/api/scoped", "Authorization", both);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"read\":true");

        HttpResponse<String> noRouteScope = from("198.51.100.7", "GET", "/api/scoped", "Authorization", annotationOnly);
        assertProblem(noRouteScope, 403);
        assertThat(noRouteScope.headers().firstValue("WWW-Authenticate"))
                .hasValue("Bearer error=\"insufficient_scope\", scope=\"reports:export\"");
        String id = noRouteScope.headers().firstValue("X-Request-Id").orElseThrow();
        JsonObject event = AuditIT.await(AUDIT_FILE, e -> id.equals(e.getString("http.request.id", null))
                && "event".equals(e.getString("event.kind", null)), 1).get(0);
        assertThat(event.getString("bulwark.control")).isEqualTo("route-access");

        HttpResponse<String> noAnnotationScope = from("198.51.100.7", "GET", "/api/scoped", "Authorization",
                routeOnly);
        assertProblem(noAnnotationScope, 403);
        assertThat(noAnnotationScope.headers().firstValue("WWW-Authenticate"))
                .hasValue("Bearer error=\"insufficient_scope\", scope=\"items:read\"");

        HttpResponse<String> anonymous = from("198.51.100.7", "GET", "/servlet/whoami");
        assertProblem(anonymous, 401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertProblem(from("198.51.100.7", "GET", "/servlet/whoami", "Authorization", annotationOnly), 403);
        HttpResponse<String> servlet = from("198.51.100.7", "GET", "/servlet/whoami", "Authorization", routeOnly);
        assertThat(servlet.statusCode()).as("the route's scope, on a servlet without any constraint").isEqualTo(200);
        assertThat(from("198.51.100.7", "GET", "/api/errors/ok").statusCode()).as("a path no route covers")
                .isEqualTo(200);
    }

    @Test
    void aRoutesRateLimitCountsEachCallerAcrossTheRouteOnEveryDoor() {
        // route "metered": 3 per minute and caller over /api/limited/head (its own @RateLimit: 5/1m) and a static file
        String client = "198.51.100.150";
        assertThat(from(client, "GET", "/api/limited/head").statusCode()).isEqualTo(200);
        assertThat(from(client, "GET", "/public/notice.txt").statusCode()).isEqualTo(200);
        assertThat(from(client, "GET", "/api/limited/head").statusCode()).isEqualTo(200);
        for (String path : List.of("/public/notice.txt", "/api/limited/head")) {
            HttpResponse<String> limited = from(client, "GET", path);
            assertProblem(limited, 429);
            assertThat(limited.headers().firstValue("Retry-After")).isPresent();
            assertThat(limited.headers().firstValue("RateLimit-Policy")).hasValue("\"metered\";q=3;w=60");
            String id = limited.headers().firstValue("X-Request-Id").orElseThrow();
            JsonObject event = AuditIT.await(AUDIT_FILE, e -> id.equals(e.getString("http.request.id", null))
                    && "event".equals(e.getString("event.kind", null)), 1).get(0);
            assertThat(event.getString("bulwark.control")).isEqualTo("rate-limit");
        }
        assertThat(from("198.51.100.151", "GET", "/public/notice.txt").statusCode()).as("another client")
                .isEqualTo(200);
        assertThat(from(client, "GET", "/api/errors/ok").statusCode()).as("a path the route does not cover")
                .isEqualTo(200);
        // a verified caller is counted by its subject, from whatever address
        String token = "Bearer " + ItSupport.token("metered-" + UUID.randomUUID(), "user");
        for (int i = 0; i < 3; i++) {
            assertThat(from("198.51.100." + (160 + i), "GET", "/api/limited/head", "Authorization", token)
                    .statusCode()).isEqualTo(200);
        }
        assertProblem(from("198.51.100.170", "GET", "/public/notice.txt", "Authorization", token), 429);
    }

    @Test
    void theInventoryNamesTheRoutePoliciesOfEachEndpoint() {
        HttpResponse<String> r = from("198.51.100.7", "GET", "/bulwark/inventory", "Authorization",
                "Bearer " + ItSupport.token("ops-" + UUID.randomUUID(), "bulwark-admin"));
        assertThat(r.statusCode()).isEqualTo(200);
        java.util.Map<String, String> routes = new java.util.HashMap<>();
        for (JsonObject e : ItSupport.json(r.body()).getJsonArray("endpoints").getValuesAs(JsonObject.class)) {
            routes.put(e.getString("method") + " " + e.getString("path"),
                    e.getJsonObject("policies").getString("routes", null));
        }
        assertThat(routes).containsEntry("GET " + APP + "/api/scoped", "reporting: scopes all of [reports:export]")
                .containsEntry("GET " + APP + "/api/limited/head", "metered: rate limit 3/1m per caller")
                .containsEntry("GET " + APP + "/api/echo/page", "admins: roles any of [admin]")
                .containsEntry("POST " + APP + "/api/echo/method", "writes: addresses allow 198.51.100.0/24")
                .containsEntry("GET " + APP + "/api/echo/method", null)
                .containsEntry("GET " + APP + "/api/errors/ok", null);
    }

    private static HttpResponse<String> sendPost(String path, String body) {
        return send("POST", APP + path, body, "X-Forwarded-For", "198.51.100.7", "Content-Type", "text/plain");
    }

    @Test
    void refusalsAreCounted() {
        from("203.0.113.78", "GET", "/api/errors/ok");
        HttpResponse<String> metrics = ItSupport.sendTo(ItSupport.MANAGEMENT, "GET", "/metrics?scope=application",
                null, "Authorization", ItSupport.METRICS_READER);
        assertThat(metrics.body()).containsPattern("bulwark_refusals_total\\{[^}]*control=\"address-rules\"");
    }
}
