package dev.bulwark.internal.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Serves the published API version schedule ({@code bulwark.versioning.endpoint.path}) as JSON to anyone: it holds
 * only the versions, their dates, successors and links, which every response of a deprecated version announces
 * anyway. Composed once at deployment.
 */
final class VersionScheduleServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final byte[] json;

    VersionScheduleServlet(String json) {
        this.json = json.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "public, max-age=300");
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
    }
}
