package dev.bulwark.internal.cdi;

import dev.bulwark.internal.auth.RawToken;
import dev.bulwark.internal.auth.TokenGate;
import dev.bulwark.internal.authz.BeanAccess;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServletRequest;

/** The HTTP request a bean method is called for, as Bulwark's interceptors see it (the container's built-in bean). */
final class CurrentRequest {

    private CurrentRequest() {
    }

    /** The HTTP request being served on this thread, or null outside a request. */
    static HttpServletRequest get() {
        try {
            Instance<HttpServletRequest> r = CDI.current().select(HttpServletRequest.class);
            if (!r.isResolvable()) {
                return null;
            }
            HttpServletRequest request = r.get();
            request.getMethod(); // outside a request the built-in bean cannot be used
            return request;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The caller of the current request for an access decision (nobody outside a request). */
    static BeanAccess.Caller caller() {
        HttpServletRequest request = get();
        if (request == null) {
            return new BeanAccess.Caller(null, null, role -> false, false);
        }
        RawToken token = TokenGate.verifiedToken(request::getAttribute);
        return new BeanAccess.Caller(token == null ? null : token.claims(), request.getUserPrincipal(),
                request::isUserInRole, request.getHeader("Authorization") != null);
    }
}
