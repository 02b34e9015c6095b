package dev.bulwark.jaxrs;

import dev.bulwark.auth.RawToken;
import dev.bulwark.authz.AccessRule;
import dev.bulwark.authz.Scopes;
import dev.bulwark.errors.ProblemException;
import dev.bulwark.errors.ProblemKind;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The per-method authorization filters that need no more than the method's {@link AccessRule}. */
final class AccessFilters {

    private AccessFilters() {
    }

    /** The token Bulwark verified for this request, or a 401 when there is none. */
    static RawToken verifiedToken(ContainerRequestContext context) {
        Object token = context.getProperty(dev.bulwark.auth.TokenGate.VERIFIED_TOKEN);
        if (token instanceof RawToken raw) {
            return raw;
        }
        throw new ProblemException(ProblemKind.UNAUTHORIZED, 401, List.of(), "no verified token",
                TokenPolicyFilter.CHALLENGE);
    }

    /** Deny by default: a method without any access decision is refused, whoever calls it. */
    @Priority(Priorities.AUTHENTICATION - 1)
    static final class Undecided implements ContainerRequestFilter {
        private final String endpoint;

        Undecided(String endpoint) {
            this.endpoint = endpoint;
        }

        @Override
        public void filter(ContainerRequestContext context) {
            throw new ProblemException(ProblemKind.FORBIDDEN, 403, List.of(), endpoint
                    + " has no access decision (annotate it with @RolesAllowed, @RequiresScopes, @PermitAll or @Public)");
        }
    }

    /** {@code @RequiresScopes}: exact scopes from the verified token. */
    @Priority(Priorities.AUTHORIZATION)
    static final class ScopeCheck implements ContainerRequestFilter {
        private final AccessRule rule;
        private final String claim;
        private final Map<String, String> challenge;

        ScopeCheck(AccessRule rule, String claim) {
            this.rule = rule;
            this.claim = claim;
            TreeSet<String> needed = new TreeSet<>(rule.allScopes());
            needed.addAll(rule.anyScopes());
            this.challenge = Map.of("WWW-Authenticate",
                    "Bearer error=\"insufficient_scope\", scope=\"" + String.join(" ", needed) + "\"");
        }

        @Override
        public void filter(ContainerRequestContext context) {
            RawToken token = verifiedToken(context);
            if (!Scopes.satisfied(Scopes.of(token.claims(), claim), rule.allScopes(), rule.anyScopes())) {
                throw new ProblemException(ProblemKind.FORBIDDEN, 403, List.of(),
                        "insufficient scope for " + rule.describe(), challenge);
            }
        }
    }
}
