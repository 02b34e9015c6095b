package dev.bulwark.internal.web;

import dev.bulwark.internal.errors.ProblemAnswer;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Copies a {@link ProblemAnswer} onto a servlet response: its protocol headers, then its status and body. */
final class ProblemWriter {

    private ProblemWriter() {
    }

    /** The answer's protocol headers (before the security headers, which look at the challenge). */
    static void headers(HttpServletResponse response, ProblemAnswer answer) {
        for (Map.Entry<String, List<String>> h : answer.headers().entrySet()) {
            String name = h.getKey();
            if (answer.replacesHeaders() || !response.containsHeader(name)) {
                response.setHeader(name, h.getValue().get(0));
                h.getValue().stream().skip(1).forEach(v -> response.addHeader(name, v));
            }
        }
    }

    /** The status and the body, replacing whatever content type, encoding and length were set before. */
    static void body(HttpServletResponse response, ProblemAnswer answer, boolean useWriter) throws IOException {
        byte[] body = answer.body();
        response.resetBuffer();
        response.setStatus(answer.status());
        response.setHeader("Content-Encoding", null);
        response.setContentType(answer.contentType());
        if (useWriter) {
            // The application already took the writer; the body is ASCII-safe JSON, so the charset cannot matter.
            response.getWriter().write(answer.json());
        } else {
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
        response.flushBuffer();
    }
}
