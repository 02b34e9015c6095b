package dev.bulwark.jaxrs;

import dev.bulwark.headers.SecurityHeaderOverrides;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;

/** Binds a {@link SecurityHeaderFilter} to each resource method that carries {@code @SecurityHeader} overrides. */
final class SecurityHeaderFeature implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        SecurityHeaderOverrides.Overrides overrides = SecurityHeaderOverrides.of(resourceInfo.getResourceClass(),
                resourceInfo.getResourceMethod());
        if (!overrides.isEmpty()) {
            context.register(new SecurityHeaderFilter(overrides));
        }
    }
}
