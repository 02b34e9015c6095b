package dev.bulwark.headers;

import dev.bulwark.api.SecurityHeader;
import dev.bulwark.text.TextChecks;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
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

    /** Header name (canonical case) to value; a null value means "off". */
    public record Overrides(Map<String, String> values) {
        public boolean isEmpty() {
            return values.isEmpty();
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
            if (!TextChecks.isHeaderValue(v)) {
                problems.add("@SecurityHeader on " + where + ": the value of '" + h.name()
                        + "' must be printable ASCII (at most 1024 characters) or off");
            }
        }
    }
}
