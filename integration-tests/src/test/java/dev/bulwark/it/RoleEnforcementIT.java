package dev.bulwark.it;

import static dev.bulwark.it.ItSupport.assertProblem;
import static dev.bulwark.it.ItSupport.json;
import static dev.bulwark.it.ItSupport.send;
import static dev.bulwark.it.ItSupport.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Bulwark enforces {@code @RolesAllowed} and {@code @DenyAll} itself, where the container does not: on endpoints a
 * resource inherits from an unannotated superclass (Liberty reads the declaring class, so it lets everyone
 * through) and on CDI beans that are not EJBs (nothing in the container reads their security annotations).
 * Without Bulwark's role check, the user and anonymous calls below get 200.
 */
class RoleEnforcementIT {

    private static final String ADMIN = token("root", "admin");
    private static final String ALICE = token("alice", "user");
    private static final String AUDITOR = token("ann", "auditor");
    private static final String NO_GROUPS = token("nobody");

    private static HttpResponse<String> call(String method, String path, String token) {
        return token == null ? send(method, path, null) : send(method, path, null, "Authorization", "Bearer " + token);
    }

    /** 401 with the RFC 6750 §3.1 challenge for a request that carried no credentials: no error code. */
    private static void unauthenticated(HttpResponse<String> r) {
        assertProblem(r, 401);
        assertThat(r.headers().allValues("WWW-Authenticate")).as("challenge of %s", r.uri()).containsExactly("Bearer");
    }

    /** 403 without any challenge: only a scope refusal carries insufficient_scope. */
    private static void forbidden(HttpResponse<String> r) {
        assertProblem(r, 403);
        assertThat(r.headers().firstValue("WWW-Authenticate")).as("challenge of %s", r.uri()).isEmpty();
    }

    @Test
    void inheritedEndpointsFollowTheRolesOfTheResourceClass() {
        HttpResponse<String> admin = call("GET", "/it/api/customers", ADMIN);
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(json(admin.body()).getString("listing")).isEqualTo("customers");
        forbidden(call("GET", "/it/api/customers", ALICE));
        forbidden(call("GET", "/it/api/customers", NO_GROUPS));
        unauthenticated(call("GET", "/it/api/customers", null));
        // identity headers change nothing
        assertProblem(send("GET", "/it/api/customers", null, "Authorization", "Bearer " + ALICE, "X-Role", "admin",
                "X-Groups", "admin", "X-Forwarded-User", "root"), 403);
    }

    @Test
    void aDenyAllClassRefusesEveryoneAnonymousIncluded() {
        for (String t : new String[] {null, ALICE, ADMIN}) {
            forbidden(call("GET", "/it/api/archive", t));
            forbidden(call("DELETE", "/it/api/archive", t));
        }
    }

    @Test
    void aMethodLevelDecisionReplacesTheClassLevelOne() {
        // @PermitAll on the method beats the class's @RolesAllowed("admin") and @DenyAll
        assertThat(call("GET", "/it/api/customers/count", null).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/it/api/archive/count", null).statusCode()).isEqualTo(200);
        // @DenyAll on the method beats the class's roles: not even an admin
        forbidden(call("DELETE", "/it/api/customers", ADMIN));
        forbidden(call("DELETE", "/it/api/customers", null));
    }

    @Test
    void aMethodLevelRoleReplacesTheClassLevelOnes() {
        // @RolesAllowed("user") on the method replaces the class's @DenyAll, and the class's admin role
        assertThat(call("GET", "/it/api/archive/mine", ALICE).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/it/api/customers/mine", ALICE).statusCode()).isEqualTo(200);
        forbidden(call("GET", "/it/api/customers/mine", ADMIN));
        unauthenticated(call("GET", "/it/api/archive/mine", null));
    }

    @Test
    void doubleStarMeansAnyAuthenticatedCaller() {
        HttpResponse<String> none = call("GET", "/it/api/members", NO_GROUPS);
        assertThat(none.statusCode()).as(none.body()).isEqualTo(200);
        assertThat(call("GET", "/it/api/members", ALICE).statusCode()).isEqualTo(200);
        unauthenticated(call("GET", "/it/api/members", null));
        HttpResponse<String> garbage = call("GET", "/it/api/members", "not.a.token");
        assertProblem(garbage, 401);
        assertThat(garbage.headers().firstValue("WWW-Authenticate"))
                .hasValue("Bearer realm=\"MP-JWT\", error=\"invalid_token\"");
    }

    @Test
    void rolesOnACdiBeanHoldWhicheverResourceCallsIt() {
        HttpResponse<String> auditor = call("GET", "/it/api/audit", AUDITOR);
        assertThat(auditor.statusCode()).isEqualTo(200);
        assertThat(auditor.body()).isEqualTo("{\"trail\":[\"login\",\"export\"]}");
        forbidden(call("GET", "/it/api/audit", ALICE));
        unauthenticated(call("GET", "/it/api/audit", null));
        assertThat(call("GET", "/it/api/audit/summary", null).statusCode()).as("@PermitAll method").isEqualTo(200);
        forbidden(call("DELETE", "/it/api/audit", AUDITOR));
    }
}
