package dev.bulwark.internal.jaxrs;

import dev.bulwark.internal.pipeline.AsyncCommit;
import dev.bulwark.internal.pipeline.RequestState;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/**
 * The last response filter (the lowest priority: response filters run from the highest): an asynchronous response
 * without a body gets the servlet layer's commit hook here, since the container commits it past Bulwark's response
 * wrapper ({@link AsyncCommit}). A response with a body runs the hook at its first byte, with its content type.
 */
final class AsyncCommitFilter implements ContainerResponseFilter {

    /** Registered with this priority: after every other response filter, Bulwark's and the application's. */
    static final int PRIORITY = Integer.MIN_VALUE;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        RequestState state = RequestState.from(request::getProperty);
        AsyncCommit commit = state == null ? null : state.get(AsyncCommit.KEY);
        if (commit != null && !response.hasEntity()) {
            commit.beforeCommit(response.getStatus(), response.getHeaders().keySet());
        }
    }
}
