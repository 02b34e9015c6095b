package dev.bulwark.internal.contract;

import com.networknt.schema.Error;
import com.networknt.schema.ExecutionConfig;
import com.networknt.schema.Schema;
import dev.bulwark.internal.errors.Problem;
import dev.bulwark.internal.validation.NetworkntBodySchema;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A value checked against a compiled schema, the violations as Bulwark's field errors: where (the parameter, or the
 * place in the body), and a message of the keyword that failed, never the value (the library's own messages quote
 * it). {@code readOnly} properties in a request are violations and formats are asserted. The value is already
 * bounded (Bulwark's JSON limits, the request line's), so the evaluation is too.
 */
final class SchemaErrors {

    /** The most violations one problem lists (the rest would only tell an attacker more). */
    static final int MAX = 20;

    private static final ExecutionConfig REQUEST = ExecutionConfig.builder().readOnly(Boolean.TRUE)
            .formatAssertionsEnabled(Boolean.TRUE).build();

    private static final Map<String, String> MESSAGES = Map.ofEntries(
            Map.entry("type", "has the wrong type"),
            Map.entry("required", "is required"),
            Map.entry("additionalProperties", "is not a documented property"),
            Map.entry("unevaluatedProperties", "is not a documented property"),
            Map.entry("readOnly", "is read-only: a request may not set it"),
            Map.entry("enum", "is not one of the allowed values"),
            Map.entry("const", "is not the allowed value"),
            Map.entry("pattern", "does not match the required pattern"),
            Map.entry("format", "is not in the required format"),
            Map.entry("minimum", "is below the minimum"),
            Map.entry("exclusiveMinimum", "is below the minimum"),
            Map.entry("maximum", "is above the maximum"),
            Map.entry("exclusiveMaximum", "is above the maximum"),
            Map.entry("minLength", "is too short"),
            Map.entry("maxLength", "is too long"),
            Map.entry("minItems", "has too few items"),
            Map.entry("maxItems", "has too many items"),
            Map.entry("uniqueItems", "has duplicate items"),
            Map.entry("multipleOf", "is not an allowed multiple"),
            Map.entry("oneOf", "does not match exactly one of the documented shapes"),
            Map.entry("anyOf", "does not match any of the documented shapes"),
            Map.entry("discriminator", "names no documented type in its discriminator"),
            Map.entry("not", "matches a shape that is not allowed"),
            Map.entry("nullable", "may not be null"));

    private SchemaErrors() {
    }

    /** Adds the violations of {@code value} (reported at {@code in}, under {@code base}) to {@code errors}. */
    static void add(String in, String base, Schema schema, JsonNode value, List<Problem.FieldError> errors) {
        List<Error> found;
        try {
            found = schema.validate(value, context -> context.setExecutionConfig(REQUEST));
        } catch (StackOverflowError e) {
            // java.util.regex recurses once per repetition of a group ("^([a-z]|-)*$", "^[a-z]+(-[a-z]+)*$"): a
            // long enough value overflows the stack. A 400 for a value that cannot be checked, never a 500.
            if (errors.size() < MAX) {
                errors.add(new Problem.FieldError(in, base, "cannot be checked against its schema (too long for"
                        + " the document's pattern)"));
            }
            return;
        }
        for (Error e : found) {
            if (errors.size() >= MAX) {
                return;
            }
            errors.add(new Problem.FieldError(in, field(base, e), message(e.getKeyword())));
        }
    }

    static String message(String keyword) {
        return MESSAGES.getOrDefault(keyword, "does not satisfy the schema keyword '" + keyword + "'");
    }

    private static String field(String base, Error e) {
        String at = NetworkntBodySchema.field(String.valueOf(e.getInstanceLocation()));
        String property = e.getProperty();
        if (property != null && ("required".equals(e.getKeyword()) || "additionalProperties".equals(e.getKeyword())
                || "unevaluatedProperties".equals(e.getKeyword()))) {
            at = at.isEmpty() ? property : at + "." + property; // the property missing, or not documented
        }
        if (base.isEmpty()) {
            return at;
        }
        return at.isEmpty() ? base : at.startsWith("[") ? base + at : base + "." + at;
    }
}
