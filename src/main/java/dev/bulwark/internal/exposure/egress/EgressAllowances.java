package dev.bulwark.internal.exposure.egress;

import dev.bulwark.api.EgressAllowed;
import dev.bulwark.internal.pipeline.EndpointSite;
import dev.bulwark.internal.pipeline.PolicyPart;
import dev.bulwark.internal.pipeline.PolicyResolver;
import dev.bulwark.internal.pipeline.RequestState;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The egress part of an endpoint's policy: the kinds its {@link EgressAllowed} lets it return (the method's
 * annotation over the class's). An annotation naming no kind is a deployment problem: exempting a method from every
 * check is what {@code bulwark.exposure.egress.kinds} is for, deliberately and for all endpoints.
 */
public final class EgressAllowances implements PolicyResolver<EgressAllowances.Allowed> {

    /** The kinds the request's resource method may return, left by its JAX-RS binding for the response's check. */
    public static final RequestState.Key<Allowed> STATE = RequestState.Key.of("egress allowed", Allowed.class);

    /** The kinds an endpoint may return. */
    public record Allowed(Set<EgressAllowed.Kind> kinds) implements PolicyPart {

        public Allowed {
            kinds = Set.copyOf(kinds);
        }

        int mask() {
            return Detectors.mask(kinds);
        }

        @Override
        public String describe() {
            return "may return " + String.join(", ", kinds.stream().sorted().map(Enum::name).toList());
        }
    }

    @Override
    public Class<Allowed> part() {
        return Allowed.class;
    }

    @Override
    public String label() {
        return "egress";
    }

    @Override
    public Allowed resolve(EndpointSite site, Problems problems) {
        if (site.intercepted()) {
            return null; // the egress check reads responses, which belong to what JAX-RS dispatches
        }
        EgressAllowed allowed = site.annotation(EgressAllowed.class);
        if (allowed == null) {
            return null;
        }
        if (allowed.kinds().length == 0) {
            problems.add(site, EgressAllowed.class, "names no kind (one or more of "
                    + String.join(", ", List.of(EgressAllowed.Kind.values()).stream().map(Enum::name).toList()) + ")");
            return null;
        }
        return new Allowed(EnumSet.copyOf(List.of(allowed.kinds())));
    }
}
