package dev.bulwark.validation;

import dev.bulwark.api.JsonBodyLimits;
import dev.bulwark.api.JsonSchema;
import jakarta.ws.rs.Consumes;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The body rules of one resource method, worked out once at deployment: its JSON limits (configuration, then
 * {@link JsonBodyLimits} on the class, then on the method; the byte limit applies to every body the method
 * reads), the {@link Shape} of its entity parameter, and whether it declares JSON in {@code @Consumes} (then any
 * other content type is 415).
 */
public final class JsonBodyRules {

    /**
     * What the JAX-RS filter enforces for one method.
     *
     * @param declaresJson  its {@code @Consumes} lists a JSON type
     * @param declaresOther its {@code @Consumes} also lists a type that is not JSON (text, XML, a wildcard)
     */
    public record Rule(JsonLimits limits, Shape shape, boolean declaresJson, boolean declaresOther,
                       BodySchema schema) {
    }

    private static final Set<String> PARAMETER_ANNOTATIONS = Set.of("jakarta.ws.rs.PathParam",
            "jakarta.ws.rs.QueryParam", "jakarta.ws.rs.HeaderParam", "jakarta.ws.rs.CookieParam",
            "jakarta.ws.rs.FormParam", "jakarta.ws.rs.MatrixParam", "jakarta.ws.rs.BeanParam",
            "jakarta.ws.rs.core.Context", "jakarta.ws.rs.container.Suspended");

    private JsonBodyRules() {
    }

    /** The rule for a method with an entity parameter; null for a method that takes no body. */
    public static Rule forMethod(Class<?> resource, Method method, ValidationSettings config,
                                 TypeShapes shapes) {
        Type entity = entityType(method);
        if (entity == null) {
            return null;
        }
        JsonLimits limits = merge(merge(config.limits(), resource.getAnnotation(JsonBodyLimits.class)),
                method.getAnnotation(JsonBodyLimits.class));
        Consumes consumes = method.isAnnotationPresent(Consumes.class) ? method.getAnnotation(Consumes.class)
                : resource.getAnnotation(Consumes.class);
        JsonSchema schema = method.getAnnotation(JsonSchema.class);
        return new Rule(limits, shapes.ofEntity(entity), consumes != null && declares(consumes.value(), true),
                consumes != null && declares(consumes.value(), false),
                schema == null ? null : BodySchema.load(resource.getClassLoader(), schema.value()));
    }

    /**
     * The byte limit of one endpoint's body, whatever its content type: {@code @JsonBodyLimits(maxBytes)} on the
     * method (or the inherited method carrying its JAX-RS annotations), else on the class, else the configured one.
     */
    public static long bodyLimit(Class<?> resource, Method method, Method annotated, long configured) {
        for (JsonBodyLimits a : new JsonBodyLimits[] {method.getAnnotation(JsonBodyLimits.class),
            annotated == null ? null : annotated.getAnnotation(JsonBodyLimits.class),
            resource.getAnnotation(JsonBodyLimits.class)}) {
            if (a != null && a.maxBytes() > 0) {
                return a.maxBytes();
            }
        }
        return configured;
    }

    /**
     * Deployment problems: limits that are neither -1 (keep the default) nor positive, and schemas that cannot be
     * loaded (library missing, no such resource, not a valid schema).
     */
    public static List<String> problems(Class<?> resource) {
        List<String> problems = new ArrayList<>();
        check(problems, resource.getAnnotation(JsonBodyLimits.class), resource.getName());
        for (Method m : resource.getMethods()) {
            check(problems, m.getAnnotation(JsonBodyLimits.class), resource.getName() + "#" + m.getName());
            JsonSchema schema = m.getAnnotation(JsonSchema.class);
            if (schema != null) {
                try {
                    BodySchema.load(resource.getClassLoader(), schema.value());
                } catch (IllegalStateException e) {
                    problems.add("@JsonSchema on " + resource.getName() + "#" + m.getName() + ": " + e.getMessage());
                }
            }
        }
        return problems;
    }

    private static void check(List<String> problems, JsonBodyLimits a, String where) {
        if (a == null) {
            return;
        }
        long[] values = {a.maxBytes(), a.maxDepth(), a.maxArrayLength(), a.maxObjectEntries(), a.maxStringLength(),
            a.maxKeyLength(), a.maxNumberLength()};
        for (long v : values) {
            if (v != -1 && v < 1) {
                problems.add("@JsonBodyLimits on " + where + ": every limit must be positive (or -1 for the default)");
                return;
            }
        }
    }

    static JsonLimits merge(JsonLimits base, JsonBodyLimits a) {
        if (a == null) {
            return base;
        }
        return new JsonLimits(pick(a.maxBytes(), base.maxBodyBytes()), pick(a.maxDepth(), base.maxDepth()),
                pick(a.maxArrayLength(), base.maxArrayLength()), pick(a.maxObjectEntries(), base.maxObjectEntries()),
                pick(a.maxStringLength(), base.maxStringLength()), pick(a.maxKeyLength(), base.maxKeyLength()),
                pick(a.maxNumberLength(), base.maxNumberLength()));
    }

    private static long pick(long value, long fallback) {
        return value > 0 ? value : fallback;
    }

    private static int pick(int value, int fallback) {
        return value > 0 ? value : fallback;
    }

    /** The generic type of the entity parameter (the one without a JAX-RS injection annotation), or null. */
    static Type entityType(Method method) {
        Annotation[][] annotations = method.getParameterAnnotations();
        Type[] types = method.getGenericParameterTypes();
        for (int i = 0; i < types.length; i++) {
            boolean injected = false;
            for (Annotation a : annotations[i]) {
                injected |= PARAMETER_ANNOTATIONS.contains(a.annotationType().getName());
            }
            if (!injected) {
                return types[i];
            }
        }
        return null;
    }

    /**
     * A media type the JSON binding reads: subtype {@code json} or a {@code +json} suffix under any top-level type
     * ({@code application/json}, {@code text/json}, {@code application/merge-patch+json},
     * {@code application/vnd.acme+json}), as the JAX-RS JSON-B provider decides.
     */
    public static boolean isJson(String type, String subtype) {
        String s = subtype.toLowerCase(Locale.ROOT);
        return !type.isEmpty() && (s.equals("json") || s.endsWith("+json"));
    }

    /** Whether the {@code @Consumes} values list a JSON type ({@code json}) or a type that is not JSON. */
    private static boolean declares(String[] values, boolean json) {
        for (String v : values) {
            for (String part : v.split(",")) {
                String mt = part.strip();
                int semi = mt.indexOf(';');
                String bare = semi < 0 ? mt : mt.substring(0, semi).strip();
                int slash = bare.indexOf('/');
                boolean isJson = slash > 0 && isJson(bare.substring(0, slash), bare.substring(slash + 1));
                if (!bare.isEmpty() && isJson == json) {
                    return true;
                }
            }
        }
        return false;
    }
}
