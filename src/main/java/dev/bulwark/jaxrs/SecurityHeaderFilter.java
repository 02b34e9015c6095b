package dev.bulwark.jaxrs;

import dev.bulwark.headers.SecurityHeaderOverrides;
import dev.bulwark.transport.TransportAttributes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Applies one resource method's {@code @SecurityHeader} overrides: a value replaces Bulwark's default on the
 * response; {@code off} removes the header and tells the servlet layer not to add it when the response commits.
 */
final class SecurityHeaderFilter implements ContainerResponseFilter {

    private final SecurityHeaderOverrides.Overrides overrides;

    @Context
    private HttpServletRequest request;

    SecurityHeaderFilter(SecurityHeaderOverrides.Overrides overrides) {
        this.overrides = overrides;
    }

    @Override
    public void filter(ContainerRequestContext requestContext, ContainerResponseContext responseContext) {
        Set<String> off = new HashSet<>();
        overrides.values().forEach((name, value) -> {
            if (value == null) {
                responseContext.getHeaders().remove(name);
                off.add(name.toLowerCase(Locale.ROOT));
            } else {
                responseContext.getHeaders().putSingle(name, value);
            }
        });
        if (!off.isEmpty() && request != null) {
            request.setAttribute(TransportAttributes.SUPPRESSED_HEADERS, Set.copyOf(off));
        }
    }
}
