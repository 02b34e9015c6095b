package dev.bulwark.internal.exposure.jaxrs;

import dev.bulwark.internal.exposure.ExposurePolicy;
import dev.bulwark.internal.exposure.ExposureResolver;
import dev.bulwark.internal.exposure.ExposureSerializers;
import dev.bulwark.internal.exposure.ExposureSettings;
import dev.bulwark.internal.pipeline.Binding;
import dev.bulwark.internal.pipeline.EndpointPolicy;
import dev.bulwark.internal.pipeline.Phase;

/**
 * Serializes a resource method's JSON responses through the exposure filter of its policy. One set of serializers
 * per JAX-RS application, shared by its endpoints (equal views share one).
 */
public final class ExposureBinding implements Binding {

    private final ExposureSerializers serializers;
    private final String scopeClaim;
    private final ExposureResolver entityViews;

    /** @param scopeClaim the token claim holding the OAuth2 scopes ({@code bulwark.authz.scope-claim}) */
    public ExposureBinding(ExposureSettings settings, String scopeClaim) {
        this.serializers = new ExposureSerializers(settings.sensitiveNames());
        this.scopeClaim = scopeClaim;
        this.entityViews = new ExposureResolver(settings);
    }

    @Override
    public void bind(EndpointPolicy policy, Registrar registrar) {
        ExposurePolicy exposure = policy.get(ExposurePolicy.class);
        if (exposure != null) {
            registrar.register(new ExposureInterceptor(exposure, serializers, scopeClaim, policy.site().name(),
                    policy.site().produces(), entityViews), Phase.EXPOSURE);
        }
    }
}
