package dev.bulwark.internal.jaxrs;

import dev.bulwark.internal.pipeline.RequestState;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import java.lang.reflect.Method;

/**
 * Tells the bean interceptors which calls JAX-RS itself makes: the sub-resource locators it calls while matching
 * ({@link Matching}) and the one call of the resource method it dispatches to ({@link Dispatched}, the first of
 * the method's filters). Those calls are guarded by the JAX-RS filters; any other call of any guarded method (a
 * resource class injected into another one and called as a bean, whatever its method is named) is guarded by the
 * interceptors.
 */
final class Dispatch {

    private Dispatch() {
    }

    private static RequestState state(ContainerRequestContext context) {
        return RequestState.ensure(context::getProperty, context::setProperty);
    }

    /**
     * Before matching: the last pre-matching filter (registered with the highest priority), so that what an
     * application's own pre-matching filter calls is never taken for a locator JAX-RS calls. Matching is over with
     * the first response filter (every response JAX-RS makes, a request it could not match included) or, at the
     * latest, when Bulwark's servlet filter is done with the dispatch.
     */
    @PreMatching
    static final class Matching implements ContainerRequestFilter, ContainerResponseFilter {
        @Override
        public void filter(ContainerRequestContext context) {
            state(context).put(RequestState.MATCHING, Boolean.TRUE);
        }

        /** Every response JAX-RS makes, a request it could not match included: matching is over. */
        @Override
        public void filter(ContainerRequestContext request, ContainerResponseContext response) {
            RequestState state = RequestState.from(request::getProperty);
            if (state != null) {
                state.matchingOver();
            }
        }
    }

    /** Once matched to {@code method} of {@code resourceClass}; the record goes with the response. */
    static final class Dispatched implements ContainerRequestFilter, ContainerResponseFilter {
        private final RequestState.Dispatch dispatch;
        /** The method's route, or null when it has no policy. */
        private final RequestState.Route route;

        Dispatched(Class<?> resourceClass, Method method, RequestState.Route route) {
            this.dispatch = new RequestState.Dispatch(resourceClass, method);
            this.route = route;
        }

        @Override
        public void filter(ContainerRequestContext context) {
            RequestState state = state(context);
            state.put(RequestState.MATCHING, null);
            state.put(RequestState.DISPATCH, dispatch);
            if (route != null) {
                state.put(RequestState.ROUTE, route);
            }
        }

        @Override
        public void filter(ContainerRequestContext request, ContainerResponseContext response) {
            // a dispatch no interceptor consumed (the method has none) must not stay for later calls
            RequestState state = RequestState.from(request::getProperty);
            if (state != null) {
                state.put(RequestState.DISPATCH, null);
            }
        }
    }
}
