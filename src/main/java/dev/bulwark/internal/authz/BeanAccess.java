package dev.bulwark.internal.authz;

import dev.bulwark.internal.auth.BearerChallenges;
import dev.bulwark.internal.errors.ProblemException;
import dev.bulwark.internal.errors.ProblemKind;
import jakarta.json.JsonObject;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The access rule of a CDI bean method (a service layer called from several resources), with the same decision
 * and the same caller as the JAX-RS checks: the groups of the token Bulwark verified for the current request, else
 * the container's role check for a caller authenticated otherwise. Only EJB containers read {@code @RolesAllowed}
 * and {@code @DenyAll} on beans; for a CDI bean nothing else would enforce them.
 */
public final class BeanAccess {

    /**
     * The current caller, as the CDI adapter found it.
     *
     * @param claims          the verified token's claims, or null without one
     * @param principal       the container's principal, or null
     * @param inRole          the container's role check
     * @param credentialsSent the request carried an Authorization header
     */
    public record Caller(JsonObject claims, Principal principal, Predicate<String> inRole, boolean credentialsSent) {
    }

    private BeanAccess() {
    }

    /** {@code @DenyAll} and {@code @RolesAllowed}; a refusal is thrown as the problem the caller gets. */
    public static void enforceRoles(AccessRule rule, String what, Caller caller, boolean tokenPolicyInUse) {
        if (rule.denyAll()) {
            throw new ProblemException(ProblemKind.FORBIDDEN, List.of(), what + " is @DenyAll");
        }
        if (rule.roles().isEmpty()) {
            return; // @PermitAll on the method replaces the class's roles
        }
        Roles.Outcome outcome = Roles.decide(rule.roles(), caller.claims(), caller.principal(), caller.inRole(),
                tokenPolicyInUse);
        if (outcome == Roles.Outcome.UNAUTHENTICATED) {
            throw new ProblemException(ProblemKind.UNAUTHORIZED, List.of(), "no authenticated caller for " + what,
                    Map.of(BearerChallenges.HEADER, caller.credentialsSent() ? BearerChallenges.INVALID_TOKEN
                            : BearerChallenges.NO_CREDENTIALS));
        }
        if (outcome == Roles.Outcome.FORBIDDEN) {
            throw new ProblemException(ProblemKind.FORBIDDEN, List.of(), "the caller has none of the roles "
                    + rule.roles().stream().sorted().toList() + " of " + what);
        }
    }

    /** {@code @RequiresScopes}: the verified token's scopes (null: no token, a 401) must satisfy the rule. */
    public static void enforceScopes(AccessRule rule, String what, Set<String> scopes) {
        if (!rule.needsScopes()) {
            return;
        }
        if (scopes == null) {
            throw new ProblemException(ProblemKind.UNAUTHORIZED, List.of(), "no verified token for a scoped call to "
                    + what, Map.of(BearerChallenges.HEADER, BearerChallenges.INVALID_TOKEN));
        }
        if (!Scopes.satisfied(scopes, rule.allScopes(), rule.anyScopes())) {
            TreeSet<String> needed = new TreeSet<>(rule.allScopes());
            needed.addAll(rule.anyScopes());
            throw new ProblemException(ProblemKind.FORBIDDEN, List.of(), "insufficient scope for " + what,
                    Map.of(BearerChallenges.HEADER, BearerChallenges.insufficientScope(needed)));
        }
    }
}
