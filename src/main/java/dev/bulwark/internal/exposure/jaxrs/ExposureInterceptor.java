package dev.bulwark.internal.exposure.jaxrs;

import dev.bulwark.internal.auth.RawToken;
import dev.bulwark.internal.auth.TokenGate;
import dev.bulwark.internal.authz.Scopes;
import dev.bulwark.internal.exposure.ExposurePolicy;
import dev.bulwark.internal.exposure.ExposureSerializers;
import dev.bulwark.internal.exposure.FieldPaths;
import dev.bulwark.internal.exposure.ResponseTypes;
import dev.bulwark.internal.exposure.ResponseView;
import dev.bulwark.internal.exposure.SensitiveNames;
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
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Providers;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Writes one resource method's JSON entities (any media type whose subtype is {@code json} or ends in {@code +json},
 * {@code text/json} included, and any media type the runtime's JSON-B provider is chosen for), through the serializer of the caller's views: the last writer interceptor (after
 * content codings have wrapped the stream). When the runtime's own JSON-B provider would write the entity, it is
 * written by Bulwark's JSON-B instead; when another writer would (an application's {@code MessageBodyWriter}, a
 * Jackson provider) or the application brings its own {@code Jsonb}, that writer's JSON is replayed through the same
 * filter, so the application's format is kept. Besides the sensitive names, the {@code @Sensitive} JSON names of the
 * declared response type and of the entity's runtime class (the elements' classes of a collection, array or map)
 * are held back at any depth. Entities that are already bytes or text (a {@code String}, {@code byte[]}, a stream)
 * and non-JSON media types go on untouched. The views describe the method's responses, redirects included: an error
 * status (4xx, 5xx: an exception mapper's entity) is held to the sensitive names only, which the response filter
 * notes.
 */
final class ExposureInterceptor implements WriterInterceptor, ContainerResponseFilter {

    /** Runtime classes whose held-back names are kept per endpoint. */
    static final int MAX_CLASSES = 64;
    /** Distinct element classes of a collection looked at. */
    private static final int MAX_ELEMENT_CLASSES = 16;

    /** The JSON-B writers of the runtimes (Open Liberty, RESTEasy, Jersey): their entities Bulwark writes itself. */
    private static final Set<String> PLATFORM_WRITERS = Set.of(
            "io.openliberty.restfulWS30.jsonb20provider.JsonBProvider",
            "org.jboss.resteasy.plugins.providers.jsonb.JsonBindingProvider",
            "org.glassfish.jersey.jsonb.internal.JsonBindingProvider");

    private final ExposurePolicy policy;
    private final ExposureSerializers serializers;
    private final String scopeClaim;
    /** The allowed names of each combination of views (and, last, of an error status), made on first use. */
    private final AtomicReferenceArray<FieldPaths> paths;
    /** The held-back names and serializers per runtime class of the entity. */
    private final ConcurrentHashMap<Class<?>, Held> held = new ConcurrentHashMap<>();

    @Context
    private SecurityContext security;

    @Context
    private Providers providers;

    /** The last lookup of the application's JSON-B resolver. */
    private volatile Resolved resolved;
    /** The last lookup of the writer the runtime chose. */
    private volatile Chosen chosen;

    ExposureInterceptor(ExposurePolicy policy, ExposureSerializers serializers, String scopeClaim) {
        this.policy = policy;
        this.serializers = serializers;
        this.scopeClaim = scopeClaim;
        this.paths = new AtomicReferenceArray<>(policy.masks() + 1);
    }

    /** Notes an error response, whose entity the views do not describe. */
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (policy.allowList() && response.getStatus() >= 400) {
            RequestState.ensure(request::getProperty, request::setProperty).put(ExposurePolicy.ERROR_STATUS, true);
        }
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        Object entity = context.getEntity();
        MediaType type = context.getMediaType();
        if (entity == null || raw(context.getType())) {
            context.proceed();
            return;
        }
        Writer writer = writer(context);
        // a JSON media type, or another one the runtime's JSON-B provider writes (*/* negotiated without @Produces)
        if (!json(type) && writer != Writer.RUNTIME_JSONB) {
            context.proceed();
            return;
        }
        int slot = slot(context);
        FieldPaths allowed = allowed(slot);
        Held names = held(entity);
        if (writer == Writer.OTHER) {
            // the application's writer: its JSON, filtered
            OutputStream out = context.getOutputStream();
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);
            context.setOutputStream(buffer);
            try {
                context.proceed();
            } finally {
                context.setOutputStream(out);
            }
            serializers.replay(buffer.toByteArray(), allowed, names.names(), out);
            return;
        }
        Jsonb own = applicationJsonb(context.getType(), type);
        if (own != null) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);
            own.toJson(entity, written(context, entity), buffer);
            serializers.replay(buffer.toByteArray(), allowed, names.names(), context.getOutputStream());
            return;
        }
        Jsonb jsonb = names.serializers().get(slot);
        if (jsonb == null) {
            jsonb = serializers.jsonb(allowed, names.names());
            names.serializers().set(slot, jsonb);
        }
        ExposureSerializers.write(jsonb, entity, written(context, entity), context.getOutputStream());
    }

    /**
     * The type to write the entity as: the runtime's generic type, else (an asynchronous method's {@code void}, a
     * method declaring {@code Object}, a type the entity is not an instance of) the entity's class: Yasson writes an
     * entity declared {@code Object} whose class declares {@code @JsonbVisibility} as {@code {}}.
     */
    static Type written(WriterInterceptorContext context, Object entity) {
        Type generic = context.getGenericType();
        if (generic == null || generic == void.class || generic == Void.class || generic == Object.class
                || generic instanceof Class<?> c && !c.isInstance(entity)) {
            return entity.getClass();
        }
        return generic;
    }

    /** The combination of views of the caller, or the last slot for an error status. */
    private int slot(WriterInterceptorContext context) {
        if (!policy.allowList()) {
            return 0;
        }
        RequestState state = RequestState.from(context::getProperty);
        if (state != null && Boolean.TRUE.equals(state.get(ExposurePolicy.ERROR_STATUS))) {
            return policy.masks();
        }
        return policy.mask(caller(context));
    }

    private FieldPaths allowed(int slot) {
        FieldPaths p = paths.get(slot);
        if (p == null) {
            p = slot == policy.masks() ? FieldPaths.ANY : policy.paths(slot);
            paths.set(slot, p);
        }
        return p;
    }

    /** The names held back for an entity: the policy's, and the @Sensitive names of its runtime classes. */
    private Held held(Object entity) {
        if (!(entity instanceof Collection<?> || entity instanceof Map<?, ?> || entity instanceof Object[])) {
            Held h = held.get(entity.getClass()); // the common case, without allocation
            if (h != null) {
                return h;
            }
        }
        Set<Class<?>> classes = classes(entity);
        if (classes.size() == 1) {
            Class<?> c = classes.iterator().next();
            Held h = held.get(c);
            if (h == null) {
                h = newHeld(classes);
                if (held.size() < MAX_CLASSES) {
                    held.putIfAbsent(c, h);
                }
            }
            return h;
        }
        return newHeld(classes);
    }

    private Held newHeld(Set<Class<?>> classes) {
        Set<String> names = new HashSet<>(policy.heldBack());
        for (Class<?> c : classes) {
            if (!c.getName().startsWith("java.")) {
                names.addAll(ResponseTypes.sensitiveJsonNames(c));
            }
        }
        SensitiveNames s = names.isEmpty() ? serializers.sensitive() : serializers.sensitive().andExactly(names);
        return new Held(s, new AtomicReferenceArray<>(policy.masks() + 1));
    }

    /** The entity's class, or the distinct classes of a collection's, array's or map's elements. */
    static Set<Class<?>> classes(Object entity) {
        Iterable<?> elements = null;
        if (entity instanceof Collection<?> c) {
            elements = c;
        } else if (entity instanceof Map<?, ?> m) {
            elements = m.values();
        } else if (entity instanceof Object[] a) {
            elements = Arrays.asList(a);
        }
        if (elements == null) {
            return Set.of(entity.getClass());
        }
        Set<Class<?>> out = new LinkedHashSet<>();
        for (Object e : elements) {
            if (e != null && out.add(e.getClass()) && out.size() >= MAX_ELEMENT_CLASSES) {
                break;
            }
        }
        return out.isEmpty() ? Set.of(entity.getClass()) : out;
    }

    /** The writer the runtime chose for the entity, kept per type and media type. */
    private Writer writer(WriterInterceptorContext context) {
        if (providers == null) {
            return Writer.UNKNOWN;
        }
        Class<?> type = context.getType();
        MediaType media = context.getMediaType();
        Chosen last = chosen;
        if (last == null || last.type() != type || !java.util.Objects.equals(last.mediaType(), media)) {
            MessageBodyWriter<?> w = providers.getMessageBodyWriter(type, context.getGenericType(),
                    context.getAnnotations(), media);
            last = new Chosen(type, media, w == null ? Writer.UNKNOWN
                    : platform(w.getClass()) ? Writer.RUNTIME_JSONB : Writer.OTHER);
            chosen = last;
        }
        return last.writer();
    }

    /** Which writer would write the entity. */
    enum Writer {
        /** The runtime's JSON-B provider: Bulwark writes in its place. */
        RUNTIME_JSONB,
        /** Another writer (the application's): its output is replayed through the filter. */
        OTHER,
        /** Not known (no providers, no writer): a JSON media type is written by Bulwark. */
        UNKNOWN
    }

    static boolean platform(Class<?> writer) {
        for (Class<?> c = writer; c != null && c != Object.class; c = c.getSuperclass()) {
            if (PLATFORM_WRITERS.contains(c.getName())) {
                return true;
            }
        }
        return false;
    }

    /** The runtime's writer choice for a type and media type. */
    private record Chosen(Class<?> type, MediaType mediaType, Writer writer) {
    }

    /** What an entity's runtime class holds back, and its serializers per slot. */
    private record Held(SensitiveNames names, AtomicReferenceArray<Jsonb> serializers) {
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

    /** Any type whose subtype is {@code json} or ends in {@code +json}: what a JSON-B provider writes. */
    static boolean json(MediaType type) {
        if (type == null || type.getSubtype() == null) {
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
