package dev.bulwark.internal.apidoc;

import dev.bulwark.internal.authz.AccessRule;
import dev.bulwark.internal.pipeline.EndpointPolicy;
import dev.bulwark.internal.ratelimit.RateLimitPolicy;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What Bulwark enforces on one operation, as the OpenAPI document tells it: who may call it and the problem responses
 * Bulwark itself can answer there. Made from the endpoint's policy, the one the bindings enforce.
 *
 * @param access     who may call it
 * @param roles      any of these roles (empty: none required)
 * @param allScopes  every one of these scopes
 * @param anyScopes  at least one of these scopes (empty: none)
 * @param owned      an {@code @OwnedBy} check refuses other callers' objects with 404
 * @param statuses   the problem statuses Bulwark can answer, ascending
 * @param rateLimited a {@code 429} carries {@code Retry-After} and the {@code RateLimit} fields
 */
public record OperationContract(Access access, Set<String> roles, Set<String> allScopes, Set<String> anyScopes,
                                boolean owned, List<Integer> statuses, boolean rateLimited) {

    /** Who may call an operation. */
    public enum Access {
        /** Anyone: no credential is needed ({@code @PermitAll}, {@code @Public}). */
        PUBLIC,
        /** A verified caller, with the roles and scopes listed. */
        AUTHENTICATED,
        /** No one ({@code @DenyAll}, or no decision: deny by default). */
        DENIED
    }

    public OperationContract {
        roles = Set.copyOf(new TreeSet<>(roles));
        allScopes = Set.copyOf(allScopes);
        anyScopes = Set.copyOf(anyScopes);
        statuses = List.copyOf(statuses);
    }

    /** The contract of a resource method's policy. */
    public static OperationContract of(EndpointPolicy policy) {
        AccessRule rule = policy.get(AccessRule.class);
        Access access = rule == null || rule.denyAll() || !rule.decided() ? Access.DENIED
                : rule.isPublic() && rule.roles().isEmpty() && !rule.needsScopes() ? Access.PUBLIC
                : Access.AUTHENTICATED;
        boolean owned = rule != null && rule.owner() != null;
        RateLimitPolicy limits = policy.get(RateLimitPolicy.class);
        boolean rateLimited = limits != null && (!limits.limitsFor(true).isEmpty() || !limits.limitsFor(false).isEmpty());
        boolean body = policy.site().entity() != null;
        TreeSet<Integer> statuses = new TreeSet<>();
        statuses.add(400); // the request text, the parameters and the body are checked on every endpoint
        if (access != Access.PUBLIC) {
            statuses.add(401);
            statuses.add(403);
        }
        if (owned) {
            statuses.add(404);
        }
        if (body) {
            statuses.add(413);
            statuses.add(415);
        }
        if (rateLimited) {
            statuses.add(429);
        }
        statuses.add(500);
        return new OperationContract(access, rule == null ? Set.of() : rule.roles(),
                rule == null ? Set.of() : rule.allScopes(), rule == null ? Set.of() : rule.anyScopes(), owned,
                List.copyOf(statuses), rateLimited);
    }

    /**
     * The scope sets any one of which lets a token pass, as OpenAPI's alternative security requirements read them:
     * every scope of {@code allScopes} plus one of {@code anyScopes} (one set when there is no any-of).
     */
    public List<List<String>> scopeAlternatives() {
        if (anyScopes.isEmpty()) {
            return List.of(List.copyOf(new TreeSet<>(allScopes)));
        }
        List<List<String>> alternatives = new java.util.ArrayList<>();
        for (String one : new TreeSet<>(anyScopes)) {
            TreeSet<String> set = new TreeSet<>(allScopes);
            set.add(one);
            alternatives.add(List.copyOf(set));
        }
        return alternatives;
    }
}
