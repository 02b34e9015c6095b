package dev.bulwark.internal.errors;

import java.util.List;
import java.util.Map;

/**
 * What Bulwark decided about an exception: the problem kind and status the client sees, the response headers
 * worth keeping from the original response (Allow, WWW-Authenticate, Retry-After), field errors, and whether it
 * is the server's fault (logged with the full exception) or the client's.
 */
public record Classification(ProblemKind kind, int status, Map<String, List<Object>> keptHeaders,
                             List<Problem.FieldError> fieldErrors) {

    public Classification {
        keptHeaders = Map.copyOf(keptHeaders);
        fieldErrors = List.copyOf(fieldErrors);
    }

    public boolean serverFault() {
        return status >= 500;
    }
}
