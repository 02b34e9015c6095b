package dev.bulwark.internal.errors;

import java.net.URI;
import java.util.List;

/** Builds the problem a client sees from a kind, a status and the request's correlation id. */
public final class ProblemFactory {

    private final String typeBase;

    public ProblemFactory(URI typeBase) {
        this.typeBase = typeBase.toString();
    }

    public Problem create(ProblemKind kind, int status, String correlationId, List<Problem.FieldError> errors) {
        ProblemKind shown = kind.slug() == null && kind.status() != status ? ProblemKind.forStatus(status) : kind;
        String type = shown.slug() == null ? "about:blank" : typeBase + shown.slug();
        return new Problem(type, shown.title(), status, shown.detail(), "urn:bulwark:request:" + correlationId,
                correlationId, errors);
    }

    public Problem forStatus(int status, String correlationId) {
        return create(ProblemKind.forStatus(status), status, correlationId, List.of());
    }
}
