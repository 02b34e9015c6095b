package dev.bulwark.internal.headers;

import dev.bulwark.api.SecurityHeader;
import dev.bulwark.internal.config.InvalidValueException;
import dev.bulwark.internal.config.Key;
import dev.bulwark.internal.pipeline.EndpointSite;
import dev.bulwark.internal.pipeline.PolicyPart;
import dev.bulwark.internal.pipeline.PolicyResolver;
import dev.bulwark.internal.pipeline.RequestState;
import dev.bulwark.internal.text.TextChecks;
import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The header part of an endpoint's policy: its {@link SecurityHeader} overrides, the class's first and the method's
 * on top, header by header ({@code default} drops an override made further out). Checked at deployment: only
 * Bulwark's per-response security headers may be overridden (not HSTS, which is a site-wide policy), and a value
 * must pass the check of the header's configuration key ({@code bulwark.headers.*}: no {@code unsafe-url}, no
 * {@code ALLOW-FROM}).
 */
public final class SecurityHeaderOverrides implements PolicyResolver<SecurityHeaderOverrides.Overrides> {

    /** The request's overrides, handed by the JAX-RS binding of its resource to the writers at commit. */
    public static final RequestState.Key<Overrides> STATE = RequestState.Key.of("security header overrides",
            Overrides.class);

    /** Header name (as the annotation spells it) to value; a null value means "off". */
    public record Overrides(Map<String, String> values) implements PolicyPart {

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
            if (values.isEmpty()) {
                return false; // most resources override nothing: asked for every header of every response
            }
            for (Map.Entry<String, String> e : values.entrySet()) {
                if (e.getValue() == null && e.getKey().equalsIgnoreCase(name)) {
                    return true;
                }
            }
            return false;
        }

        /** The overrides a request's state holds, or none. */
        public static Overrides of(RequestState state) {
            Overrides o = state == null ? null : state.get(STATE);
            return o == null ? NONE : o;
        }

        @Override
        public String describe() {
            List<String> parts = new ArrayList<>();
            values.forEach((name, value) -> parts.add(name + (value == null ? " off" : ": " + value)));
            return String.join("; ", parts);
        }
    }

    static final Set<String> OVERRIDABLE = HeaderKeys.BY_HEADER.keySet();

    /** The value that drops an override made further out (a method's, of its class's): the configured header. */
    static final String DEFAULT = "default";

    @Override
    public Class<Overrides> part() {
        return Overrides.class;
    }

    @Override
    public String label() {
        return "headers";
    }

    @Override
    public Overrides resolve(EndpointSite site, Problems problems) {
        if (site.intercepted()) {
            return null; // response headers belong to what JAX-RS dispatches
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (AnnotatedElement element : new AnnotatedElement[] {site.type(), site.method()}) {
            for (SecurityHeader h : element.getAnnotationsByType(SecurityHeader.class)) {
                String value = value(h, site, problems);
                values.keySet().removeIf(k -> k.equalsIgnoreCase(h.name()));
                if (!h.value().equalsIgnoreCase(DEFAULT)) {
                    values.put(h.name(), value);
                }
            }
        }
        return values.isEmpty() ? null : new Overrides(values);
    }

    /**
     * The value to send (as the configuration key would: {@code sameorigin} as {@code SAMEORIGIN}), null for
     * {@code off}; what is wrong with the annotation is a deployment problem.
     */
    private static String value(SecurityHeader h, EndpointSite site, Problems problems) {
        if (!OVERRIDABLE.contains(h.name().toLowerCase(Locale.ROOT))) {
            problems.add(site, SecurityHeader.class, "'" + h.name() + "' is not a header Bulwark manages per resource"
                    + " (one of " + String.join(", ", OVERRIDABLE.stream().sorted().toList()) + ")");
        }
        String v = h.value();
        String given = v.equalsIgnoreCase("off") ? null : v;
        if (!TextChecks.isHeaderValue(v)) {
            problems.add(site, SecurityHeader.class, "the value of '" + h.name()
                    + "' must be printable ASCII (at most 1024 characters), off or default");
            return given;
        }
        Key<String> key = HeaderKeys.BY_HEADER.get(h.name().toLowerCase(Locale.ROOT));
        if (key == null || v.equalsIgnoreCase(DEFAULT)) {
            return given;
        }
        try {
            return key.parser().parse(v);
        } catch (InvalidValueException e) {
            // the same rule as the configuration key's (a weak value such as unsafe-url, ALLOW-FROM, sniffing)
            problems.add(site, SecurityHeader.class, "the value '" + v + "' of '" + h.name() + "' is not accepted ("
                    + e.getMessage() + "): " + key.parser().acceptedForm() + ", or default, as for " + key.name());
            return given;
        }
    }
}
