package dev.bulwark.internal.web;

import dev.bulwark.internal.auth.BearerCredentials;
import dev.bulwark.internal.auth.RawToken;
import dev.bulwark.internal.auth.TokenGate;
import dev.bulwark.internal.auth.TokenRejected;
import dev.bulwark.internal.pipeline.RequestState;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The token policy at the servlet layer, in front of every servlet, JAX-RS resource and CDI bean of the
 * application: whatever door a request comes in by, a caller is authenticated by a token only if that exact token
 * passed every Bulwark check. In order:
 * <ol>
 * <li>the credentials are one of the accepted shapes ({@link BearerCredentials}), and no compact JWS sits in a
 * configured query parameter;</li>
 * <li>a presented bearer token passes the whole policy before the container sees it;</li>
 * <li>the container verifies it (asked now, so public endpoints and plain servlets are covered too), and the token
 * the container authenticated the caller with is exactly the presented one;</li>
 * <li>its signing key is still published; the token is then stored as the request's verified token.</li>
 * </ol>
 * A caller the container authenticated by a token from anywhere else is checked the same way.
 */
final class BearerAuthentication {

    private static final RequestState.Key<BearerCredentials.Credential> PRESENTED =
            RequestState.Key.of("presented credentials", BearerCredentials.Credential.class);

    private final BearerCredentials credentials;
    private final String cookieName;
    private final Supplier<TokenGate> gateSupplier;
    private volatile TokenGate gate;

    /** @param gateSupplier the deployment's token gate, looked up on first use (CDI beans are ready by then) */
    BearerAuthentication(BearerCredentials credentials, String cookieName, Supplier<TokenGate> gateSupplier) {
        this.credentials = credentials;
        this.cookieName = cookieName;
        this.gateSupplier = gateSupplier;
    }

    /** @return null when the request may go on, else why it gets the uniform 401 (for the log only) */
    String authenticate(HttpServletRequest request, HttpServletResponse response) {
        String leaked = credentials.leakedQueryToken(query(request.getQueryString()));
        if (leaked != null) {
            return "a token in the query parameter " + dev.bulwark.internal.logging.SafeLog.printable(leaked, 40);
        }
        BearerCredentials.Credential credential = credential(request);
        try {
            return switch (credential.kind()) {
                case MALFORMED -> credential.reason();
                case BEARER -> bearer(request, response, credential.token());
                case NONE, OTHER_SCHEME -> alreadyAuthenticated(request);
            };
        } catch (TokenRejected e) {
            return e.getMessage();
        }
    }

    /**
     * True when {@link #authenticate} would refuse the request's credentials as a token (a bearer token, or a
     * malformed or misplaced one), so that a 401 the container made for them carries the same challenge.
     */
    boolean presentsTokenCredentials(HttpServletRequest request) {
        BearerCredentials.Kind kind = credential(request).kind();
        return kind == BearerCredentials.Kind.BEARER || kind == BearerCredentials.Kind.MALFORMED;
    }

    /** True when the request presents a bearer token (header or token cookie) that {@link #authenticate} verifies. */
    boolean presentsToken(HttpServletRequest request) {
        return credential(request).kind() == BearerCredentials.Kind.BEARER;
    }

    /**
     * What the request presents, found once per request (the refusal budget, the authentication and an error
     * dispatch all ask; the request's headers and cookies do not change).
     */
    private BearerCredentials.Credential credential(HttpServletRequest request) {
        RequestState state = state(request);
        BearerCredentials.Credential found = state.get(PRESENTED);
        if (found == null) {
            RequestHeaderNames names = RequestHeaderNames.of(request, state);
            found = credentials.find(names.all(request, "Authorization"),
                    names.has("Cookie") ? tokenCookies(request) : List.of(), this::readBefore);
            state.put(PRESENTED, found);
        }
        return found;
    }

    private String bearer(HttpServletRequest request, HttpServletResponse response, String token)
            throws TokenRejected {
        RawToken raw = gate().admit(token);
        Principal principal = request.getUserPrincipal();
        if (principal == null) {
            try {
                if (!request.authenticate(response)) {
                    return "the container did not accept the token";
                }
            } catch (ServletException | IOException | RuntimeException e) {
                return "the container did not accept the token";
            }
            principal = request.getUserPrincipal();
        }
        if (!(principal instanceof JsonWebToken jwt)) {
            return "the container did not authenticate the caller by the token";
        }
        if (!token.equals(jwt.getRawToken())) {
            return "the container authenticated the caller by another token than the one presented";
        }
        gate().confirm(raw);
        state(request).put(TokenGate.VERIFIED, raw);
        return null;
    }

    private static RequestState state(HttpServletRequest request) {
        return RequestState.ensure(request::getAttribute, request::setAttribute);
    }

    /**
     * A caller the container authenticated by a token Bulwark did not see presented (before this filter, or when
     * the application asked later): the whole policy on exactly the container's token.
     */
    private String alreadyAuthenticated(HttpServletRequest request) throws TokenRejected {
        Principal principal = request.getUserPrincipal();
        if (principal instanceof JsonWebToken jwt) {
            String token = jwt.getRawToken();
            RawToken verified = state(request).get(TokenGate.VERIFIED);
            if (verified == null || !verified.compact().equals(token)) {
                state(request).put(TokenGate.VERIFIED, gate().check(token));
            }
        }
        return null;
    }

    /**
     * A servlet that asked the container to authenticate it later (as {@code request.authenticate(response)} does,
     * and Liberty then reads tokens from places Bulwark was not shown, such as a form body's {@code access_token})
     * gets a caller only once the whole policy has run on exactly the container's token; otherwise the caller is
     * logged out again and the answer is the uniform 401.
     *
     * @param request  the request the container just authenticated
     * @return whether the caller stands
     */
    boolean authenticatedLater(HttpServletRequest request, HttpServletResponse response) throws ServletException {
        try {
            if (alreadyAuthenticated(request) == null) {
                return true;
            }
        } catch (TokenRejected e) {
            // refused below
        }
        request.logout();
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader(dev.bulwark.internal.auth.BearerChallenges.HEADER,
                dev.bulwark.internal.auth.BearerChallenges.INVALID_TOKEN);
        return false;
    }

    /** True for the exact text of a token read and verified before: well-formed, no need to scan it again. */
    private boolean readBefore(String token) {
        TokenGate g = gate();
        return g != null && g.readBefore(token);
    }

    private TokenGate gate() {
        TokenGate g = gate;
        if (g == null) {
            g = gateSupplier.get();
            gate = g;
        }
        return g;
    }

    private List<String> tokenCookies(HttpServletRequest request) {
        if (cookieName == null) {
            return List.of();
        }
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return List.of();
        }
        List<String> values = new ArrayList<>(1);
        for (Cookie c : cookies) {
            if (c.getName().equals(cookieName)) {
                values.add(c.getValue());
            }
        }
        return values;
    }

    /**
     * The query string's parameters, decoded, read from the query string alone (the servlet parameter map would
     * also read a form body). Undecodable parts stay as they are.
     */
    static Map<String, List<String>> query(String queryString) {
        if (queryString == null || queryString.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String pair : queryString.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
