package dev.bulwark.internal.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A document of Bulwark's for authenticated callers in the configured admin role (the inventory, the posture
 * report). Anyone else gets the generic 401 or 403 problem (written by {@link BulwarkFilter}).
 */
abstract class AdminServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final String role;

    AdminServlet(String role) {
        this.role = role;
    }

    /** Writes the document for a caller in the role. */
    abstract void serve(HttpServletRequest request, HttpServletResponse response) throws IOException;

    /** Writes a 200 with the content type, {@code Cache-Control: no-store} and the body. */
    static void write(HttpServletResponse response, String contentType, byte[] body) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(contentType);
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    @Override
    protected final void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        // authenticate() may report success with no caller at all (Payara's MP-JWT mechanism does for a request
        // without a token): only a caller counts
        if (request.getUserPrincipal() == null
                && (!authenticated(request, response) || request.getUserPrincipal() == null)) {
            if (response.getStatus() < 400) {
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            }
            return;
        }
        if (!inRole(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        serve(request, response);
    }

    /** Runs the application's own authentication mechanism (MicroProfile JWT for MP-JWT applications). */
    private static boolean authenticated(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        try {
            return request.authenticate(response);
        } catch (ServletException e) {
            // No usable mechanism or a rejected credential: the caller is simply not authenticated.
            return false;
        }
    }

    /**
     * The container's role check, or for MicroProfile JWT the verified token's groups: some runtimes (Liberty)
     * only map groups to roles the application declared in annotations or web.xml, which Bulwark's role is not.
     */
    private boolean inRole(HttpServletRequest request) {
        if (request.isUserInRole(role)) {
            return true;
        }
        return request.getUserPrincipal() instanceof JsonWebToken jwt && jwt.getGroups() != null
                && jwt.getGroups().contains(role);
    }
}
