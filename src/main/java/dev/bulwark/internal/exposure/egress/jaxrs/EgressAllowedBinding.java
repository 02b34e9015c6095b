package dev.bulwark.internal.exposure.egress.jaxrs;

import dev.bulwark.internal.exposure.egress.EgressAllowances;
import dev.bulwark.internal.pipeline.Binding;
import dev.bulwark.internal.pipeline.EndpointPolicy;
import dev.bulwark.internal.pipeline.Phase;

/** The kinds an {@code @EgressAllowed} resource method may return, handed to the egress check of its responses. */
public final class EgressAllowedBinding implements Binding {

    @Override
    public void bind(EndpointPolicy policy, Registrar registrar) {
        EgressAllowances.Allowed allowed = policy.get(EgressAllowances.Allowed.class);
        if (allowed != null) {
            registrar.register(new EgressAllowedFilter(allowed), Phase.EGRESS_ALLOWED);
        }
    }
}
