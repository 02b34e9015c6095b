package dev.bulwark.internal.headers;

import java.util.Map;
import java.util.TreeMap;

/** A response's headers without a container: case-insensitive names, one value each, in a map. */
public final class MapHeaders implements ResponseHeaders {

    private final Map<String, String> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    public MapHeaders(String... namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put(namesAndValues[i], namesAndValues[i + 1]);
        }
    }

    @Override
    public boolean contains(String name) {
        return values.containsKey(name);
    }

    @Override
    public String get(String name) {
        return values.get(name);
    }

    @Override
    public void set(String name, String value) {
        if (value == null) {
            values.remove(name);
        } else {
            values.put(name, value);
        }
    }

    /** Everything set so far. */
    public Map<String, String> all() {
        return Map.copyOf(values);
    }
}
