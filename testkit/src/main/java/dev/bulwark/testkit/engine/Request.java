package dev.bulwark.testkit.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the kit sends: method, target (a path under the base URL, with its query, or an absolute URL), headers,
 * an optional body, and the identity it is sent as (for the report; its token goes in {@code Authorization} unless
 * the headers say otherwise).
 */
public record Request(String method, String target, Map<String, String> headers, String body, Identity identity) {

    public Request {
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public static Request get(String target, Identity identity) {
        return new Request("GET", target, Map.of(), null, identity);
    }

    /** A JSON body ({@code Content-Type: application/json}). */
    public static Request json(String method, String target, String body, Identity identity) {
        return new Request(method, target, Map.of("Content-Type", "application/json"), body, identity);
    }

    /** This request with one more header (replacing one of the same name, any case). */
    public Request header(String name, String value) {
        Map<String, String> all = new LinkedHashMap<>();
        headers.forEach((k, v) -> {
            if (!k.equalsIgnoreCase(name)) {
                all.put(k, v);
            }
        });
        all.put(name, value);
        return new Request(method, target, all, body, identity);
    }

    /** This request without its identity's token (the headers given still go). */
    public Request anonymous() {
        return new Request(method, target, headers, body, Identity.ANONYMOUS);
    }

    public Request as(Identity other) {
        return new Request(method, target, headers, body, other);
    }
}
