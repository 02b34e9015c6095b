package dev.bulwark.headers;

import dev.bulwark.api.SecurityHeader;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@link SecurityHeader} overrides of a resource method (method annotations win over class ones) and checks
 * them at deployment: only Bulwark's per-response security headers may be overridden (not HSTS, which is a
 * site-wide policy), and values must be printable ASCII.
 */
public final class SecurityHeaderOverrides {

    /**
     * The request attribute through which the JAX-RS binding of a resource hands its {@link Overrides} to the
     * header writers that run when the response commits.
     */
    public static final String ATTRIBUTE = "dev.bulwark.securityHeaderOverrides";

    /** Header name (as the annotation spells it) to value; a null value means "off". */
    public record Overrides(Map<String, String> values) {

        /** No overrides: the resource keeps Bulwark's defaults. */
        public static final Overrides NONE = new Overrides(Map.of());

        public Overrides {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        public boolean isEmpty() {
            return values.isEmpty();
        }

        /** True when the header (any case) is switched off. */
        public boolean switchedOff(String name) {
            for (Map.Entry<String, String> e : values.entrySet()) {
                if (e.getValue() == null && e.getKey().equalsIgnoreCase(name)) {
                    return true;
                }
            }
            return false;
        }

        /** The overrides a request attribute holds ({@link #ATTRIBUTE}), or none. */
        public static Overrides from(Object attribute) {
            return attribute instanceof Overrides o ? o : NONE;
        }
    }

    static final Set<String> OVERRIDABLE = Set.of("content-security-policy", "x-content-type-options",
            "x-frame-options", "referrer-policy", "cross-origin-opener-policy", "cross-origin-resource-policy",
            "permissions-policy", "x-permitted-cross-domain-policies", "cache-control");

    private SecurityHeaderOverrides() {
    }

    public static Overrides of(Class<?> resource, Method method) {
        Map<String, String> values = new LinkedHashMap<>();
        put(values, resource);
        put(values, method);
        return new Overrides(values);
    }

    private static void put(Map<String, String> values, AnnotatedElement element) {
        for (SecurityHeader h : element.getAnnotationsByType(SecurityHeader.class)) {
            values.keySet().removeIf(k -> k.equalsIgnoreCase(h.name()));
            values.put(h.name(), h.value().equalsIgnoreCase("off") ? null : h.value());
        }
    }

    /** Deployment problems of one class's annotations, each naming the class or method. */
    public static List<String> problems(Class<?> resource) {
        List<String> problems = new ArrayList<>();
        check(problems, resource, resource.getName());
        for (Method m : resource.getMethods()) {
            check(problems, m, resource.getName() + "#" + m.getName());
        }
        return problems;
    }

    private static void check(List<String> problems, AnnotatedElement element, String where) {
        for (SecurityHeader h : element.getAnnotationsByType(SecurityHeader.class)) {
            if (!OVERRIDABLE.contains(h.name().toLowerCase(Locale.ROOT))) {
                problems.add("@SecurityHeader on " + where + ": '" + h.name() + "' is not a header Bulwark manages"
                        + " per resource (one of " + String.join(", ", OVERRIDABLE.stream().sorted().toList()) + ")");
            }
            String v = h.value();
            if (v.isEmpty() || v.length() > 1024 || !v.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                problems.add("@SecurityHeader on " + where + ": the value of '" + h.name()
                        + "' must be printable ASCII (at most 1024 characters) or off");
            }
        }
    }
}
