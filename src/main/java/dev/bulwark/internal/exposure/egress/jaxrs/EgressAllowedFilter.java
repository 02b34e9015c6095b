package dev.bulwark.internal.exposure.egress.jaxrs;

import dev.bulwark.internal.exposure.egress.EgressAllowances;
import dev.bulwark.internal.pipeline.RequestState;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/**
 * Leaves one resource method's allowed kinds in the request's state before its entity is written, where the
 * servlet layer's egress check reads them when the body starts.
 */
final class EgressAllowedFilter implements ContainerResponseFilter {

    private final EgressAllowances.Allowed allowed;

    EgressAllowedFilter(EgressAllowances.Allowed allowed) {
        this.allowed = allowed;
    }

    @Override
    public void filter(ContainerRequestContext requestContext, ContainerResponseContext responseContext) {
        RequestState.ensure(requestContext::getProperty, requestContext::setProperty)
                .put(EgressAllowances.STATE, allowed);
    }
}
