package dev.bulwark.testkit.checks;

import dev.bulwark.testkit.engine.ApiModel;
import dev.bulwark.testkit.engine.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * JSON bodies built from an OpenAPI request schema for the checks that write: the smallest valid body (required
 * properties only, each with a value of its type, first enum value, format-shaped strings), and what a schema says
 * about its properties ({@code readOnly}, strings). Without a schema the body is {@code {}}.
 */
final class Bodies {

    private static final int DEPTH = 4;

    private Bodies() {
    }

    /** The smallest body {@code schema} accepts ({@code {}} when there is no schema). */
    static JsonObject minimal(ApiModel api, JsonObject schema) {
        JsonValue v = value(api, schema, 0);
        return v instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
    }

    /** The declared properties of an object schema (allOf parts merged), by name; empty when there are none. */
    static Map<String, JsonObject> properties(ApiModel api, JsonObject schema) {
        Map<String, JsonObject> out = new LinkedHashMap<>();
        JsonObject s = api.resolve(schema);
        if (s == null) {
            return out;
        }
        JsonObject props = s.getJsonObject("properties");
        if (props != null) {
            props.forEach((k, v) -> {
                if (v instanceof JsonObject o) {
                    JsonObject resolved = api.resolve(o);
                    out.put(k, resolved == null ? o : merged(o, resolved));
                }
            });
        }
        JsonArray all = s.getJsonArray("allOf");
        if (all != null) {
            for (JsonValue part : all) {
                if (part instanceof JsonObject o) {
                    properties(api, o).forEach(out::putIfAbsent);
                }
            }
        }
        return out;
    }

    /** True when a property schema is {@code readOnly: true}. */
    static boolean readOnly(JsonObject property) {
        return property.getBoolean("readOnly", false);
    }

    /** A property's type ({@code string}, {@code integer}, ...), or {@code ""}. */
    static String type(JsonObject property) {
        JsonValue t = property.get("type");
        if (t instanceof JsonString s) {
            return s.getString();
        }
        if (t instanceof JsonArray a) {
            return a.stream().filter(x -> x instanceof JsonString s && !s.getString().equals("null"))
                    .map(x -> ((JsonString) x).getString()).findFirst().orElse("");
        }
        return property.containsKey("properties") ? "object" : "";
    }

    /** True when two JSON values are the same (numbers compared by value: 0 and 0.0 alike). */
    static boolean same(JsonValue a, JsonValue b) {
        if (a instanceof JsonNumber x && b instanceof JsonNumber y) {
            return x.bigDecimalValue().compareTo(y.bigDecimalValue()) == 0;
        }
        return a != null && a.equals(b);
    }

    private static JsonObject merged(JsonObject referring, JsonObject resolved) {
        if (!referring.containsKey("$ref")) {
            return referring;
        }
        JsonObjectBuilder b = jakarta.json.Json.createObjectBuilder(resolved);
        referring.forEach((k, v) -> {
            if (!k.equals("$ref")) {
                b.add(k, v);
            }
        });
        return b.build();
    }

    private static JsonValue value(ApiModel api, JsonObject schema, int depth) {
        JsonObject s = api.resolve(schema);
        if (s == null) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        if (s.containsKey("example") && depth > 0) {
            return s.get("example");
        }
        JsonArray enumeration = s.getJsonArray("enum");
        if (enumeration != null && !enumeration.isEmpty()) {
            return enumeration.get(0);
        }
        for (String alternatives : new String[] {"oneOf", "anyOf"}) {
            JsonArray a = s.getJsonArray(alternatives);
            if (a != null && !a.isEmpty() && a.get(0) instanceof JsonObject first) {
                return value(api, first, depth + 1);
            }
        }
        String type = type(s);
        if (type.isEmpty() && s.containsKey("allOf")) {
            type = "object";
        }
        return switch (type) {
            case "string" -> jakarta.json.Json.createValue(string(s));
            case "integer" -> jakarta.json.Json.createValue(s.containsKey("minimum")
                    ? s.getJsonNumber("minimum").bigDecimalValue().max(BigDecimal.ONE).longValue() : 1L);
            case "number" -> jakarta.json.Json.createValue(s.containsKey("minimum")
                    ? s.getJsonNumber("minimum").bigDecimalValue().max(BigDecimal.ONE) : BigDecimal.ONE);
            case "boolean" -> JsonValue.FALSE;
            case "array" -> array(api, s, depth);
            default -> object(api, s, depth);
        };
    }

    private static JsonValue array(ApiModel api, JsonObject s, int depth) {
        var b = jakarta.json.Json.createArrayBuilder();
        int min = s.getInt("minItems", 0);
        JsonObject items = s.getJsonObject("items");
        for (int i = 0; i < Math.min(min, 3) && depth < DEPTH; i++) {
            b.add(value(api, items, depth + 1));
        }
        return b.build();
    }

    private static JsonValue object(ApiModel api, JsonObject s, int depth) {
        JsonObjectBuilder b = jakarta.json.Json.createObjectBuilder();
        if (depth >= DEPTH) {
            return b.build();
        }
        Map<String, JsonObject> props = properties(api, s);
        for (String name : required(api, s)) {
            JsonObject p = props.get(name);
            b.add(name, p == null ? jakarta.json.Json.createValue("bulwarkkit") : value(api, p, depth + 1));
        }
        return b.build();
    }

    private static java.util.Set<String> required(ApiModel api, JsonObject s) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>(Json.strings(s.get("required")));
        JsonArray all = s.getJsonArray("allOf");
        if (all != null) {
            for (JsonValue part : all) {
                JsonObject p = part instanceof JsonObject o ? api.resolve(o) : null;
                if (p != null) {
                    out.addAll(required(api, p));
                }
            }
        }
        return out;
    }

    private static String string(JsonObject s) {
        String format = s.getString("format", "").toLowerCase(Locale.ROOT);
        String v = switch (format) {
            case "email" -> "kit@example.com";
            case "date" -> "2024-01-01";
            case "date-time" -> "2024-01-01T00:00:00Z";
            case "uuid" -> "00000000-0000-4000-8000-000000000001";
            case "uri", "url" -> "https://example.com/";
            default -> "bulwarkkit";
        };
        int min = s.getInt("minLength", 0);
        StringBuilder out = new StringBuilder(v);
        while (out.length() < min) {
            out.append('x');
        }
        int max = s.getInt("maxLength", Integer.MAX_VALUE);
        return out.length() > max ? out.substring(0, Math.max(max, 1)) : out.toString();
    }
}
