package dev.bulwark.internal.authz.jaxrs;

import dev.bulwark.internal.config.TestConfig;
import dev.bulwark.internal.controls.Controls;
import dev.bulwark.internal.pipeline.EndpointModel;
import dev.bulwark.internal.pipeline.EndpointPolicy;
import dev.bulwark.internal.pipeline.Phase;
import dev.bulwark.internal.pipeline.RequestState;
import dev.bulwark.internal.resources.ResourceScanner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.api.RequiresScopes;
import dev.bulwark.internal.auth.RawToken;
import dev.bulwark.internal.controls.BulwarkConfig;
import dev.bulwark.internal.errors.ProblemException;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.SecurityContext;
import java.io.StringReader;
import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The role checks Bulwark binds to resource methods, run the way a JAX-RS runtime runs them (by priority), on
 * requests made of plain values: what the client would get, whatever the container would have done.
 */
class AccessBindingTest {

    // ---- resources ---------------------------------------------------------------------------------------------

    /** Endpoints declared once and inherited: the container's check reads this class, which has no decision. */
    public abstract static class Listing {
        public String list() {
            return "list";
        }

        @PermitAll
        public String count() {
            return "3";
        }

        @RolesAllowed("user")
        public String mine() {
            return "mine";
        }

        @DenyAll
        public String purge() {
            return "purged";
        }
    }

    @RolesAllowed("admin")
    public static class Customers extends Listing {
    }

    @DenyAll
    public static class Archive extends Listing {
    }

    @RolesAllowed("**")
    public static class Members extends Listing {
    }

    @RolesAllowed({"clerk", "admin"})
    @RequiresScopes("orders:read")
    public static class Orders {
        public String list() {
            return "orders";
        }
    }

    // ---- the request ---------------------------------------------------------------------------------------------

    /** Who calls: the token Bulwark verified (claims) or the container's principal and roles, and the headers. */
    private record Caller(JsonObject claims, Principal principal, Set<String> containerRoles, String authorization) {
    }

    private static final Caller ANONYMOUS = new Caller(null, null, Set.of(), null);

    private static Caller token(String groupsJson, String scope) {
        JsonObject claims = Json.createReader(new StringReader("{\"sub\":\"alice\",\"groups\":" + groupsJson
                + (scope == null ? "" : ",\"scope\":\"" + scope + "\"") + "}")).readObject();
        return new Caller(claims, null, Set.of(), "Bearer x.y.z");
    }

    private static Caller basic(String name, String... roles) {
        return new Caller(null, () -> name, Set.of(roles), "Basic Y2Fyb2w6c2VjcmV0");
    }

    /** The filters the access binding registers for {@code type#method}, in the order a runtime runs them. */
    private static List<ContainerRequestFilter> bound(Class<?> type, String method) throws Exception {
        BulwarkConfig config = TestConfig.load(Map.of("mp.jwt.verify.publickey.location", "/k.pem",
                "mp.jwt.verify.issuer", "https://idp.example", "mp.jwt.verify.audiences", "api")).config();
        EndpointPolicy policy = EndpointModel.build(new Controls(config).resolvers(),
                List.of(ResourceScanner.site(type, type.getMethod(method)))).policies().get(0);
        Map<ContainerRequestFilter, Phase> filters = new HashMap<>();
        new AccessBinding(config.authz(), config.jwt().inUse(), t -> null)
                .bind(policy, (provider, phase) -> filters.put((ContainerRequestFilter) provider, phase));
        List<ContainerRequestFilter> ordered = new ArrayList<>(filters.keySet());
        ordered.sort(Comparator.comparingInt(f -> filters.get(f).priority()));
        return ordered;
    }

    /** "200" when every filter lets the request through, else "status|WWW-Authenticate or -". */
    private static String call(Class<?> type, String method, Caller caller) throws Exception {
        Map<String, Object> properties = new HashMap<>();
        if (caller.claims() != null) {
            RequestState state = new RequestState();
            state.put(dev.bulwark.internal.auth.TokenGate.VERIFIED, new RawToken(Json.createObjectBuilder()
                    .add("alg", "RS256").build(), caller.claims(), "h.p.s"));
            properties.put(RequestState.ATTRIBUTE, state);
        }
        SecurityContext security = (SecurityContext) Proxy.newProxyInstance(SecurityContext.class.getClassLoader(),
                new Class<?>[] {SecurityContext.class}, (p, call, args) -> switch (call.getName()) {
                    case "getUserPrincipal" -> caller.principal();
                    case "isUserInRole" -> caller.principal() != null && caller.containerRoles().contains(args[0]);
                    case "isSecure" -> true;
                    default -> null;
                });
        ContainerRequestContext request = (ContainerRequestContext) Proxy.newProxyInstance(
                ContainerRequestContext.class.getClassLoader(), new Class<?>[] {ContainerRequestContext.class},
                (p, call, args) -> switch (call.getName()) {
                    case "getProperty" -> properties.get((String) args[0]);
                    case "setProperty" -> properties.put((String) args[0], args[1]);
                    case "getHeaderString" -> "authorization".equalsIgnoreCase((String) args[0])
                            ? caller.authorization() : null;
                    case "getSecurityContext" -> security;
                    case "getMethod" -> "GET";
                    default -> throw new UnsupportedOperationException(call.getName());
                });
        try {
            for (ContainerRequestFilter f : bound(type, method)) {
                f.filter(request);
            }
            return "200";
        } catch (ProblemException e) {
            return e.status() + "|" + e.headers().getOrDefault("WWW-Authenticate", "-");
        }
    }

