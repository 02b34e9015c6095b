package dev.bulwark.internal.web;

import dev.bulwark.internal.headers.PendingHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A JAX-RS response's headers as Bulwark's last response filter hands them over, in a map. */
final class MapPendingHeaders implements PendingHeaders {

    final Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    @Override
    public boolean contains(String name) {
        return map.containsKey(name);
    }

    @Override
    public String get(String name) {
        return contains(name) ? map.get(name).get(0) : null;
    }

    @Override
    public void set(String name, String value) {
        if (value == null) {
            map.remove(name);
        } else {
            map.put(name, new ArrayList<>(List.of(value)));
        }
    }

    @Override
    public void add(String name, String value) {
        map.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }

    @Override
    public List<String> values(String name) {
        return map.getOrDefault(name, List.of());
    }

    /** What the runtime does when it sends the response: each of these headers replaces the response's. */
    void writeOnto(FakeResponse response) {
        map.forEach((name, values) -> {
            response.setHeader(name, values.get(0));
            values.stream().skip(1).forEach(v -> response.addHeader(name, v));
        });
    }
}
