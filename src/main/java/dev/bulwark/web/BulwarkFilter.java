package dev.bulwark.web;

import dev.bulwark.config.BulwarkConfig;
import dev.bulwark.correlation.CorrelationIds;
import dev.bulwark.correlation.RequestCorrelation;
import dev.bulwark.errors.Classification;
import dev.bulwark.errors.ErrorLog;
import dev.bulwark.errors.ExceptionClassifier;
import dev.bulwark.errors.Problem;
import dev.bulwark.errors.ProblemFactory;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The first thing every request meets. It assigns the correlation id (request attribute and response header),
 * and guarantees the error contract at the servlet layer, below JAX-RS: any error response that is not already a
 * problem document, including the container's own 404/405 and exceptions that escape the application, leaves as
 * a generic {@code application/problem+json} with the correlation id.
 */
final class BulwarkFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private final transient CorrelationIds correlationIds;
    private final String correlationHeader;
    private final transient ProblemFactory problems;
    private final transient ErrorLog errorLog;
    private final transient ExceptionClassifier classifier = new ExceptionClassifier();

    BulwarkFilter(BulwarkConfig config) {
        this.correlationIds = new CorrelationIds(config.correlation().trustIncoming(), CorrelationIds.secureRandomIds());
        this.correlationHeader = config.correlation().header();
        this.problems = new ProblemFactory(config.errors().typeBase());
        this.errorLog = new ErrorLog(config.errors().clientLogLevel().level());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String correlationId = correlationIds.resolve(request.getHeader("traceparent"),
                request.getHeader(correlationHeader));
        request.setAttribute(RequestCorrelation.ATTRIBUTE, correlationId);
        response.setHeader(correlationHeader, correlationId);

        ProblemCapturingResponse captured = new ProblemCapturingResponse(response);
        Throwable failure = null;
        try {
            chain.doFilter(request, captured);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            failure = e;
        }
        if (request.isAsyncStarted()) {
            captured.passThrough();
            if (failure == null) {
                return;
            }
        }
        if (failure == null && !captured.needsProblem()) {
            return;
        }
        String what = ErrorLog.describe(request.getMethod(), request.getRequestURI());
        Classification c = failure != null ? classifier.classifyEscaped(failure) : null;
        int status = c != null ? c.status() : captured.status();
        if (response.isCommitted()) {
            // Too late to replace anything; the exception is still logged once with its correlation id.
            if (failure != null) {
                errorLog.serverError(correlationId, status, what + " (response already committed)", failure);
            }
            return;
        }
        if (status >= 500) {
            errorLog.serverError(correlationId, status, what, failure);
        } else {
            errorLog.clientError(correlationId, status, what, failure != null ? failure.toString()
                    : "error response from the container or application");
        }
        response.setHeader(correlationHeader, correlationId);
        Problem problem = c != null ? problems.create(c.kind(), c.status(), correlationId, c.fieldErrors())
                : problems.forStatus(status, correlationId);
        ProblemWriter.write(response, problem, captured.realWriterTaken());
    }
}
