package dev.bulwark.internal.contract;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * How a parameter's text becomes the JSON value its schema is checked against, as OpenAPI's serialization styles
 * say: a scalar of the schema's {@code type} ({@code 1.0} and {@code 2e3} are numbers, {@code 42} an integer,
 * {@code true} and {@code false} booleans, anything else text), or an array of them, from repeated parameters
 * ({@code ?tag=a&tag=b}, style {@code form} exploded) or one value split at a delimiter ({@code ,} for
 * {@code simple} and unexploded {@code form}, a space or {@code |} for the delimited styles). A scalar given more
 * than once is refused (parameter pollution: the application and a proxy could read different ones).
 *
 * @param type      the schema's type ({@code string}, {@code integer}, {@code number}, {@code boolean},
 *                  {@code array}), or null when the schema names none (read as text)
 * @param itemType  an array's item type, or null
 * @param delimiter the delimiter an array's items are split at, or null when each occurrence is one item
 */
record ParameterValues(String type, String itemType, String delimiter) {

    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,40}");
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]{1,40}(\\.[0-9]{1,40})?([eE][+-]?[0-9]{1,4})?");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The JSON value of the parameter's values (at least one), or an exception whose message tells why not. */
    JsonNode read(List<String> raw) {
        if ("array".equals(type)) {
            ArrayNode array = NODES.arrayNode();
            for (String value : raw) {
                for (String item : delimiter == null ? List.of(value) : split(value)) {
                    array.add(scalar(itemType, item));
                }
            }
            return array;
        }
        if (raw.size() > 1) {
            throw new IllegalArgumentException("is given more than once");
        }
        return scalar(type, raw.get(0));
    }

    private List<String> split(String value) {
        List<String> items = new ArrayList<>();
        int start = 0;
        int at;
        while ((at = value.indexOf(delimiter, start)) >= 0) {
            items.add(value.substring(start, at));
            start = at + delimiter.length();
        }
        items.add(value.substring(start));
        return items;
    }

    private static JsonNode scalar(String type, String text) {
        if (type == null) {
            return NODES.stringNode(text);
        }
        return switch (type) {
            case "integer" -> {
                if (!INTEGER.matcher(text).matches()) {
                    throw new IllegalArgumentException("must be an integer");
                }
                yield NODES.numberNode(new BigInteger(text));
            }
            case "number" -> {
                if (!NUMBER.matcher(text).matches()) {
                    throw new IllegalArgumentException("must be a number");
                }
                yield NODES.numberNode(new BigDecimal(text));
            }
            case "boolean" -> switch (text) {
                case "true" -> NODES.booleanNode(true);
                case "false" -> NODES.booleanNode(false);
                default -> throw new IllegalArgumentException("must be true or false");
            };
            default -> NODES.stringNode(text);
        };
    }
}
