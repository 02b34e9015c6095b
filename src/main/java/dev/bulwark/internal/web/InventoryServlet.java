package dev.bulwark.internal.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Serves the endpoint inventory as JSON to authenticated callers in the configured admin role. Anyone else gets
 * the generic 401 or 403 problem (written by {@link BulwarkFilter}). Registered only when enabled in config.
 */
final class InventoryServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final byte[] json;
    private final String role;

    InventoryServlet(String json, String role) {
        this.json = json.getBytes(StandardCharsets.UTF_8);
        this.role = role;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
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
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
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
