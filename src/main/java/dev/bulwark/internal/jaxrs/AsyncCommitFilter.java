package dev.bulwark.internal.jaxrs;

import dev.bulwark.internal.headers.AsyncCommit;
import dev.bulwark.internal.headers.PendingHeaders;
import dev.bulwark.internal.pipeline.RequestState;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.util.List;

/**
 * The last response filter: an asynchronous response gets the servlet layer's commit hook here, on its JAX-RS
 * headers ({@link AsyncCommit}). Response filters run from the highest priority to the lowest
 * ({@code jakarta.ws.rs.Priorities}), so this one, at {@link Integer#MIN_VALUE}, runs after Bulwark's other filters
 * (the {@code @SecurityHeader} overrides, the rate-limit count) and after the application's, unless one of theirs
 * also takes the lowest priority there is.
 */
final class AsyncCommitFilter implements ContainerResponseFilter {

    /** Registered with this priority: after every other response filter. */
    static final int PRIORITY = Integer.MIN_VALUE;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        RequestState state = RequestState.from(request::getProperty);
        AsyncCommit commit = state == null ? null : state.get(AsyncCommit.KEY);
        if (commit != null && commit.asynchronous()) {
            var type = response.getMediaType();
            commit.beforeCommit(response.getStatus(), type == null ? null : type.toString(), new Headers(response));
        }
    }

    /** A JAX-RS response's headers (case-insensitive in every runtime's map). */
    private record Headers(ContainerResponseContext response) implements PendingHeaders {

        @Override
        public boolean contains(String name) {
            return response.getHeaders().containsKey(name);
        }

        @Override
        public String get(String name) {
            List<String> values = values(name);
            return values.isEmpty() ? null : values.get(0);
        }

        @Override
        public void set(String name, String value) {
            if (value == null) {
                response.getHeaders().remove(name);
            } else {
                response.getHeaders().putSingle(name, value);
            }
        }

        @Override
        public void add(String name, String value) {
            response.getHeaders().add(name, value);
        }

        @Override
        public List<String> values(String name) {
            List<String> values = response.getStringHeaders().get(name);
            return values == null ? List.of() : values;
        }
    }
}
