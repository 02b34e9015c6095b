package dev.bulwark.internal.contract;

import com.networknt.schema.Schema;
import com.networknt.schema.serialization.JsonMapperFactory;
import dev.bulwark.internal.errors.Problem;
import dev.bulwark.internal.errors.ProblemException;
import dev.bulwark.internal.errors.ProblemKind;
import dev.bulwark.internal.pipeline.Phase;
import dev.bulwark.internal.validation.JsonBodyRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One operation of the document, compiled: its parameters, the query parameters it knows, and its request body (the
 * media types it takes, each with its schema). {@link #check} refuses a request that does not match with one 400
 * problem listing every violation (where, which field, what is wrong, never a value), or 415 for a content type
 * the operation does not take.
 *
 * @param operation    {@code GET /pets/{id}}, as the document writes it, for the server log
 * @param parameters   the documented parameters
 * @param knownQuery   the documented query parameters' names, when unknown ones are refused; null to allow them
 * @param body         the request body, or null when the operation documents none
 */
public record OperationCheck(String operation, List<ParameterCheck> parameters, Set<String> knownQuery,
                             Body body) {

    /**
     * A documented request body.
     *
     * @param required a request without a body is refused
     * @param media    the media types (or ranges) it is documented for, most specific first
     */
    public record Body(boolean required, List<Media> media) {
        public Body {
            media = List.copyOf(media);
        }
    }

    /** A media type (or range: {@code text/*}, {@code *}{@code /*}) of a body, with its schema or null. */
    public record Media(String range, Schema schema) {
    }

    public OperationCheck {
        parameters = List.copyOf(parameters);
        knownQuery = knownQuery == null ? null : Set.copyOf(knownQuery);
    }

    /** Checks a request; throws the problem that refuses it. */
    public void check(RequestView request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ParameterCheck p : parameters) {
            p.check(request, errors);
        }
        if (knownQuery != null) {
            for (String name : request.queryParameters().keySet()) {
                if (!knownQuery.contains(name) && errors.size() < SchemaErrors.MAX) {
                    errors.add(new Problem.FieldError("query", name, "is not a documented query parameter"));
                }
            }
        }
        if (body != null) {
            checkBody(request, errors);
        }
        if (!errors.isEmpty()) {
            Problem.FieldError first = errors.get(0);
            throw new ProblemException(Phase.OPENAPI, ProblemKind.VALIDATION, errors.subList(0,
                    Math.min(errors.size(), SchemaErrors.MAX)), "request does not match the OpenAPI operation "
                    + operation + ": " + errors.size() + " violation(s), first " + first.in() + " '" + first.field()
                    + "' " + first.message(), Map.of());
        }
    }

    private void checkBody(RequestView request, List<Problem.FieldError> errors) {
        if (!request.hasBody()) {
            if (body.required()) {
                errors.add(new Problem.FieldError("body", "", "is required"));
            }
            return;
        }
        String type = request.contentType();
        Media media = type == null ? null : match(type);
        if (media == null) {
            throw new ProblemException(Phase.OPENAPI, ProblemKind.UNSUPPORTED_MEDIA_TYPE, List.of(),
                    "content type " + type + " is not documented for the OpenAPI operation " + operation, Map.of());
        }
        byte[] json = request.checkedJson();
        if (media.schema() == null || json == null || !json(type)) {
            return; // only JSON bodies, as Bulwark's JSON checks read and bounded them, are checked against schemas
        }
        JsonNode value;
        try {
            value = JsonMapperFactory.getInstance().readTree(json);
        } catch (JacksonException e) {
            throw new ProblemException(Phase.OPENAPI, ProblemKind.MALFORMED_BODY, List.of(),
                    "JSON body does not parse for the OpenAPI check of " + operation, Map.of());
        }
        SchemaErrors.add("body", "", media.schema(), value, errors);
    }

    /** The most specific documented media type or range the content type falls under, or null. */
    Media match(String contentType) {
        String type = essence(contentType);
        int slash = type.indexOf('/');
        if (slash <= 0) {
            return null;
        }
        for (Media m : body.media()) {
            String range = m.range();
            if (range.equals(type) || range.equals("*/*")
                    || range.endsWith("/*") && type.regionMatches(0, range, 0, range.length() - 1)) {
                return m;
            }
        }
        return null;
    }

    /** {@code Application/JSON; charset=utf-8} is {@code application/json}. */
    static String essence(String contentType) {
        int end = contentType.indexOf(';');
        return (end < 0 ? contentType : contentType.substring(0, end)).strip().toLowerCase(Locale.ROOT);
    }

    private static boolean json(String contentType) {
        String type = essence(contentType);
        int slash = type.indexOf('/');
        return slash > 0 && JsonBodyRules.isJson(type.substring(0, slash), type.substring(slash + 1));
    }
}
