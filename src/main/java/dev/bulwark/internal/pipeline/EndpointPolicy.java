package dev.bulwark.internal.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything Bulwark will do on one endpoint (a resource method or an intercepted bean method), worked out once at
 * deployment: one {@link PolicyPart} per concern that acts there, in the order of the concerns. The JAX-RS
 * bindings, the CDI interceptors and the inventory all read this one record.
 */
public final class EndpointPolicy {

    private final EndpointSite site;
    private final Map<Class<?>, PolicyPart> parts;
    private final Map<String, String> described;

    EndpointPolicy(EndpointSite site, Map<Class<?>, PolicyPart> parts, Map<String, String> described) {
        this.site = site;
        this.parts = Collections.unmodifiableMap(new LinkedHashMap<>(parts));
        this.described = Collections.unmodifiableMap(new LinkedHashMap<>(described));
    }

    public EndpointSite site() {
        return site;
    }

    /** The part of one concern, or null when that concern does nothing on this endpoint. */
    public <T extends PolicyPart> T get(Class<T> part) {
        return part.cast(parts.get(part));
    }

    /** The findings of every part, in the concerns' order. */
    public java.util.List<String> findings() {
        java.util.List<String> all = new java.util.ArrayList<>();
        parts.values().forEach(p -> all.addAll(p.findings()));
        return all;
    }

    /** Every part, in the concerns' order. */
    public java.util.Collection<PolicyPart> parts() {
        return parts.values();
    }

    /** Label to description of every part, in the concerns' order, for the inventory. */
    public Map<String, String> described() {
        return described;
    }

    @Override
    public String toString() {
        return site.name() + " " + described;
    }
}
