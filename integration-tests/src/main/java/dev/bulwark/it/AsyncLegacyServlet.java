package dev.bulwark.it;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A plain asynchronous servlet, written the way the Servlet tutorials write one: {@code startAsync()} without
 * arguments, then the response from the context, on another thread. The context's objects are the ones the
 * servlet was given through Bulwark's filter, so its responses carry the same headers as every other.
 */
@WebServlet(urlPatterns = "/legacy-async/*", asyncSupported = true)
public class AsyncLegacyServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
        String what = req.getPathInfo() == null ? "" : req.getPathInfo();
        AsyncContext async = what.startsWith("/own-objects") ? req.startAsync(req, resp) : req.startAsync();
        if (what.startsWith("/timeout-")) {
            // a long poll that nothing answers: its listener does, through the event's context
            async.setTimeout(200);
            async.addListener(new TimeoutAnswer(async, what));
            return;
        }
        async.start(() -> {
            HttpServletResponse out = (HttpServletResponse) async.getResponse();
            try {
                switch (what) {
                    case "/json" -> {
                        out.setContentType("application/json");
                        out.getOutputStream().write("{\"async\":true}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    }
                    case "/no-content", "/own-objects-no-content" -> out.setStatus(HttpServletResponse.SC_NO_CONTENT);
                    case "/forbidden" -> out.setStatus(HttpServletResponse.SC_FORBIDDEN);
                    case "/dispatch" -> {
                        async.dispatch("/legacy/plain");
                        return;
                    }
                    case "/context-again" -> {
                        // the context asked for again, through the request, completes the same way
                        out.setStatus(HttpServletResponse.SC_NO_CONTENT);
                        req.getAsyncContext().complete();
                        return;
                    }
                    default -> {
                        out.setContentType("text/html;charset=UTF-8");
                        out.getWriter().write("<!doctype html><p>async page</p>");
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            async.complete();
        });
    }

    /** Answers a timed-out cycle the way long-poll servlets do: through the context the event carries. */
    private record TimeoutAnswer(AsyncContext started, String what) implements jakarta.servlet.AsyncListener {

        @Override
        public void onTimeout(jakarta.servlet.AsyncEvent event) throws IOException {
            AsyncContext context = event.getAsyncContext();
            HttpServletResponse out = (HttpServletResponse) context.getResponse();
            if (what.equals("/timeout-identity")) {
                // a registry of waiting clients finds the context by identity
                out.setContentType("text/plain");
                out.getWriter().write(context == started ? "same context" : "another context");
            } else {
                out.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            }
            context.complete();
        }

        @Override
        public void onComplete(jakarta.servlet.AsyncEvent event) {
            // nothing to release
        }

        @Override
        public void onError(jakarta.servlet.AsyncEvent event) {
            // nothing to release
        }

        @Override
        public void onStartAsync(jakarta.servlet.AsyncEvent event) {
            // one cycle only
        }
    }
}
