package dev.bulwark.testkit.engine;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/** Small JSON helpers over Jakarta JSON-P (Parsson). */
public final class Json {

    private Json() {
    }

    /** The value of a JSON text; throws {@link IllegalArgumentException} when it is not JSON. */
    public static JsonValue parse(String text) {
        try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(new StringReader(text))) {
            return reader.readValue();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
    }

    /** The value of a JSON text, or null when it is not JSON. */
    public static JsonValue tryParse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return parse(text);
        } catch (RuntimeException e) {
            // Not JSON, or JSON the parser will not read (Parsson refuses nesting deeper than 1000 with a plain
            // RuntimeException): a hostile or odd answer must not abort the check that reads it.
            return null;
        }
    }

    /** A string, or each string of an array; nothing for anything else. */
    public static List<String> strings(JsonValue value) {
        List<String> out = new ArrayList<>();
        if (value instanceof JsonString s) {
            out.add(s.getString());
        } else if (value instanceof JsonArray a) {
            a.forEach(v -> {
                if (v instanceof JsonString s) {
                    out.add(s.getString());
                }
            });
        }
        return out;
    }

    /**
     * Visits every member of every object in {@code value}, at any depth: {@code visitor(path, value)} with paths
     * like {@code items[].owner.email}.
     */
    public static void walk(JsonValue value, BiConsumer<String, JsonValue> visitor) {
        walk("", value, visitor);
    }

    private static void walk(String path, JsonValue value, BiConsumer<String, JsonValue> visitor) {
        if (value instanceof JsonObject o) {
            o.forEach((k, v) -> {
                String p = path.isEmpty() ? k : path + "." + k;
                visitor.accept(p, v);
                walk(p, v, visitor);
            });
        } else if (value instanceof JsonArray a) {
            a.forEach(v -> walk(path + "[]", v, visitor));
        }
    }

    /** JSON string literal of {@code s}. */
    public static String quote(String s) {
        return jakarta.json.Json.createValue(s).toString();
    }
}
