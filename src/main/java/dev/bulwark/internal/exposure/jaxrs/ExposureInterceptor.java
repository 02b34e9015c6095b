package dev.bulwark.internal.exposure.jaxrs;

import dev.bulwark.internal.auth.RawToken;
import dev.bulwark.internal.auth.TokenGate;
import dev.bulwark.internal.authz.Scopes;
import dev.bulwark.internal.exposure.ExposurePolicy;
import dev.bulwark.internal.exposure.ExposureSerializers;
import dev.bulwark.internal.exposure.FieldPaths;
import dev.bulwark.internal.exposure.ResponseView;
import dev.bulwark.internal.pipeline.RequestState;
import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Providers;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Writes one resource method's JSON entities itself, through the serializer of the caller's views: the last
 * writer interceptor (after content codings have wrapped the stream), it does not hand the entity on to the
 * runtime's JSON-B writer. Entities that are already bytes or text (a {@code String}, {@code byte[]}, a stream)
 * and non-JSON media types go on untouched. The views describe the method's successful responses: another status
 * (an application's exception mapper's entity) is held to the sensitive names only, which its response filter
 * notes.
 */
final class ExposureInterceptor implements WriterInterceptor, ContainerResponseFilter {

    private final ExposurePolicy policy;
    private final ExposureSerializers serializers;
    private final String scopeClaim;
    /** The allowed names of each combination of views, made on first use. */
    private final AtomicReferenceArray<FieldPaths> paths;

    @Context
    private SecurityContext security;

    @Context
    private Providers providers;

    /** The last lookup of the application's JSON-B resolver. */
    private volatile Resolved resolved;

    ExposureInterceptor(ExposurePolicy policy, ExposureSerializers serializers, String scopeClaim) {
        this.policy = policy;
        this.serializers = serializers;
        this.scopeClaim = scopeClaim;
        this.paths = new AtomicReferenceArray<>(policy.masks());
    }

    /** Notes a response that is not a success, whose entity the views do not describe. */
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (policy.allowList() && response.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL) {
            RequestState.ensure(request::getProperty, request::setProperty).put(ExposurePolicy.NOT_SUCCESS, true);
        }
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        Object entity = context.getEntity();
        MediaType type = context.getMediaType();
        if (entity == null || !json(type) || raw(context.getType())) {
            context.proceed();
            return;
        }
        FieldPaths allowed = allowed(context);
        Jsonb own = applicationJsonb(context.getType(), type);
        if (own != null) {
            serializers.write(entity, context.getGenericType(), own, allowed, policy.heldBack(),
                    context.getOutputStream());
        } else {
            serializers.write(entity, context.getGenericType(), allowed, context.getOutputStream());
        }
    }

    private FieldPaths allowed(WriterInterceptorContext context) {
        if (!policy.allowList()) {
            return FieldPaths.ANY;
        }
        RequestState state = RequestState.from(context::getProperty);
        if (state != null && Boolean.TRUE.equals(state.get(ExposurePolicy.NOT_SUCCESS))) {
            return FieldPaths.ANY;
        }
        int mask = policy.mask(caller(context));
        FieldPaths p = paths.get(mask);
        if (p == null) {
            p = policy.paths(mask);
            paths.set(mask, p);
        }
        return p;
    }

    private ResponseView.Caller caller(WriterInterceptorContext context) {
        RawToken token = TokenGate.verifiedToken(context::getProperty);
        SecurityContext sc = security;
        if (token != null) {
            Set<String> groups = Scopes.groups(token.claims());
            Set<String> scopes = Scopes.of(token.claims(), scopeClaim);
            return new Caller(true, groups, scopes, null);
        }
        boolean authenticated = sc != null && sc.getUserPrincipal() != null;
        return new Caller(authenticated, Set.of(), Set.of(), authenticated ? sc : null);
    }

    /** An application's own {@code Jsonb} for the type, if it brings one. */
    private Jsonb applicationJsonb(Class<?> type, MediaType mediaType) {
        if (providers == null) {
            return null;
        }
        Resolved last = resolved;
        if (last == null || !last.mediaType().equals(mediaType)) {
            // the application's providers are fixed once it runs: looked up again only for another media type
            last = new Resolved(mediaType, providers.getContextResolver(Jsonb.class, mediaType));
            resolved = last;
        }
        return last.resolver() == null ? null : last.resolver().getContext(type);
    }

    /** The application's {@code ContextResolver<Jsonb>} (or none) for a media type. */
    private record Resolved(MediaType mediaType, ContextResolver<Jsonb> resolver) {
    }

    static boolean json(MediaType type) {
        if (type == null || !"application".equalsIgnoreCase(type.getType())) {
            return false;
        }
        String sub = type.getSubtype();
        return "json".equalsIgnoreCase(sub) || sub.regionMatches(true, sub.length() - 5, "+json", 0, 5);
    }

    static boolean raw(Class<?> type) {
        return type == String.class || type == byte[].class || type == char[].class
                || InputStream.class.isAssignableFrom(type) || Reader.class.isAssignableFrom(type)
                || File.class.isAssignableFrom(type) || java.nio.file.Path.class.isAssignableFrom(type)
                || StreamingOutput.class.isAssignableFrom(type);
    }

    private record Caller(boolean authenticated, Set<String> groups, Set<String> scopes, SecurityContext container)
            implements ResponseView.Caller {
        @Override
        public boolean inRole(String role) {
            return groups.contains(role) || container != null && container.isUserInRole(role);
        }
    }
}
