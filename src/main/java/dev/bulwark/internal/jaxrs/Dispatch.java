package dev.bulwark.internal.jaxrs;

import dev.bulwark.internal.pipeline.RequestState;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.lang.reflect.Method;

/**
 * Tells the bean interceptors which calls of resource classes JAX-RS makes: the sub-resource locators it calls
 * while matching ({@link Matching}) and the resource method it dispatches to ({@link Dispatched}, the first of the
 * method's filters). Those calls are guarded by the JAX-RS filters; any other call of a resource class's method
 * (the class injected into another one and called as a bean) is guarded by the interceptors.
 */
final class Dispatch {

    private Dispatch() {
    }

    private static RequestState state(ContainerRequestContext context) {
        return RequestState.ensure(context::getProperty, context::setProperty);
    }

    /** Before matching. */
    @PreMatching
    static final class Matching implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext context) {
            state(context).put(RequestState.MATCHING, Boolean.TRUE);
        }
    }

    /** Once matched to {@code method}. */
    static final class Dispatched implements ContainerRequestFilter {
        private final Method method;

        Dispatched(Method method) {
            this.method = method;
        }

        @Override
        public void filter(ContainerRequestContext context) {
            RequestState state = state(context);
            state.put(RequestState.MATCHING, null);
            state.put(RequestState.RESOURCE_METHOD, method);
        }
    }
}
