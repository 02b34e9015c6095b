package dev.bulwark.it;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A servlet that asks the container to authenticate the caller itself, after every filter ran (as Bulwark's own
 * inventory servlet and much legacy code do): Liberty then also looks for a token in a form body's access_token.
 */
@WebServlet("/servlet/login")
public class LoginServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException, ServletException {
        if (!req.authenticate(resp)) {
            if (resp.getStatus() < 400) {
                resp.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            }
            return;
        }
        resp.setContentType("application/json");
        resp.getWriter().write("{\"sub\":\"" + req.getUserPrincipal().getName() + "\"}");
    }
}
