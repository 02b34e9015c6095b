package dev.bulwark.internal.pipeline;

/**
 * An endpoint-level control's hook into the JAX-RS layer: for one resource method's policy, the providers (request
 * or response filters) to register, each at the priority of its {@link Phase}. A binding lives in its concern's
 * {@code jaxrs} package beside its filter, and is listed once in {@code controls.Controls}; the JAX-RS adapter only
 * runs the list. Nothing is looked up per request: the filters are built here with what the policy says.
 */
public interface Binding {

    /** Registers this control's providers for a resource method, or nothing when its policy has no part here. */
    void bind(EndpointPolicy policy, Registrar registrar);

    /** Registers a provider at its phase's priority. */
    interface Registrar {
        void register(Object provider, Phase phase);
    }
}
