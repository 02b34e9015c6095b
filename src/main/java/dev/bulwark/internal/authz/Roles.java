package dev.bulwark.internal.authz;

import jakarta.json.JsonObject;
import java.security.Principal;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The {@code @RolesAllowed} check, made by Bulwark on every runtime rather than trusted to the container (which may
 * not enforce it at all, or only for some resource shapes). A caller with a token Bulwark verified is in a role when
 * the token's {@code groups} claim holds it; any other authenticated caller (HTTP Basic, a form login, a client
 * certificate) is asked through the container's {@code isUserInRole}. {@value #ANY_AUTHENTICATED} is any
 * authenticated caller, as in Jakarta Servlet.
 */
public final class Roles {

    /** The role name that means "any authenticated caller". */
    public static final String ANY_AUTHENTICATED = "**";

    /** The outcome: allowed, no caller (401), or a caller without any of the roles (403). */
    public enum Outcome { ALLOWED, UNAUTHENTICATED, FORBIDDEN }

    private Roles() {
    }

    /**
     * @param allowed          the roles of the rule; an empty set lets no one in
     * @param verifiedClaims   the claims of the token Bulwark verified for this request, or null
     * @param principal        the container's caller, or null
     * @param isUserInRole     the container's role check, asked only for a caller without a token
     * @param tokenPolicyInUse true when Bulwark checks bearer tokens: a token principal it did not verify (one the
     *                         container took from somewhere Bulwark does not accept tokens) is then no caller at all
     */
    public static Outcome decide(Set<String> allowed, JsonObject verifiedClaims, Principal principal,
                                 Predicate<String> isUserInRole, boolean tokenPolicyInUse) {
        if (verifiedClaims != null) {
            if (allowed.contains(ANY_AUTHENTICATED)) {
                return Outcome.ALLOWED;
            }
            return Scopes.anyGroup(verifiedClaims, allowed::contains) ? Outcome.ALLOWED : Outcome.FORBIDDEN;
        }
        if (principal == null || tokenPolicyInUse && isToken(principal)) {
            return Outcome.UNAUTHENTICATED;
        }
        if (allowed.contains(ANY_AUTHENTICATED)) {
            return Outcome.ALLOWED;
        }
        for (String role : allowed) {
            if (isUserInRole.test(role)) {
                return Outcome.ALLOWED;
            }
        }
        return Outcome.FORBIDDEN;
    }

    /** True for a MicroProfile JWT principal (false on a server without the MicroProfile JWT API). */
    private static boolean isToken(Principal principal) {
        try {
            return principal instanceof org.eclipse.microprofile.jwt.JsonWebToken;
        } catch (LinkageError e) {
            return false;
        }
    }
}
