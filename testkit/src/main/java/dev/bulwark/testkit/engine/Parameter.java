package dev.bulwark.testkit.engine;

import jakarta.json.JsonObject;

/** A path or query parameter of an endpoint ({@code in}: {@code path} or {@code query}); schema may be null. */
public record Parameter(String name, String in, boolean required, JsonObject schema) {

    /** True when the name says the parameter holds an object's id ({@code id}, {@code orderId}, {@code order_id}). */
    public boolean identifier() {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return n.equals("id") || n.endsWith("id") || n.endsWith("_id") || n.endsWith("-id") || n.equals("uuid")
                || n.endsWith("uuid") || n.equals("key") || n.endsWith("number");
    }
}
