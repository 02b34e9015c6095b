package dev.bulwark.internal.validation;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.bulwark.internal.errors.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link BodySchema} on networknt's json-schema-validator (draft 4 to 2020-12, actively maintained, the most
 * complete and fastest Java implementation in public benchmarks; see docs/validation.md). Only this class
 * touches the library, so Bulwark runs without it until a resource uses {@code @JsonSchema}.
 */
public final class NetworkntBodySchema implements BodySchema {

    private static final String META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";

    private final Schema schema;
    private final String location;

    NetworkntBodySchema(ClassLoader loader, String location) {
        this.location = location;
        String path = location.startsWith("/") ? location.substring(1) : location;
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("@JsonSchema(\"" + location + "\"): no such class-path resource");
            }
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // The schema must itself be valid against the 2020-12 meta-schema (bundled with the library).
            List<Error> invalid = registry.getSchema(SchemaLocation.of(META_SCHEMA)).validate(text, InputFormat.JSON);
            if (!invalid.isEmpty()) {
                throw new IllegalStateException("@JsonSchema(\"" + location + "\"): not a valid JSON Schema ("
                        + invalid.get(0).getInstanceLocation() + ": " + invalid.get(0).getKeyword() + ")");
            }
            this.schema = registry.getSchema(text, InputFormat.JSON);
            // Compile every keyword now, so a broken schema fails the deployment rather than a request.
            schema.initializeValidators();
        } catch (IOException e) {
            throw new IllegalStateException("@JsonSchema(\"" + location + "\"): cannot read the schema", e);
        } catch (RuntimeException e) {
            if (e instanceof IllegalStateException) {
                throw e;
            }
            throw new IllegalStateException("@JsonSchema(\"" + location + "\"): not a valid JSON Schema", e);
        }
    }

    @Override
    public List<Problem.FieldError> check(byte[] json) {
        List<Error> errors;
        try {
            errors = schema.validate(new String(json, StandardCharsets.UTF_8), InputFormat.JSON);
        } catch (StackOverflowError e) {
            // java.util.regex recurses once per repetition of a group ("^([a-z]|-)*$"): a long enough value overflows
            // the stack. A 400 for a body that cannot be checked, never a 500.
            return List.of(new Problem.FieldError("body", "", "cannot be checked against the schema (a value too"
                    + " long for one of its patterns)"));
        }
        List<Problem.FieldError> out = new ArrayList<>();
        for (Error e : errors) {
            out.add(new Problem.FieldError("body", field(String.valueOf(e.getInstanceLocation())),
                    "does not satisfy the schema keyword '" + e.getKeyword() + "'"));
            if (out.size() == 20) {
                break;
            }
        }
        return out;
    }

    /** A JSON Pointer ({@code /items/0/name}) as Bulwark's field paths write it ({@code items[0].name}). */
    public static String field(String pointer) {
        StringBuilder out = new StringBuilder();
        for (String raw : pointer.split("/")) {
            if (raw.isEmpty()) {
                continue;
            }
            String segment = raw.replace("~1", "/").replace("~0", "~");
            if (segment.chars().allMatch(Character::isDigit)) {
                out.append('[').append(segment).append(']');
            } else {
                out.append(out.length() == 0 ? "" : ".").append(segment);
            }
        }
        return out.toString();
    }

    @Override
    public String location() {
        return location;
    }
}
