package dev.bulwark.internal.transport;

import java.util.List;

/** The methods served, and whether a method-override header may change a POST's method. */
public record MethodSettings(List<String> allowed, boolean allowOverride) {
    public MethodSettings {
        allowed = List.copyOf(allowed);
    }
}
