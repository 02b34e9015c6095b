package dev.bulwark.internal.web;

import dev.bulwark.internal.posture.PostureHtml;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Serves the posture report to the admin role: the HTML page at its path with {@code .html}, or to a request
 * whose {@code Accept} prefers {@code text/html} over JSON; the JSON otherwise. The page carries its own
 * Content-Security-Policy, which allows its one inline style sheet by hash and nothing else.
 */
final class PostureServlet extends AdminServlet {

    private static final long serialVersionUID = 1L;

    private final byte[] json;
    private final byte[] html;

    PostureServlet(String json, String html, String role) {
        super(role);
        this.json = json.getBytes(StandardCharsets.UTF_8);
        this.html = html.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    void serve(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (wantsHtml(request.getRequestURI(), request.getHeader("Accept"))) {
            response.setHeader("Content-Security-Policy", PostureHtml.CONTENT_SECURITY_POLICY);
            write(response, "text/html;charset=UTF-8", html);
        } else {
            write(response, "application/json", json);
        }
    }

    /** The page for {@code ….html}, or when {@code text/html} comes before any JSON type in {@code Accept}. */
    static boolean wantsHtml(String uri, String accept) {
        if (uri != null && uri.endsWith(".html")) {
            return true;
        }
        if (accept == null) {
            return false;
        }
        int html = accept.indexOf("text/html");
        int json = accept.indexOf("json");
        return html >= 0 && (json < 0 || html < json);
    }
}
