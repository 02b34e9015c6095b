package dev.bulwark.errors;

import java.util.List;

/**
 * Thrown by Bulwark's own checks to refuse a request with a given problem. It takes the one error path like any
 * other exception (mapped, logged once with the real reason, which the client never sees). No stack trace: it is
 * an expected outcome, and attackers can trigger it cheaply.
 */
public final class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ProblemKind kind;
    private final int status;
    private final transient List<Problem.FieldError> errors;

    /** @param reason what the server log says; never sent to the client */
    public ProblemException(ProblemKind kind, int status, List<Problem.FieldError> errors, String reason) {
        super(reason, null, false, false);
        this.kind = kind;
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public ProblemKind kind() {
        return kind;
    }

    public int status() {
        return status;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
