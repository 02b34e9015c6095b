package dev.bulwark.internal.headers.jaxrs;

import dev.bulwark.internal.headers.SecurityHeaderOverrides;
import dev.bulwark.internal.pipeline.RequestState;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/**
 * Hands one resource method's {@code @SecurityHeader} overrides to the header writers of the servlet layer, which
 * apply them when the response commits (a value replaces Bulwark's default, {@code off} removes the header). It runs
 * on every response of the method, the mapped problems and the refusals of later filters included.
 */
final class SecurityHeaderFilter implements ContainerResponseFilter {

    private final SecurityHeaderOverrides.Overrides overrides;

    SecurityHeaderFilter(SecurityHeaderOverrides.Overrides overrides) {
        this.overrides = overrides;
    }

    @Override
    public void filter(ContainerRequestContext requestContext, ContainerResponseContext responseContext) {
        RequestState.ensure(requestContext::getProperty, requestContext::setProperty)
                .put(SecurityHeaderOverrides.STATE, overrides);
    }
}
