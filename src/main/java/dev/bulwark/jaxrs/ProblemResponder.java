package dev.bulwark.jaxrs;

import dev.bulwark.controls.BulwarkConfig;
import dev.bulwark.correlation.CorrelationIds;
import dev.bulwark.correlation.RequestCorrelation;
import dev.bulwark.errors.Classification;
import dev.bulwark.errors.ErrorLog;
import dev.bulwark.errors.ExceptionClassifier;
import dev.bulwark.errors.Problem;
import dev.bulwark.errors.ProblemFactory;
import dev.bulwark.ratelimit.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/**
 * Turns an exception that left a resource into the generic problem response for its status, and writes the one
 * server-side log line for it with the correlation id: 5xx with the full exception, 4xx with the real reason.
 */
final class ProblemResponder {

    private final ExceptionClassifier classifier = new ExceptionClassifier();
    private final ProblemFactory problems;
    private final ErrorLog errorLog;
    private final CorrelationIds fallbackIds = new CorrelationIds(false, CorrelationIds.secureRandomIds());

    /** @param errorLog the deployment's one error log, shared with the servlet filter (one 4xx summary) */
    ProblemResponder(BulwarkConfig config, ErrorLog errorLog) {
        this.problems = new ProblemFactory(config.errors().typeBase());
        this.errorLog = errorLog;
    }

    Response respond(Throwable error, HttpServletRequest request) {
        if (error instanceof WebApplicationException wae && wae.getResponse() != null
                && wae.getResponse().getStatus() < 400) {
            // Redirects and other non-errors thrown as exceptions keep their response.
            return wae.getResponse();
        }
        String correlationId = correlationId(request);
        Classification c = classifier.classify(error);
        String what = request == null ? "request" : ErrorLog.describe(request.getMethod(), request.getRequestURI());
        if (c.serverFault()) {
            errorLog.serverError(correlationId, c.status(), what, error);
        } else {
            errorLog.clientError(correlationId, c.status(), what,
                    request == null ? null : Caller.of(request::getAttribute, request.getRemoteAddr()).toString(), error.toString());
        }
        Problem problem = problems.create(c.kind(), c.status(), correlationId, c.fieldErrors());
        Response.ResponseBuilder response = Response.status(c.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem.toJson());
        c.keptHeaders().forEach((name, values) -> values.forEach(v -> response.header(name, v)));
        return response.build();
    }

    private String correlationId(HttpServletRequest request) {
        Object id = request == null ? null : request.getAttribute(RequestCorrelation.ATTRIBUTE);
        return id instanceof String s ? s : fallbackIds.resolve(null, null);
    }
}
