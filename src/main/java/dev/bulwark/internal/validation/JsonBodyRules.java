package dev.bulwark.internal.validation;

import dev.bulwark.api.JsonBodyLimits;
import dev.bulwark.api.JsonSchema;
import dev.bulwark.internal.pipeline.EndpointSite;
import dev.bulwark.internal.pipeline.PolicyPart;
import dev.bulwark.internal.pipeline.PolicyResolver;
import dev.bulwark.internal.pipeline.RequestState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The body part of an endpoint's policy, worked out once at deployment: the byte limit of any body it reads
 * ({@code @JsonBodyLimits(maxBytes)} on the method, or the inherited method carrying its JAX-RS annotations, else
 * on the class, else the configured one) and, for a method with an entity parameter, its JSON limits
 * (configuration, then {@link JsonBodyLimits} on the class, then on the method), the {@link Shape} of its entity,
 * whether it declares JSON in {@code @Consumes} (then any other content type is 415), and its JSON Schema.
 */
public final class JsonBodyRules implements PolicyResolver<JsonBodyRules.BodyPolicy> {

    /**
     * What the JAX-RS filter enforces for one method.
     *
     * @param declaresJson  its {@code @Consumes} lists a JSON type
     * @param declaresOther its {@code @Consumes} also lists a type that is not JSON (text, XML, a wildcard)
     */
    public record Rule(JsonLimits limits, Shape shape, boolean declaresJson, boolean declaresOther,
                       BodySchema schema) {
    }

    /**
     * @param maxBytes   the byte limit of any body the endpoint reads
     * @param configured the configured limit, for the inventory (only a different limit is worth a line)
     * @param rule       the JSON rules of its entity, or null when it takes no body
     */
    public record BodyPolicy(long maxBytes, long configured, Rule rule) implements PolicyPart {
        @Override
        public String describe() {
            List<String> parts = new ArrayList<>();
            if (maxBytes != configured) {
                parts.add("max " + maxBytes + " bytes");
            }
            if (rule != null && rule.declaresJson()) {
                parts.add("JSON" + (rule.declaresOther() ? " or other declared types" : " only"));
            }
            if (rule != null && rule.schema() != null) {
                parts.add("schema " + rule.schema().location());
            }
            return String.join(", ", parts);
        }
    }

    /** The request's JSON body once checked, for the controls that read it after the body step (ownership). */
    public static final RequestState.Key<byte[]> CHECKED_BODY = RequestState.Key.of("checked JSON body",
            byte[].class);

    private final JsonLimits configured;
    private final TypeShapes shapes;

    public JsonBodyRules(JsonLimits configured, TypeShapes shapes) {
        this.configured = configured;
        this.shapes = shapes;
    }

    @Override
    public Class<BodyPolicy> part() {
        return BodyPolicy.class;
    }

    @Override
    public String label() {
        return "body";
    }

    @Override
    public BodyPolicy resolve(EndpointSite site, Problems problems) {
        if (site.kind() != EndpointSite.Kind.RESOURCE) {
            return null;
        }
        JsonBodyLimits onClass = site.type().getAnnotation(JsonBodyLimits.class);
        JsonBodyLimits onMethod = site.method().isAnnotationPresent(JsonBodyLimits.class)
                ? site.method().getAnnotation(JsonBodyLimits.class) : site.annotated().getAnnotation(JsonBodyLimits.class);
        check(onClass, site, problems);
        check(onMethod, site, problems);
        long maxBytes = onMethod != null && onMethod.maxBytes() > 0 ? onMethod.maxBytes()
                : onClass != null && onClass.maxBytes() > 0 ? onClass.maxBytes() : configured.maxBodyBytes();
        Rule rule = null;
        if (site.entity() != null) {
            JsonSchema schemaAnnotation = site.method().isAnnotationPresent(JsonSchema.class)
                    ? site.method().getAnnotation(JsonSchema.class) : site.annotated().getAnnotation(JsonSchema.class);
            BodySchema schema = null;
            if (schemaAnnotation != null) {
                try {
                    schema = BodySchema.load(site.type().getClassLoader(), schemaAnnotation.value());
                } catch (IllegalStateException e) {
                    problems.add(site, JsonSchema.class, e.getMessage());
                }
            }
            rule = new Rule(merge(merge(configured, onClass), onMethod), shapes.ofEntity(site.entity()),
                    declares(site.consumes(), true), declares(site.consumes(), false), schema);
        }
        return new BodyPolicy(maxBytes, configured.maxBodyBytes(), rule);
    }

    private static void check(JsonBodyLimits a, EndpointSite site, Problems problems) {
        if (a == null) {
            return;
        }
        long[] values = {a.maxBytes(), a.maxDepth(), a.maxArrayLength(), a.maxObjectEntries(), a.maxStringLength(),
            a.maxKeyLength(), a.maxNumberLength()};
        for (long v : values) {
            if (v != -1 && v < 1) {
                problems.add(site, JsonBodyLimits.class, "every limit must be positive (or -1 for the default)");
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

    /**
     * A media type the JSON binding reads: subtype {@code json} or a {@code +json} suffix under any top-level type
     * ({@code application/json}, {@code text/json}, {@code application/merge-patch+json},
     * {@code application/vnd.acme+json}), as the JAX-RS JSON-B provider decides.
     */
    public static boolean isJson(String type, String subtype) {
        String s = subtype.toLowerCase(Locale.ROOT);
        return !type.isEmpty() && (s.equals("json") || s.endsWith("+json"));
    }

    /** Whether the {@code @Consumes} media types list a JSON type ({@code json}) or a type that is not JSON. */
    private static boolean declares(List<String> values, boolean json) {
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
