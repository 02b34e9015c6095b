package dev.bulwark.web;

import dev.bulwark.errors.Problem;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writes a problem as the whole response body, replacing whatever content type and length were set before. */
final class ProblemWriter {

    private ProblemWriter() {
    }

    static void write(HttpServletResponse response, Problem problem, boolean useWriter) throws IOException {
        byte[] body = problem.toJson().getBytes(StandardCharsets.UTF_8);
        response.resetBuffer();
        response.setStatus(problem.status());
        response.setHeader("Content-Encoding", null);
        response.setContentType(Problem.MEDIA_TYPE);
        if (useWriter) {
            // The application already took the writer; the body is ASCII-safe JSON, so the charset cannot matter.
            response.getWriter().write(new String(body, StandardCharsets.UTF_8));
        } else {
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
        response.flushBuffer();
    }
}
