package dev.bulwark.internal.errors;

import java.util.List;
import java.util.Objects;

/**
 * An RFC 9457 problem detail as Bulwark sends it: generic title and detail, the correlation id, and for
 * validation failures the field paths and constraint messages (never the rejected values).
 */
public record Problem(String type, String title, int status, String detail, String instance, String correlationId,
                      List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid input: where it was ({@code body}, {@code path}, {@code query}, {@code header}...), which field, why. */
    public record FieldError(String in, String field, String message) {
    }

    public Problem {
        Objects.requireNonNull(type);
        Objects.requireNonNull(title);
        Objects.requireNonNull(correlationId);
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public String toJson() {
        JsonText json = new JsonText();
        json.beginObject()
                .field("type", type)
                .field("title", title)
                .field("status", status)
                .field("detail", detail)
                .field("instance", instance)
                .field("correlationId", correlationId);
        if (!errors.isEmpty()) {
            json.name("errors").beginArray();
            for (FieldError e : errors) {
                json.beginObject().field("in", e.in()).field("field", e.field()).field("message", e.message())
                        .endObject();
            }
            json.endArray();
        }
        return json.endObject().toString();
    }
}
