package dev.bulwark.internal.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.internal.authz.Roles;
import dev.bulwark.internal.config.TestConfig;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** What route policies require of callers (access, roles) and of bodies, on top of the endpoints' annotations. */
class RouteAccessTest {

    private static final NetworkSettings SETTINGS = settings(Map.of(
            "bulwark.routes", "closed, ops, internal, uploads",
            "bulwark.routes.closed.paths", "/legacy/*",
            "bulwark.routes.closed.access", "deny",
            "bulwark.routes.ops.paths", "/ops/*",
            "bulwark.routes.ops.roles", "ops, admin",
            "bulwark.routes.internal.paths", "/internal/*",
            "bulwark.routes.internal.access", "authenticated",
            "bulwark.routes.uploads.paths", "/api/uploads/*",
            "bulwark.routes.uploads.methods", "POST, PUT",
            "bulwark.routes.uploads.body-limit", "1024"));

    private static NetworkSettings settings(Map<String, String> properties) {
        var result = TestConfig.load(properties);
        assertThat(result.problems()).isEmpty();
        return result.config().settings(NetworkKeys.CONCERN);
    }

    /** The caller as the role check sees it: a verified token with these groups, or no caller at all. */
    private static Function<Set<String>, Roles.Outcome> caller(String... groups) {
        JsonObject claims = groups.length == 1 && groups[0] == null ? null : Json.createObjectBuilder()
                .add("sub", "alice").add("groups", Json.createArrayBuilder(java.util.List.of(groups))).build();
        return roles -> Roles.decide(roles, claims, null, role -> false, true);
    }

    private static final Function<Set<String>, Roles.Outcome> ANONYMOUS = caller((String) null);

    /** A caller whose token has no scope (or no token at all). */
    private static final Supplier<Set<String>> NO_SCOPES = Set::of;

    @Test
    void aDeniedRouteRefusesEveryoneOnEveryMethod() {
        assertThat(SETTINGS.callerRefusal("GET", "/legacy/reset", caller("admin"), NO_SCOPES)).satisfies(r -> {
            assertThat(r.unauthenticated()).isFalse();
            assertThat(r.reason()).contains("route closed denies");
        });
        assertThat(SETTINGS.callerRefusal("POST", "/legacy", ANONYMOUS, NO_SCOPES)).isNotNull();
        assertThat(SETTINGS.callerRefusal("GET", "/legacy-not", ANONYMOUS, NO_SCOPES)).isNull();
    }

    @Test
    void aRouteWithRolesNeedsACallerHoldingOne() {
        assertThat(SETTINGS.callerRefusal("GET", "/ops/queue", ANONYMOUS, NO_SCOPES).unauthenticated()).isTrue();
        assertThat(SETTINGS.callerRefusal("GET", "/ops/queue", caller("user"), NO_SCOPES).reason())
                .contains("needs one of the roles [admin, ops]");
        assertThat(SETTINGS.callerRefusal("GET", "/ops/queue", caller("ops"), NO_SCOPES)).isNull();
        assertThat(SETTINGS.callerRefusal("GET", "/ops", caller("user", "admin"), NO_SCOPES)).isNull();
    }

    @Test
    void anAuthenticatedRouteNeedsAnyCaller() {
        assertThat(SETTINGS.callerRefusal("GET", "/internal/report", ANONYMOUS, NO_SCOPES).unauthenticated()).isTrue();
        assertThat(SETTINGS.callerRefusal("GET", "/internal/report", caller(), NO_SCOPES)).isNull();
        assertThat(SETTINGS.callerRefusal("GET", "/public/report", ANONYMOUS, NO_SCOPES)).as("no route covers it")
                .isNull();
    }

    @Test
    void aRouteBodyLimitOnlyLowersTheEndpointsLimit() {
        assertThat(SETTINGS.bodyLimit("POST", "/api/uploads/images", 1_000_000)).isEqualTo(1024);
        assertThat(SETTINGS.bodyLimit("POST", "/api/uploads/images", 512)).as("never raised").isEqualTo(512);
        assertThat(SETTINGS.bodyLimit("GET", "/api/uploads/images", 1_000_000)).isEqualTo(1_000_000);
        assertThat(SETTINGS.bodyLimit("POST", "/api/orders", 1_000_000)).isEqualTo(1_000_000);
    }

    @Test
    void aPublicRouteAsksNothingAndOpensNothing() {
        NetworkSettings open = settings(Map.of("bulwark.routes", "docs", "bulwark.routes.docs.paths", "/docs/*",
                "bulwark.routes.docs.access", "public"));
        assertThat(open.checksCallers()).isFalse();
        assertThat(open.callerRefusal("GET", "/docs/a", ANONYMOUS, NO_SCOPES)).isNull();
    }

