package dev.bulwark.internal.validation.jaxrs;

import dev.bulwark.internal.pipeline.Binding;
import dev.bulwark.internal.pipeline.EndpointPolicy;
import dev.bulwark.internal.pipeline.Phase;
import dev.bulwark.internal.validation.JsonBodyRules;
import dev.bulwark.internal.validation.ValidationSettings;

/** The body part of a resource method's policy as a JAX-RS filter, for a method that takes a body. */
public final class JsonBodyBinding implements Binding {

    private final ValidationSettings config;

    public JsonBodyBinding(ValidationSettings config) {
        this.config = config;
    }

    @Override
    public void bind(EndpointPolicy policy, Registrar registrar) {
        JsonBodyRules.BodyPolicy body = policy.get(JsonBodyRules.BodyPolicy.class);
        if (body != null && body.rule() != null) {
            registrar.register(new JsonBodyFilter(body.rule(), config), Phase.JSON_BODY);
        }
    }
}
