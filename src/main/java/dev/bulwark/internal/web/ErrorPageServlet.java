package dev.bulwark.internal.web;

import dev.bulwark.internal.correlation.RequestCorrelation;
import dev.bulwark.internal.errors.ErrorLog;
import dev.bulwark.internal.errors.Incident;
import dev.bulwark.internal.errors.ProblemAnswer;
import dev.bulwark.internal.errors.ProblemAnswers;
import dev.bulwark.internal.errors.ProblemFactory;
import dev.bulwark.internal.ratelimit.Caller;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * The error page of every web module with Bulwark: {@code META-INF/web-fragment.xml} in Bulwark's jar names
 * {@link #PATH} as the default error page, so errors the container raises itself (a path it refuses, a URI it
 * will not decode, a security check) come here instead of the container's HTML page. It answers every method with
 * the generic problem for the error's status and writes the one log line for it; it never echoes the path, the
 * container's message or the exception to the client. {@link BulwarkFilter}, mapped for ERROR dispatches, has
 * already chosen the correlation id and writes the security headers.
 *
 * <p>Asked for directly (not as an error page), it is not a resource: 404.
 */
final class ErrorPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The error page location; must match {@code <location>} in META-INF/web-fragment.xml. */
    static final String PATH = "/bulwark/error";

    private final transient ProblemAnswers answers;
    private final transient Supplier<String> freshIds;

    /** @param freshIds a correlation id for the (misconfigured) case that the filter did not choose one */
    ErrorPageServlet(ProblemFactory problems, ErrorLog errorLog, Supplier<String> freshIds) {
        this.answers = new ProblemAnswers(problems, errorLog);
        this.freshIds = freshIds;
    }

    /**
     * The status of the problem to send: the container's error status (4xx or 5xx); 500 for an error dispatch
     * without a usable one; 404 when the error page itself is asked for.
     */
    static int status(DispatcherType dispatch, Object statusAttribute) {
        if (dispatch != DispatcherType.ERROR) {
            return HttpServletResponse.SC_NOT_FOUND;
        }
        if (statusAttribute instanceof Integer code && code >= 400 && code <= 599) {
            return code;
        }
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }

    /** "GET /path" for the log line: the path the client asked for (on an error dispatch, not the error page's). */
    static String described(HttpServletRequest request) {
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return ErrorLog.describe(request.getMethod(), original instanceof String uri ? uri : request.getRequestURI());
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        DispatcherType dispatch = request.getDispatcherType();
        int status = status(dispatch, request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE));
        String known = RequestCorrelation.of(request::getAttribute);
        String correlationId = known != null ? known : freshIds.get();
        String described = described(request);
        String caller = Caller.of(request::getAttribute, request.getRemoteAddr()).toString();
        Throwable exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t ? t
                : null;
        String reason = dispatch != DispatcherType.ERROR ? "Bulwark's error page asked for directly"
                : "refused by the container before the application" + (exception == null ? "" : ": " + exception);
        ProblemAnswer answer = answers.forStatus(status, new Incident(correlationId, described, caller, reason,
                dispatch == DispatcherType.ERROR ? exception : null));
        if (!response.isCommitted()) {
            // the container refused the request before anything of the application wrote to the response
            ProblemWriter.headers(response, answer);
            ProblemWriter.body(response, answer, false);
        }
    }
}