    private static final String NO_CREDENTIALS = "401|Bearer";
    private static final String BAD_CREDENTIALS = "401|Bearer realm=\"MP-JWT\", error=\"invalid_token\"";
    private static final String FORBIDDEN = "403|-";

    // ---- the tests -----------------------------------------------------------------------------------------------

    @Test
    void anInheritedEndpointNeedsTheRolesOfTheResourceClass() throws Exception {
        assertThat(call(Customers.class, "list", token("[\"admin\"]", null))).isEqualTo("200");
        assertThat(call(Customers.class, "list", token("[\"user\"]", null))).isEqualTo(FORBIDDEN);
        assertThat(call(Customers.class, "list", token("[]", null))).isEqualTo(FORBIDDEN);
        assertThat(call(Customers.class, "list", ANONYMOUS)).isEqualTo(NO_CREDENTIALS);
    }

    @Test
    void theMethodsDecisionReplacesTheClasses() throws Exception {
        assertThat(bound(Customers.class, "count")).as("@PermitAll: nothing to check").isEmpty();
        assertThat(call(Customers.class, "count", ANONYMOUS)).isEqualTo("200");
        assertThat(call(Customers.class, "mine", token("[\"user\"]", null))).isEqualTo("200");
        assertThat(call(Customers.class, "mine", token("[\"admin\"]", null))).isEqualTo(FORBIDDEN);
        assertThat(call(Archive.class, "mine", token("[\"user\"]", null))).as("method roles beat class @DenyAll")
                .isEqualTo("200");
        assertThat(call(Customers.class, "purge", token("[\"admin\"]", null))).as("method @DenyAll beats class roles")
                .isEqualTo(FORBIDDEN);
    }

    @Test
    void denyAllRefusesEveryoneBeforeAnyCredentialIsLookedAt() throws Exception {
        for (Caller c : new Caller[] {ANONYMOUS, token("[\"admin\"]", null), basic("carol", "admin")}) {
            assertThat(call(Archive.class, "list", c)).isEqualTo(FORBIDDEN);
        }
        assertThat(bound(Archive.class, "list")).singleElement().isInstanceOf(AccessFilters.Refused.class);
        assertThat(Phase.DENY.priority()).as("runs before the token filter").isLessThan(Phase.TOKEN_POLICY.priority());
    }

    @Test
    void doubleStarIsAnyAuthenticatedCaller() throws Exception {
        assertThat(call(Members.class, "list", token("[]", null))).isEqualTo("200");
        assertThat(call(Members.class, "list", basic("carol"))).isEqualTo("200");
        assertThat(call(Members.class, "list", ANONYMOUS)).isEqualTo(NO_CREDENTIALS);
    }

    @Test
    void callersWithoutATokenAreAskedThroughTheContainer() throws Exception {
        assertThat(call(Customers.class, "list", basic("carol", "admin"))).isEqualTo("200");
        assertThat(call(Customers.class, "list", basic("dave", "clerk"))).isEqualTo(FORBIDDEN);
        // credentials the container did not accept (no principal): a 401 whose challenge says they were invalid
        assertThat(call(Customers.class, "list", new Caller(null, null, Set.of(), "Basic bm9ib2R5Og==")))
                .isEqualTo(BAD_CREDENTIALS);
    }

    @Test
    void rolesAndScopesCombineAndOnlyTheScopeRefusalCarriesInsufficientScope() throws Exception {
        assertThat(call(Orders.class, "list", token("[\"clerk\"]", "orders:read"))).isEqualTo("200");
        assertThat(call(Orders.class, "list", token("[\"guest\"]", "orders:read"))).isEqualTo(FORBIDDEN);
        assertThat(call(Orders.class, "list", token("[\"clerk\"]", "orders:write")))
                .isEqualTo("403|Bearer error=\"insufficient_scope\", scope=\"orders:read\"");
        assertThat(call(Orders.class, "list", ANONYMOUS)).isEqualTo(NO_CREDENTIALS);
    }
}
