package dev.bulwark.internal.jaxrs;

import dev.bulwark.internal.authz.AccessRule;
import dev.bulwark.internal.observe.ObserveSettings;
import dev.bulwark.internal.observe.jaxrs.ObservedFilters;
import dev.bulwark.internal.pipeline.Binding;
import dev.bulwark.internal.pipeline.RequestState;
import dev.bulwark.internal.pipeline.EndpointPolicy;
import dev.bulwark.internal.pipeline.Phase;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.reflect.Method;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Runs the endpoint-level controls' {@link Binding}s (the list in {@code controls.Controls}) for each resource
 * method the JAX-RS runtime deploys, with the method's {@link EndpointPolicy}; each filter is registered at the
 * priority of its phase. Nothing here knows a control.
 */
final class EndpointBindings implements DynamicFeature {

    private final BiFunction<Class<?>, Method, EndpointPolicy> policies;
    private final List<Binding> bindings;
    private final ObserveSettings observe;

    /**
     * @param policies the policy of a resource method (the deployment's endpoint model)
     * @param observe  the controls that only observe: their phases' filters are registered inside
     *                 {@link ObservedFilters}
     */
    EndpointBindings(BiFunction<Class<?>, Method, EndpointPolicy> policies, List<Binding> bindings,
                     ObserveSettings observe) {
        this.policies = policies;
        this.bindings = List.copyOf(bindings);
        this.observe = observe;
    }

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        EndpointPolicy policy = policies.apply(resourceInfo.getResourceClass(), resourceInfo.getResourceMethod());
        AccessRule access = policy == null ? null : policy.get(AccessRule.class);
        context.register(new Dispatch.Dispatched(resourceInfo.getResourceClass(), resourceInfo.getResourceMethod(),
                        policy == null ? null : new RequestState.Route(policy.site().httpMethod() + " "
                                + policy.site().path(), access != null && access.owner() != null,
                                access == null ? null : access.roles())),
                Phase.DISPATCH.priority());
        for (Binding binding : bindings) {
            binding.bind(policy, (provider, phase) -> context.register(observe.observes(phase)
                    ? ObservedFilters.wrap(provider, phase) : provider, phase.priority()));
        }
    }
}
