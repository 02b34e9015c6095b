package dev.bulwark.jaxrs;

import dev.bulwark.api.TokenDenyList;
import dev.bulwark.auth.PublishedKeys;
import dev.bulwark.auth.RawToken;
import dev.bulwark.auth.TokenPolicy;
import dev.bulwark.auth.TokenRejected;
import dev.bulwark.errors.ProblemException;
import dev.bulwark.errors.ProblemKind;
import jakarta.annotation.Priority;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;
import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Every bearer token, on every endpoint (public ones included), must pass the container's verification and then
 * {@link TokenPolicy}; otherwise the request is refused with one uniform 401 whatever the reason, which only the
 * server log records. Tokens in the query string or in a cookie are refused outright: a token belongs in the
 * Authorization header (RFC 6750, RFC 9700).
 */
@Priority(Priorities.AUTHENTICATION)
final class TokenPolicyFilter implements ContainerRequestFilter {

    /** What every refused token gets, exactly what Liberty's MP-JWT sends, so that the two are indistinguishable. */
    static final Map<String, String> CHALLENGE = Map.of("WWW-Authenticate",
            "Bearer realm=\"MP-JWT\", error=\"invalid_token\"");
    private static final Set<String> QUERY_TOKEN_PARAMETERS = Set.of("access_token", "token", "jwt", "id_token");
    private static final Set<String> TOKEN_COOKIES = Set.of("bearer", "access_token", "token", "jwt");

    /** Request property holding the {@link RawToken} of a token that passed every check. */
    static final String VERIFIED_TOKEN = "dev.bulwark.verifiedToken";

    private final TokenPolicy policy;
    private final TokenDenyList denyList;
    private final PublishedKeys keys;
    private final Clock clock;

    @Context
    private HttpServletRequest request;

    @Context
    private HttpServletResponse response;

    /** @param keys the provider's published keys when they come from a remote JWKS, else null */
    TokenPolicyFilter(TokenPolicy policy, TokenDenyList denyList, PublishedKeys keys, Clock clock) {
        this.policy = policy;
        this.denyList = denyList;
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public void filter(ContainerRequestContext context) {
        for (String name : context.getUriInfo().getQueryParameters().keySet()) {
            if (QUERY_TOKEN_PARAMETERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                throw refuse("a token in the query string");
            }
        }
        List<String> authorization = context.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (authorization == null || authorization.isEmpty()) {
            if (hasTokenCookie()) {
                throw refuse("a token in a cookie where the Authorization header is expected");
            }
            return;
        }
        if (authorization.size() > 1) {
            throw refuse("several Authorization headers");
        }
        String header = authorization.get(0);
        if (!header.regionMatches(true, 0, "Bearer", 0, 6)) {
            return; // another scheme: the container's business
        }
        if (header.length() < 8 || header.charAt(6) != ' ') {
            throw refuse("a malformed Bearer header");
        }
        String token = header.substring(7);
        RawToken raw;
        try {
            raw = RawToken.parse(token);
        } catch (TokenRejected e) {
            throw refuse(e.getMessage());
        }
        JsonWebToken jwt = verified(context);
        if (jwt == null) {
            throw refuse("the container did not accept the token");
        }
        if (!token.equals(jwt.getRawToken())) {
            throw refuse("the verified token is not the one in the Authorization header");
        }
        try {
            policy.check(raw, clock.instant(), denyList);
        } catch (TokenRejected e) {
            throw refuse(e.getMessage());
        }
        if (keys != null && !keys.isPublished(raw.header().getString("kid", null))) {
            throw refuse("the signing key is not (or no longer) published by the identity provider");
        }
        context.setProperty(VERIFIED_TOKEN, raw);
    }

    /** The container's verified token: authenticated already, or now (public endpoints are not authenticated). */
    private JsonWebToken verified(ContainerRequestContext context) {
        Principal principal = context.getSecurityContext().getUserPrincipal();
        if (principal == null && request != null) {
            try {
                if (request.authenticate(response)) {
                    principal = request.getUserPrincipal();
                }
            } catch (ServletException | IOException e) {
                return null;
            }
        }
        return principal instanceof JsonWebToken jwt ? jwt : null;
    }

    private boolean hasTokenCookie() {
        Cookie[] cookies = request == null ? null : request.getCookies();
        if (cookies == null) {
            return false;
        }
        for (Cookie c : cookies) {
            if (TOKEN_COOKIES.contains(c.getName().toLowerCase(java.util.Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static ProblemException refuse(String reason) {
        return new ProblemException(ProblemKind.UNAUTHORIZED, 401, List.of(), "bearer token refused: " + reason,
                CHALLENGE);
    }
}
