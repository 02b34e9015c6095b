package dev.bulwark.internal.headers.jaxrs;

import dev.bulwark.internal.headers.SecurityHeaderOverrides;
import dev.bulwark.internal.pipeline.Binding;
import dev.bulwark.internal.pipeline.EndpointPolicy;
import dev.bulwark.internal.pipeline.Phase;

/** The {@code @SecurityHeader} overrides of a resource method, handed to the header writers of its responses. */
public final class HeaderOverridesBinding implements Binding {

    @Override
    public void bind(EndpointPolicy policy, Registrar registrar) {
        SecurityHeaderOverrides.Overrides overrides = policy.get(SecurityHeaderOverrides.Overrides.class);
        if (overrides != null) {
            registrar.register(new SecurityHeaderFilter(overrides), Phase.HEADER_OVERRIDES);
        }
    }
}
