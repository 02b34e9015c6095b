package dev.bulwark.internal.errors;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one problem responder of the servlet filter, the error page and the JAX-RS exception mappers: it turns what
 * went wrong into the complete {@link ProblemAnswer} and writes the one log line for it through the {@link ErrorLog}
 * (a server error with its full exception, a client error with its real reason). It knows no container.
 */
public final class ProblemAnswers {

    /** IMF-fixdate (RFC 9110 section 5.6.7), as a JAX-RS runtime writes a date header. */
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private final ProblemFactory problems;
    private final ErrorLog errorLog;

    public ProblemAnswers(ProblemFactory problems, ErrorLog errorLog) {
        this.problems = problems;
        this.errorLog = errorLog;
    }

    /**
     * A refusal with the kind's own status.
     *
     * @param headers the protocol headers of the refusal; they replace the response's own of the same name
     */
    public ProblemAnswer refuse(ProblemKind kind, List<Problem.FieldError> errors, Map<String, String> headers,
                                Incident incident) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        headers.forEach((name, value) -> values.put(name, value == null ? List.of() : List.of(value)));
        return answer(problems.create(kind, kind.status(), incident.correlationId(), errors), values, true,
                incident);
    }

    /**
     * An exception as classified: its status and kind, its field errors, and the protocol headers kept from its
     * response, which give way to a header the response already carries.
     */
    public ProblemAnswer classified(Classification c, Incident incident) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        c.keptHeaders().forEach((name, objects) -> values.put(name, texts(objects)));
        return answer(problems.create(c.kind(), c.status(), incident.correlationId(), c.fieldErrors()), values,
                false, incident);
    }

    /** The generic problem of an error status (a response the container or the application set, no exception). */
    public ProblemAnswer forStatus(int status, Incident incident) {
        return answer(problems.forStatus(status, incident.correlationId()), Map.of(), true, incident);
    }

    private ProblemAnswer answer(Problem problem, Map<String, List<String>> headers, boolean replace,
                                 Incident incident) {
        // A 501 the container or application set (no exception) answers a method nobody implements: the client's
        // doing, logged and counted like the 405 it stands for, not as a server failure
        boolean serverFault = problem.status() >= 500 && !(problem.status() == 501 && incident.failure() == null);
        if (serverFault) {
            errorLog.serverError(incident.correlationId(), problem.status(), incident.request(), incident.failure());
        } else {
            errorLog.clientError(incident.correlationId(), problem.status(), incident.request(), incident.caller(),
                    incident.reason());
        }
        return new ProblemAnswer(problem, headers, replace);
    }

    private static List<String> texts(List<Object> objects) {
        List<String> out = new ArrayList<>(objects.size());
        for (Object v : objects) {
            if (v instanceof Date d) {
                out.add(HTTP_DATE.format(d.toInstant()));
            } else if (v != null) {
                out.add(v.toString());
            }
        }
        return out;
    }
}
