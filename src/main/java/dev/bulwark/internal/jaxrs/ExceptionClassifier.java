package dev.bulwark.internal.jaxrs;

import dev.bulwark.internal.errors.Classification;
import dev.bulwark.internal.errors.Problem;
import dev.bulwark.internal.errors.ProblemException;
import dev.bulwark.internal.errors.ProblemKind;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides what a client may learn from an exception. Only the status and a generic kind: never the message,
 * the exception type, or anything the exception carries, apart from the field paths of validation failures.
 */
public final class ExceptionClassifier {

    /** Response headers of a {@link WebApplicationException} that carry protocol meaning and are kept. */
    static final Set<String> KEPT_HEADERS = Set.of("allow", "www-authenticate", "retry-after");

    private static final Set<String> BODY_PARSE_ERRORS = Set.of(
            "jakarta.json.bind.JsonbException",
            "jakarta.json.JsonException",
            "jakarta.json.stream.JsonParsingException",
            "com.fasterxml.jackson.core.JsonProcessingException",
            "java.io.EOFException");

    private final ViolationPaths violationPaths = new ViolationPaths();

    /**
     * Classifies an exception that escaped the whole application and reached Bulwark's servlet filter. Servlet
     * containers signal "no such resource" from their default servlet with a FileNotFoundException (Liberty's
     * SRVE0190E), which is the client's 404; a ServletException is judged by its root cause.
     */
    public Classification classifyEscaped(Throwable error) {
        Throwable t = error;
        if (t instanceof jakarta.servlet.ServletException se && se.getRootCause() != null) {
            t = se.getRootCause();
        }
        ProblemException bulwark = find(error, ProblemException.class);
        if (bulwark != null) {
            return classify(bulwark);
        }
        if (t instanceof java.io.FileNotFoundException) {
            return of(ProblemKind.NOT_FOUND, 404, Map.of());
        }
        return t instanceof WebApplicationException || t instanceof ConstraintViolationException ? classify(t)
                : of(ProblemKind.INTERNAL, 500, Map.of());
    }

    public Classification classify(Throwable error) {
        ProblemException bulwark = find(error, ProblemException.class);
        if (bulwark != null) {
            Map<String, List<Object>> headers = new LinkedHashMap<>();
            bulwark.headers().forEach((name, value) -> headers.put(name, List.of(value)));
            return new Classification(bulwark.kind(), bulwark.status(), headers, bulwark.errors());
        }
        if (error instanceof ConstraintViolationException cve) {
            return validation(cve);
        }
        if (error instanceof WebApplicationException wae) {
            Response response = wae.getResponse();
            int status = response == null ? 500 : response.getStatus();
            if (status == 400 && causedByBodyParsing(wae.getCause())) {
                return of(ProblemKind.MALFORMED_BODY, 400, Map.of());
            }
            return of(ProblemKind.forStatus(status), status, kept(response));
        }
        if (isReadingFailure(error)) {
            return of(ProblemKind.MALFORMED_BODY, 400, Map.of());
        }
        return of(ProblemKind.INTERNAL, 500, Map.of());
    }

    private Classification validation(ConstraintViolationException cve) {
        Set<ConstraintViolation<?>> violations = cve.getConstraintViolations();
        if (violations == null || violations.isEmpty()) {
            return of(ProblemKind.VALIDATION, 400, Map.of());
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : violations) {
            if (isReturnValue(v.getPropertyPath())) {
                // The application produced an invalid response: that is a server bug, not the client's fault.
                return of(ProblemKind.INTERNAL, 500, Map.of());
            }
            errors.add(violationPaths.describe(v));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::in).thenComparing(Problem.FieldError::field)
                .thenComparing(Problem.FieldError::message));
        return new Classification(ProblemKind.VALIDATION, 400, Map.of(), errors);
    }

    private static boolean isReturnValue(Path path) {
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    /**
     * An unreadable request body reaches the mapper as the JSON binding's own exception (Liberty's JSON-B provider
     * throws JsonbException as is) or wrapped in a ProcessingException. A JSON-B failure while writing the
     * response looks alike, so the stack must show a reader (readFrom) before any writer for it to count as the
     * client's fault.
     */
    private static boolean isReadingFailure(Throwable error) {
        return causedByBodyParsing(error) && thrownWhileReading(error);
    }

    private static boolean thrownWhileReading(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                String method = frame.getMethodName();
                if (method.equals("readFrom") || method.equals("aroundReadFrom")) {
                    return true;
                }
                if (method.equals("writeTo") || method.equals("aroundWriteTo")) {
                    return false;
                }
            }
        }
        return false;
    }

    private static boolean causedByBodyParsing(Throwable error) {
        int depth = 0;
        for (Throwable t = error; t != null && depth < 16; t = t.getCause(), depth++) {
            for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
                if (BODY_PARSE_ERRORS.contains(c.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The first exception of a type in the cause chain (bounded), or null. */
    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        int depth = 0;
        for (Throwable t = error; t != null && depth < 16; t = t.getCause(), depth++) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static Map<String, List<Object>> kept(Response response) {
        if (response == null) {
            return Map.of();
        }
        Map<String, List<Object>> kept = new LinkedHashMap<>();
        response.getHeaders().forEach((name, values) -> {
            if (name != null && KEPT_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT)) && values != null) {
                kept.put(name, List.copyOf(values));
            }
        });
        return kept;
    }

    private static Classification of(ProblemKind kind, int status, Map<String, List<Object>> headers) {
        return new Classification(kind, status, headers, List.of());
    }
}
