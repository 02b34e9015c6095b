package dev.bulwark.it;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** A plain servlet beside JAX-RS: its errors must follow the same contract. */
@WebServlet("/legacy/*")
public class LegacyServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** A form or text body read by the container (getParameter) or by the servlet (getInputStream). */
    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String contentType = req.getContentType() == null ? "" : req.getContentType();
        long length;
        if (contentType.startsWith("application/x-www-form-urlencoded")) {
            String note = req.getParameter("note");
            length = note == null ? 0 : note.length();
        } else {
            length = req.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        }
        resp.setContentType("application/json");
        resp.getWriter().write("{\"length\":" + length + "}");
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException, ServletException {
        String what = req.getPathInfo() == null ? "" : req.getPathInfo();
        switch (what) {
            case "/send-error" -> resp.sendError(503, "db down: jdbc:postgresql://db.internal/prod user=admin");
            case "/throw" -> throw new ServletException("legacy failure with secret token abc123",
                    new IllegalStateException("nested detail"));
            case "/runtime" -> throw new IllegalStateException("unchecked legacy failure");
            case "/reset" -> {
                resp.setContentType("text/plain");
                resp.setHeader("X-Debug", "to be reset");
                resp.getWriter().write("before reset");
                resp.reset();
                resp.setContentType("text/plain");
                resp.getWriter().write("after reset");
            }
            case "/no-content" -> resp.setStatus(HttpServletResponse.SC_NO_CONTENT);
            case "/json-then-page" -> {
                // a JSON body started, then given up for an HTML page before anything committed
                resp.setContentType("application/json");
                resp.getOutputStream().write("{\"partial\":".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                resp.resetBuffer();
                resp.setContentType("text/html");
                resp.getOutputStream().write("<!doctype html><p>page</p>".getBytes(
                        java.nio.charset.StandardCharsets.US_ASCII));
            }
            case "/two-types" -> {
                // two media types in one value: browsers render the last one they know, HTML
                resp.setHeader("Content-Type", "application/x+json;a=b, text/html");
                resp.getWriter().write("<!doctype html><p>page</p>");
            }
            case "/problem-and-page" -> {
                resp.setStatus(400);
                resp.setHeader("Content-Type", "application/problem+json, text/html");
                resp.getWriter().write("<!doctype html><p>internal detail</p>");
            }
            default -> {
                resp.setContentType("text/plain");
                resp.getWriter().write("legacy ok");
            }
        }
    }
}
