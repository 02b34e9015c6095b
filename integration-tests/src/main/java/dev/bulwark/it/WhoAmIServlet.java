package dev.bulwark.it;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;

/**
 * A plain servlet with no security constraint, as legacy code beside JAX-RS often is: it trusts whatever caller
 * the container authenticated. Bulwark's policy must hold here too.
 */
@WebServlet("/servlet/whoami")
public class WhoAmIServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Principal caller = req.getUserPrincipal();
        resp.setContentType("application/json");
        resp.getWriter().write("{\"sub\":\"" + (caller == null ? "anonymous" : caller.getName()) + "\"}");
    }
}
