package dev.bulwark.internal.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.internal.authz.Roles;
import dev.bulwark.internal.config.TestConfig;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
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

    @Test
    void aDeniedRouteRefusesEveryoneOnEveryMethod() {
        assertThat(SETTINGS.callerRefusal("GET", "/legacy/reset", caller("admin"))).satisfies(r -> {
            assertThat(r.unauthenticated()).isFalse();
            assertThat(r.reason()).contains("route closed denies");
        });
        assertThat(SETTINGS.callerRefusal("POST", "/legacy", ANONYMOUS)).isNotNull();
        assertThat(SETTINGS.callerRefusal("GET", "/legacy-not", ANONYMOUS)).isNull();
    }

    @Test
    void aRouteWithRolesNeedsACallerHoldingOne() {
        assertThat(SETTINGS.callerRefusal("GET", "/ops/queue", ANONYMOUS).unauthenticated()).isTrue();
        assertThat(SETTINGS.callerRefusal("GET", "/ops/queue", caller("user")).reason())
                .contains("needs one of the roles [admin, ops]");
        assertThat(SETTINGS.callerRefusal("GET", "/ops/queue", caller("ops"))).isNull();
        assertThat(SETTINGS.callerRefusal("GET", "/ops", caller("user", "admin"))).isNull();
    }

    @Test
    void anAuthenticatedRouteNeedsAnyCaller() {
        assertThat(SETTINGS.callerRefusal("GET", "/internal/report", ANONYMOUS).unauthenticated()).isTrue();
        assertThat(SETTINGS.callerRefusal("GET", "/internal/report", caller())).isNull();
        assertThat(SETTINGS.callerRefusal("GET", "/public/report", ANONYMOUS)).as("no route covers it").isNull();
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
        assertThat(open.callerRefusal("GET", "/docs/a", ANONYMOUS)).isNull();
    }

    @Test
    void badAccessRolesAndLimitsFailTheDeploymentNamingTheKey() {
        for (var entry : Map.of("bulwark.routes.r.access", "open", "bulwark.routes.r.roles", "ad min",
                "bulwark.routes.r.body-limit", "-1").entrySet()) {
            assertThat(TestConfig.load(Map.of("bulwark.routes", "r", "bulwark.routes.r.paths", "/r",
                    entry.getKey(), entry.getValue())).problems())
                    .as(entry.getKey()).anySatisfy(p -> assertThat(p.key()).isEqualTo(entry.getKey()));
        }
    }
}
