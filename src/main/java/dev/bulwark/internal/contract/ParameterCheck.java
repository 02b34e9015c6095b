package dev.bulwark.internal.contract;

import com.networknt.schema.Schema;
import dev.bulwark.internal.errors.Problem;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One documented parameter: where it comes from, whether it is required, how its text becomes a JSON value
 * ({@link ParameterValues}), and the compiled schema that value must satisfy.
 *
 * @param in       {@code path}, {@code query}, {@code header} or {@code cookie}
 * @param name     the name the document gives it (the client's name of it)
 * @param source   where the value is read: the resource method's own name of a path variable, else {@code name}
 * @param required a request without it is refused
 * @param values   how its text is read
 * @param schema   its schema, or null when the document gives none
 */
record ParameterCheck(String in, String name, String source, boolean required, ParameterValues values,
                      Schema schema) {

    void check(RequestView request, List<Problem.FieldError> errors) {
        List<String> raw = read(request);
        if (raw == null || raw.isEmpty()) {
            if (required) {
                errors.add(new Problem.FieldError(in, name, "is required"));
            }
            return;
        }
        JsonNode value;
        try {
            value = values.read(raw);
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError(in, name, e.getMessage()));
            return;
        }
        if (schema != null) {
            SchemaErrors.add(in, name, schema, value, errors);
        }
    }

    private List<String> read(RequestView request) {
        return switch (in) {
            case "path" -> one(request.pathParameter(source));
            case "query" -> request.queryParameters().get(source);
            case "header" -> request.header(source);
            default -> one(request.cookie(source));
        };
    }

    private static List<String> one(String value) {
        if (value == null) {
            return null;
        }
        List<String> list = new ArrayList<>(1);
        list.add(value);
        return list;
    }
}