    @Test
    void aRouteWithScopesNeedsACallerWhoseTokenHoldsAllOfThem() {
        NetworkSettings scoped = settings(Map.of("bulwark.routes", "reports, ops",
                "bulwark.routes.reports.paths", "/reports/*",
                "bulwark.routes.reports.scopes", "reports:read, reports:export",
                "bulwark.routes.ops.paths", "/reports/admin/*",
                "bulwark.routes.ops.roles", "ops"));
        assertThat(scoped.checksCallers()).isTrue();
        assertThat(scoped.callerRefusal("GET", "/reports/q1", ANONYMOUS, NO_SCOPES).unauthenticated())
                .as("no caller: 401").isTrue();
        NetworkSettings.CallerRefusal partial = scoped.callerRefusal("GET", "/reports/q1", caller(),
                () -> Set.of("reports:read", "items:read"));
        assertThat(partial.unauthenticated()).isFalse();
        assertThat(partial.reason()).contains("route reports needs the scopes [reports:export, reports:read]");
        assertThat(partial.scopes()).containsExactlyInAnyOrder("reports:read", "reports:export");
        assertThat(scoped.callerRefusal("GET", "/reports/q1", caller(), NO_SCOPES)).isNotNull();
        assertThat(scoped.callerRefusal("GET", "/reports/q1", caller(),
                () -> Set.of("reports:read", "reports:export", "items:read"))).isNull();
        assertThat(scoped.callerRefusal("GET", "/reports/q1", caller(), () -> Set.of("REPORTS:READ", "reports:export")))
                .as("exact matches only").isNotNull();
        // two routes cover /reports/admin: both must be satisfied
        assertThat(scoped.callerRefusal("GET", "/reports/admin/x", caller("ops"),
                () -> Set.of("reports:read", "reports:export"))).isNull();
        assertThat(scoped.callerRefusal("GET", "/reports/admin/x", caller("user"),
                () -> Set.of("reports:read", "reports:export")).reason()).contains("needs one of the roles [ops]");
        assertThat(scoped.callerRefusal("GET", "/reports/admin/x", caller("ops"), () -> Set.of("reports:read"))
                .reason()).contains("route reports needs the scopes");
        assertThat(scoped.callerRefusal("GET", "/other", ANONYMOUS, NO_SCOPES)).isNull();
    }

    @Test
    void theInventoryNamesTheRoutesCoveringAnEndpointAndWhatEachRequires() {
        NetworkSettings routes = settings(Map.of("bulwark.routes", "reports, writes, pinned",
                "bulwark.routes.reports.paths", "/api/reports/*",
                "bulwark.routes.reports.scopes", "reports:read",
                "bulwark.routes.reports.ip.allow", "10.8.0.0/16",
                "bulwark.routes.writes.paths", "/*",
                "bulwark.routes.writes.methods", "POST",
                "bulwark.routes.writes.access", "authenticated",
                "bulwark.routes.writes.body-limit", "2048",
                "bulwark.routes.writes.rate-limit", "30/1m",
                "bulwark.routes.pinned.paths", "/api/reports/7"));
        assertThat(routes.describeRoutes("GET", "/api/reports/{id}"))
                .isEqualTo("reports: scopes all of [reports:read]; addresses allow 10.8.0.0/16");
        assertThat(routes.describeRoutes("POST", "/api/reports/"))
                .isEqualTo("reports: scopes all of [reports:read]; addresses allow 10.8.0.0/16"
                        + " | writes: access authenticated; body at most 2048 bytes; rate limit 30/1m per caller");
        assertThat(routes.describeRoutes("GET", "/api/orders")).isNull();
        assertThat(SETTINGS.describeRoutes("HEAD", "/ops")).isEqualTo("ops: roles any of [admin, ops]");
    }

    @Test
    void badAccessRolesScopesAndLimitsFailTheDeploymentNamingTheKey() {
        for (var entry : Map.of("bulwark.routes.r.access", "open", "bulwark.routes.r.roles", "ad min",
                "bulwark.routes.r.scopes", "reports read", "bulwark.routes.r.body-limit", "-1").entrySet()) {
            assertThat(TestConfig.load(Map.of("bulwark.routes", "r", "bulwark.routes.r.paths", "/r",
                    entry.getKey(), entry.getValue())).problems())
                    .as(entry.getKey()).anySatisfy(p -> assertThat(p.key()).isEqualTo(entry.getKey()));
        }
    }
}
