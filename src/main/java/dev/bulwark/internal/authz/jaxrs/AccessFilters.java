package dev.bulwark.internal.authz.jaxrs;

import dev.bulwark.internal.pipeline.Phase;
import dev.bulwark.internal.auth.RawToken;
import dev.bulwark.internal.authz.AccessRule;
import dev.bulwark.internal.authz.Roles;
import dev.bulwark.internal.authz.Scopes;
import dev.bulwark.internal.errors.ProblemException;
import dev.bulwark.internal.errors.ProblemKind;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The per-method authorization filters that need no more than the method's {@link AccessRule}. */
final class AccessFilters {

    /**
     * The challenge of a 401 to a request that carried no credentials at all: RFC 6750 section 3.1 says such a
     * response should not carry an error code (the client was not wrong, it did not know it had to authenticate).
     */
    static final Map<String, String> NO_CREDENTIALS_CHALLENGE = Map.of(dev.bulwark.internal.auth.BearerChallenges.HEADER,
            dev.bulwark.internal.auth.BearerChallenges.NO_CREDENTIALS);

    /** The challenge of a 401 to a request whose credentials were refused. */
    static final Map<String, String> INVALID_TOKEN_CHALLENGE = Map.of(
            dev.bulwark.internal.auth.BearerChallenges.HEADER, dev.bulwark.internal.auth.BearerChallenges.INVALID_TOKEN);

    private AccessFilters() {
    }

    /** The token Bulwark verified for this request, or a 401 when there is none. */
    static RawToken verifiedToken(ContainerRequestContext context) {
        RawToken token = dev.bulwark.internal.auth.TokenGate.verifiedToken(context::getProperty);
        if (token != null) {
            return token;
        }
        throw unauthenticated(context, "no verified token");
    }

    /** The 401 for a request without a caller; its challenge carries an error code only if credentials were sent. */
    static ProblemException unauthenticated(ContainerRequestContext context, String reason) {
        boolean credentials = context.getHeaderString(HttpHeaders.AUTHORIZATION) != null;
        return new ProblemException(ProblemKind.UNAUTHORIZED, List.of(), reason,
                credentials ? INVALID_TOKEN_CHALLENGE : NO_CREDENTIALS_CHALLENGE);
    }

    /**
     * Refused for everyone, anonymous callers included (authenticating would not help): {@code @DenyAll}, and deny
     * by default for a method without any access decision. The reason goes to the log only.
     */
    static final class Refused implements ContainerRequestFilter {
        private final String reason;

        Refused(String reason) {
            this.reason = reason;
        }

        @Override
        public void filter(ContainerRequestContext context) {
            throw new ProblemException(Phase.DENY, ProblemKind.FORBIDDEN, List.of(), reason, java.util.Map.of());
        }
    }

    /**
     * {@code @RolesAllowed}, checked by Bulwark whatever the container does: the groups of the token Bulwark
     * verified, else the container's role check for a caller it authenticated otherwise. No caller is a 401, a
     * caller without any of the roles a 403 with no challenge (insufficient_scope is for scopes only).
     */
    static final class RoleCheck implements ContainerRequestFilter,
            dev.bulwark.internal.observe.jaxrs.ObservedFilters.ServletUser {
        private final AccessRule rule;
        private final String endpoint;
        private final boolean tokenPolicyInUse;

        @Context
        private HttpServletRequest request;

        @Context
        private HttpServletResponse response;

        /** Where the request and response come from: these fields, or the observing wrapper's. */
        private java.util.function.Supplier<HttpServletRequest> requests = () -> request;
        private java.util.function.Supplier<HttpServletResponse> responses = () -> response;

        RoleCheck(AccessRule rule, String endpoint, boolean tokenPolicyInUse) {
            this.rule = rule;
            this.endpoint = endpoint;
            this.tokenPolicyInUse = tokenPolicyInUse;
        }

        @Override
        public void servlet(java.util.function.Supplier<HttpServletRequest> request,
                            java.util.function.Supplier<HttpServletResponse> response) {
            this.requests = request;
            this.responses = response;
        }

        @Override
        public void filter(ContainerRequestContext context) {
            RawToken token = dev.bulwark.internal.auth.TokenGate.verifiedToken(context::getProperty);
            SecurityContext security = context.getSecurityContext();
            Principal principal = token != null || security == null ? null : security.getUserPrincipal();
            if (token == null && principal == null && otherCredentials(context)) {
                principal = authenticate();
            }
            Roles.Outcome outcome = Roles.decide(rule.roles(), token != null ? token.claims() : null,
                    principal, role -> security != null && security.isUserInRole(role)
                            || requests.get() != null && requests.get().isUserInRole(role), tokenPolicyInUse);
            if (outcome == Roles.Outcome.UNAUTHENTICATED) {
                throw unauthenticated(context, "no authenticated caller for " + endpoint);
            }
            if (outcome == Roles.Outcome.FORBIDDEN) {
                throw new ProblemException(Phase.ROLES, ProblemKind.FORBIDDEN, List.of(), "the caller has none of"
                        + " the roles " + rule.roles().stream().sorted().toList() + " of " + endpoint, java.util.Map.of());
            }
        }

        /** Credentials of another scheme than Bearer (bearer tokens are the token policy's business). */
        private static boolean otherCredentials(ContainerRequestContext context) {
            String header = context.getHeaderString(HttpHeaders.AUTHORIZATION);
            return header != null && !dev.bulwark.internal.auth.BearerChallenges.isBearer(header);
        }

        /** Runs the application's authentication mechanism, as the container would for a protected resource. */
        private Principal authenticate() {
            HttpServletRequest request = requests.get();
            HttpServletResponse response = responses.get();
            try {
                return request != null && response != null && request.authenticate(response)
                        ? request.getUserPrincipal() : null;
            } catch (ServletException | IOException e) {
                return null;
            }
        }
    }

    /** {@code @RequiresScopes}: exact scopes from the verified token. */
    static final class ScopeCheck implements ContainerRequestFilter {
        private final AccessRule rule;
        private final String claim;
        private final Map<String, String> challenge;

        ScopeCheck(AccessRule rule, String claim) {
            this.rule = rule;
            this.claim = claim;
            TreeSet<String> needed = new TreeSet<>(rule.allScopes());
            needed.addAll(rule.anyScopes());
            this.challenge = Map.of(dev.bulwark.internal.auth.BearerChallenges.HEADER,
                    dev.bulwark.internal.auth.BearerChallenges.insufficientScope(needed));
        }

        @Override
        public void filter(ContainerRequestContext context) {
            RawToken token = verifiedToken(context);
            if (!Scopes.satisfied(Scopes.of(token.claims(), claim), rule.allScopes(), rule.anyScopes())) {
                throw new ProblemException(Phase.SCOPES, ProblemKind.FORBIDDEN, List.of(),
                        "insufficient scope for " + rule.describe(), challenge);
            }
        }
    }
}
