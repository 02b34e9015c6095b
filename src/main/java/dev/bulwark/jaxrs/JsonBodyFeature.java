package dev.bulwark.jaxrs;

import dev.bulwark.validation.JsonBodyRules;
import dev.bulwark.validation.TypeShapes;
import dev.bulwark.validation.ValidationSettings;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;

/** Binds a {@link JsonBodyFilter} with its deploy-time rule to every resource method that takes a body. */
final class JsonBodyFeature implements DynamicFeature {

    private final ValidationSettings config;
    private final TypeShapes shapes;

    JsonBodyFeature(ValidationSettings config) {
        this.config = config;
        this.shapes = new TypeShapes(config.rejectUnknownProperties(), config.rejectMismatchedTypes());
    }

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        JsonBodyRules.Rule rule = JsonBodyRules.forMethod(resourceInfo.getResourceClass(),
                resourceInfo.getResourceMethod(), config, shapes);
        if (rule != null) {
            context.register(new JsonBodyFilter(rule, config));
        }
    }
}
