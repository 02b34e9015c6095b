package dev.bulwark.internal.jaxrs;

import dev.bulwark.internal.audit.Refusal;
import dev.bulwark.internal.controls.BulwarkConfig;
import dev.bulwark.internal.correlation.CorrelationIds;
import dev.bulwark.internal.correlation.RequestCorrelation;
import dev.bulwark.internal.errors.ErrorLog;
import dev.bulwark.internal.errors.Incident;
import dev.bulwark.internal.errors.ProblemAnswer;
import dev.bulwark.internal.errors.ProblemAnswers;
import dev.bulwark.internal.errors.ProblemException;
import dev.bulwark.internal.errors.ProblemKind;
import dev.bulwark.internal.errors.ProblemFactory;
import dev.bulwark.internal.pipeline.RequestState;
import dev.bulwark.internal.ratelimit.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/**
 * The JAX-RS side of the one problem responder ({@link ProblemAnswers}): an exception that left a resource becomes
 * the generic problem response for its status, with the one server-side log line for it (5xx with the full
 * exception, 4xx with the real reason), copied into a JAX-RS {@code Response}.
 */
final class ProblemResponder {

    private final ExceptionClassifier classifier = new ExceptionClassifier();
    private final ProblemAnswers answers;
    private final CorrelationIds fallbackIds = new CorrelationIds(false, CorrelationIds.secureRandomIds());

    /** @param errorLog the deployment's one error log, shared with the servlet filter (one 4xx summary) */
    ProblemResponder(BulwarkConfig config, ErrorLog errorLog) {
        this.answers = new ProblemAnswers(new ProblemFactory(config.errors().typeBase()), errorLog);
    }

    Response respond(Throwable error, HttpServletRequest request) {
        if (error instanceof WebApplicationException wae && wae.getResponse() != null
                && wae.getResponse().getStatus() < 400) {
            // Redirects and other non-errors thrown as exceptions keep their response.
            return wae.getResponse();
        }
        Incident incident = new Incident(correlationId(request),
                request == null ? "request" : ErrorLog.describe(request.getMethod(), request.getRequestURI()),
                request == null ? null : Caller.of(request::getAttribute, request.getRemoteAddr()).toString(), error.toString(), error);
        ProblemAnswer answer = answers.classified(classifier.classify(error), incident);
        if (request != null && answer.status() >= 400) {
            ProblemException problem = bulwarksOwn(error);
            Refusal.record(RequestState.from(request::getAttribute), problem != null
                    ? Refusal.of(problem) : new Refusal(Refusal.APPLICATION, Refusal.kind(ProblemKind.forStatus(answer.status())),
                    "unhandled " + error.getClass().getName()));
        }
        Response.ResponseBuilder response = Response.status(answer.status())
                .type(answer.contentType())
                .entity(answer.json());
        answer.headers().forEach((name, values) -> values.forEach(v -> response.header(name, v)));
        return response.build();
    }

    /** Bulwark's own refusal in an error, wrapped or not ({@link ProblemException#in}). */
    static ProblemException bulwarksOwn(Throwable error) {
        return ProblemException.in(error);
    }

    private String correlationId(HttpServletRequest request) {
        String id = request == null ? null : RequestCorrelation.of(request::getAttribute);
        return id != null ? id : fallbackIds.resolve(null, null);
    }
}
