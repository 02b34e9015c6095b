package dev.bulwark.internal.errors;

import dev.bulwark.internal.pipeline.Phase;
import java.util.List;
import java.util.Map;

/**
 * Thrown by Bulwark's own checks to refuse a request with a given problem. It takes the one error path like any
 * other exception (mapped, logged once with the real reason, which the client never sees). No stack trace: it is
 * an expected outcome, and attackers can trigger it cheaply.
 */
public final class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ProblemKind kind;
    private final transient List<Problem.FieldError> errors;
    private final transient Map<String, String> headers;
    private final transient Phase phase;

    /** @param reason what the server log says; never sent to the client; the status is the kind's */
    public ProblemException(ProblemKind kind, List<Problem.FieldError> errors, String reason) {
        this(kind, errors, reason, Map.of());
    }

    /** @param headers response headers the refusal carries (such as WWW-Authenticate) */
    public ProblemException(ProblemKind kind, List<Problem.FieldError> errors, String reason,
                            Map<String, String> headers) {
        this(null, kind, errors, reason, headers);
    }

    /**
     * @param phase the step that refuses (the audit event and the refusal counters name it); null when the thrower
     *              is no step of {@link Phase}
     */
    public ProblemException(Phase phase, ProblemKind kind, List<Problem.FieldError> errors, String reason,
                            Map<String, String> headers) {
        super(reason, null, false, false);
        this.kind = kind;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
        this.phase = phase;
    }

    /** The step that refused, or null when the thrower did not say. */
    public Phase phase() {
        return phase;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public ProblemKind kind() {
        return kind;
    }

    /** The kind's status. */
    public int status() {
        return kind.status();
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    /**
     * Bulwark's own refusal in an error, also when it arrives wrapped (a body limit reached while a runtime reads the
     * body comes as the cause of an I/O exception, itself wrapped): the causes are looked at, a few levels deep (a
     * cause chain can be a cycle).
     */
    public static ProblemException in(Throwable error) {
        Throwable t = error;
        for (int depth = 0; t != null && depth < 8; depth++, t = t.getCause()) {
            if (t instanceof ProblemException problem) {
                return problem;
            }
        }
        return null;
    }
}
