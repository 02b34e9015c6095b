package dev.bulwark.jaxrs;

import dev.bulwark.config.BulwarkConfig;
import dev.bulwark.correlation.CorrelationIds;
import dev.bulwark.correlation.RequestCorrelation;
import dev.bulwark.errors.Classification;
import dev.bulwark.errors.ErrorLog;
import dev.bulwark.errors.ExceptionClassifier;
import dev.bulwark.errors.Problem;
import dev.bulwark.errors.ProblemFactory;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Maps every exception that leaves a resource to the generic problem for its status, logged once on the server
 * with the correlation id: 5xx with the full exception, 4xx with the real reason. Validation failures list the
 * field paths and constraint messages; nothing else from the exception reaches the client.
 */
public final class ProblemExceptionMapper implements ExceptionMapper<Throwable> {

    private final ExceptionClassifier classifier = new ExceptionClassifier();
    private final ProblemFactory problems;
    private final ErrorLog errorLog;
    private final CorrelationIds fallbackIds;

    @Context
    private HttpServletRequest request;

    ProblemExceptionMapper(BulwarkConfig config) {
        this.problems = new ProblemFactory(config.errors().typeBase());
        this.errorLog = new ErrorLog(config.errors().clientLogLevel().level());
        this.fallbackIds = new CorrelationIds(false, CorrelationIds.secureRandomIds());
    }

    @Override
    public Response toResponse(Throwable error) {
        if (error instanceof WebApplicationException wae && wae.getResponse() != null
                && wae.getResponse().getStatus() < 400) {
            // Redirects and other non-errors thrown as exceptions keep their response.
            return wae.getResponse();
        }
        String correlationId = correlationId();
        Classification c = classifier.classify(error);
        String what = request == null ? "request" : ErrorLog.describe(request.getMethod(), request.getRequestURI());
        if (c.serverFault()) {
            errorLog.serverError(correlationId, c.status(), what, error);
        } else {
            errorLog.clientError(correlationId, c.status(), what, error.getClass().getName() + ": "
                    + error.getMessage());
        }
        Problem problem = problems.create(c.kind(), c.status(), correlationId, c.fieldErrors());
        Response.ResponseBuilder response = Response.status(c.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem.toJson());
        c.keptHeaders().forEach((name, values) -> values.forEach(v -> response.header(name, v)));
        return response.build();
    }

    private String correlationId() {
        Object id = request == null ? null : request.getAttribute(RequestCorrelation.ATTRIBUTE);
        return id instanceof String s ? s : fallbackIds.resolve(null, null);
    }
}
