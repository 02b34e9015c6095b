package dev.bulwark.internal.errors;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The complete answer of one problem, before any container sees it: status, protocol headers and the
 * problem+json body. Adapters only copy it out (a servlet response, a JAX-RS {@code Response}).
 */
public final class ProblemAnswer {

    private final Problem problem;
    private final Map<String, List<String>> headers;
    private final boolean replacesHeaders;
    private final String json;

    ProblemAnswer(Problem problem, Map<String, List<String>> headers, boolean replacesHeaders) {
        this.problem = problem;
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((name, values) -> {
            if (!values.isEmpty()) {
                copy.put(name, List.copyOf(values));
            }
        });
        this.headers = Collections.unmodifiableMap(copy);
        this.replacesHeaders = replacesHeaders;
        this.json = problem.toJson();
    }

    public int status() {
        return problem.status();
    }

    public Problem problem() {
        return problem;
    }

    /** Always {@value Problem#MEDIA_TYPE}. */
    public String contentType() {
        return Problem.MEDIA_TYPE;
    }

    /**
     * The protocol headers the answer carries (Allow, WWW-Authenticate, Retry-After, Accept-Encoding...), each with
     * at least one value, in the order they were given.
     */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /**
     * True when these headers replace the response's own of the same name (a refusal decided them); false when they
     * were kept from a failed response and give way to a header the response already carries.
     */
    public boolean replacesHeaders() {
        return replacesHeaders;
    }

    /** The body as text (pure ASCII, see {@link JsonText}). */
    public String json() {
        return json;
    }

    /** The body's bytes. */
    public byte[] body() {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
