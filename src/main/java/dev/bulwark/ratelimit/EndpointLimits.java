package dev.bulwark.ratelimit;

import dev.bulwark.api.RateLimit;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * The limits of one resource method, worked out at deployment: its {@link RateLimit} annotations (the method's
 * replace the class's), else the configured defaults (per client address without a verified token, per subject
 * with one). Counts belong to the method (or the annotation's group), never to a raw path.
 */
public final class EndpointLimits {

    private EndpointLimits() {
    }

    /** Annotated limits, or null when the method and class carry none. */
    public static List<Limit> annotated(Class<?> resource, Method method) {
        RateLimit[] onMethod = method.getAnnotationsByType(RateLimit.class);
        RateLimit[] found = onMethod.length > 0 ? onMethod : resource.getAnnotationsByType(RateLimit.class);
        if (found.length == 0) {
            return null;
        }
        String endpoint = resource.getName() + "#" + method.getName();
        List<Limit> limits = new ArrayList<>();
        for (RateLimit r : found) {
            RatePolicy policy;
            try {
                policy = RatePolicy.parse(r.name(), r.rate());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("@RateLimit on " + endpoint + ": " + e.getMessage(), e);
            }
            if (policy == null) {
                throw new IllegalArgumentException("@RateLimit on " + endpoint + ": rate '" + r.rate()
                        + "' is not count/duration such as 100/1m");
            }
            if (r.key() == RateLimit.Key.CUSTOM && r.resolver() == dev.bulwark.api.RateLimitKeyResolver.class) {
                throw new IllegalArgumentException("@RateLimit on " + endpoint + ": key CUSTOM needs a resolver class");
            }
            limits.add(new Limit(policy, r.key(), r.group().isEmpty() ? endpoint : "group:" + r.group(),
                    r.key() == RateLimit.Key.CUSTOM ? r.resolver() : null));
        }
        return List.copyOf(limits);
    }

    /** Deployment problems of a class's annotations (bad rates, bad names). */
    public static List<String> problems(Class<?> resource) {
        List<String> problems = new ArrayList<>();
        for (Method m : resource.getMethods()) {
            try {
                annotated(resource, m);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        return problems;
    }
}
