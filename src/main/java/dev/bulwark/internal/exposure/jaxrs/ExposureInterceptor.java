package dev.bulwark.internal.exposure.jaxrs;

import dev.bulwark.internal.auth.RawToken;
import dev.bulwark.internal.auth.TokenGate;
import dev.bulwark.internal.authz.Scopes;
import dev.bulwark.internal.correlation.RequestCorrelation;
import dev.bulwark.internal.exposure.ExposurePolicy;
import dev.bulwark.internal.exposure.ExposureResolver;
import dev.bulwark.internal.exposure.ExposureSerializers;
import dev.bulwark.internal.exposure.FieldPaths;
import dev.bulwark.internal.exposure.ResponseTypes;
import dev.bulwark.internal.exposure.ResponseView;
import dev.bulwark.internal.exposure.SensitiveGraph;
import dev.bulwark.internal.exposure.SensitiveNames;
import dev.bulwark.internal.errors.ProblemException;
import dev.bulwark.internal.errors.ProblemKind;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
 * declared response type and of every class the entity reaches ({@link SensitiveGraph}) are held back at any depth.
 * Entities that are already bytes or text (a {@code String}, {@code byte[]}, a stream) go on untouched, except on a
 * method with an allow-list (fail closed: a generic 500); any other entity in a media type that is not JSON (text,
 * XML, YAML: writers that know neither list) is refused (406) unless the method declares that type with
 * {@code @Produces}. The views describe the method's responses, redirects included: an error
 * status (4xx, 5xx: an exception mapper's entity) is held to the sensitive names only, which the response filter
 * notes.
 */
final class ExposureInterceptor implements WriterInterceptor, ContainerResponseFilter {

    /** Runtime classes (and sets of names met by walking) whose held-back names are kept per endpoint. */
    static final int MAX_CLASSES = 64;

    /** The JSON-B writers of the runtimes (Open Liberty, RESTEasy, Jersey): their entities Bulwark writes itself. */
    private static final Set<String> PLATFORM_WRITERS = Set.of(
            "io.openliberty.restfulWS30.jsonb20provider.JsonBProvider",
            "org.jboss.resteasy.plugins.providers.jsonb.JsonBindingProvider",
            "org.glassfish.jersey.jsonb.internal.JsonBindingProvider");

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger("dev.bulwark.exposure");

    private final ExposurePolicy policy;
    private final ExposureSerializers serializers;
    private final String scopeClaim;
    /** The allowed names of each combination of views (and, last, of an error status), made on first use. */
    private final AtomicReferenceArray<FieldPaths> paths;
    /** The held-back names and serializers per runtime class of the entity, for classes whose closure is closed. */
    private final ConcurrentHashMap<Class<?>, Held> held = new ConcurrentHashMap<>();
    /** The same per set of {@code @Sensitive} names met, for entities walked at run time. */
    private final ConcurrentHashMap<Set<String>, Held> heldByNames = new ConcurrentHashMap<>();
    /** The endpoint, for log lines ({@code com.example.Orders#get}). */
    private final String endpoint;
    /** The media types the method declares with {@code @Produces} (method, else class), wildcards left out. */
    private final List<MediaType> produced;
    private final List<String> produces;
    /**
     * Reads the views of an entity's own class when the endpoint has none ({@code Response.ok(dto)}); null for an
     * interceptor made for such a class.
     */
    private final ExposureResolver entityViews;
    /** Per type an entity was written as: the interceptor of its class's views, or {@link #NO_VIEWS}. */
    private final ConcurrentHashMap<Type, Object> byEntity = new ConcurrentHashMap<>();
    private static final Object NO_VIEWS = new Object();

    @Context
    private SecurityContext security;

    @Context
    private Providers providers;

    /** The last lookup of the application's JSON-B resolver. */
    private volatile Resolved resolved;
    /** The last lookup of the writer the runtime chose. */
    private volatile Chosen chosen;

    ExposureInterceptor(ExposurePolicy policy, ExposureSerializers serializers, String scopeClaim) {
        this(policy, serializers, scopeClaim, "the endpoint", List.of(), null);
    }

    /**
     * @param endpoint the resource method's name, for log lines
     * @param produces the media types of its {@code @Produces} (method, else class)
     * @param entityViews reads the views an entity's class declares, used when the policy has none; or null
     */
    ExposureInterceptor(ExposurePolicy policy, ExposureSerializers serializers, String scopeClaim, String endpoint,
                        List<String> produces, ExposureResolver entityViews) {
        this.endpoint = endpoint;
        this.produces = List.copyOf(produces);
        this.produced = explicit(produces);
        this.entityViews = entityViews;
        this.policy = policy;
        this.serializers = serializers;
        this.scopeClaim = scopeClaim;
        this.paths = new AtomicReferenceArray<>(policy.masks() + 1);
    }

    /** Notes an error response, whose entity the views do not describe. */
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() >= 400) {
            RequestState.ensure(request::getProperty, request::setProperty).put(ExposurePolicy.ERROR_STATUS, true);
        }
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        Object entity = context.getEntity();
        MediaType type = context.getMediaType();
        if (entity == null) {
            context.proceed();
            return;
        }
        if (entityViews != null && !policy.allowList() && !errorStatus(context)) {
            ExposureInterceptor own = ofEntity(context, entity);
            if (own != null) {
                own.aroundWriteTo(context);
                return;
            }
        }
        if (raw(context.getType())) {
            if (policy.allowList() && !errorStatus(context)) {
                // bytes or text the list cannot be applied to (a Response built with a String): fail closed
                throw refuse(context, ProblemKind.INTERNAL, "exposure: " + endpoint
                        + " has an allow-list (@ResponseFields) but returned a " + context.getType().getSimpleName()
                        + " entity, which no list can filter: refused");
            }
            context.proceed();
            return;
        }
        Writer writer = writer(context);
        // a JSON media type, or another one the runtime's JSON-B provider writes (application/jsonl, say)
        if (!json(type) && writer != Writer.RUNTIME_JSONB) {
            if (!produces(type) && !errorStatus(context)) {
                // a toString(), XML or YAML writer would write every field, @Sensitive ones too
                throw refuse(context, ProblemKind.NOT_ACCEPTABLE, "exposure: " + endpoint
                        + " would write its " + entity.getClass().getName() + " entity as " + type
                        + ", which neither the allow-list nor @Sensitive reaches; the method does not declare that"
                        + " media type with @Produces: refused");
            }
            context.proceed();
            return;
        }
        int slot = slot(context);
        Held names = held(entity, context);
        FieldPaths allowed = names.allowed(slot, this);
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
            items(context, serializers.replay(buffer.toByteArray(), allowed, names.names(), out));
            return;
        }
        Jsonb own = applicationJsonb(context.getType(), type);
        if (own != null) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);
            own.toJson(entity, written(context, entity), buffer);
            items(context, serializers.replay(buffer.toByteArray(), allowed, names.names(),
                    context.getOutputStream()));
            return;
        }
        Jsonb jsonb = names.serializers().get(slot);
        if (jsonb == null) {
            jsonb = serializers.jsonb(allowed, names.names());
            names.serializers().set(slot, jsonb);
        }
        items(context, ExposureSerializers.write(jsonb, entity, written(context, entity), context.getOutputStream()));
    }

    /** Notes the items written for the audit event (the exfiltration detector counts them). */
    private static void items(WriterInterceptorContext context, int items) {
        RequestState state = RequestState.from(context::getProperty);
        if (state != null && items >= 0) {
            state.put(RequestState.RESPONSE_ITEMS, items);
        }
    }

    /**
     * The interceptor of the views the entity's own class declares (an endpoint returning {@code Response} or
     * {@code Object} has none of its own), or null when it declares none. Views that are wrong for the class refuse
     * the response (500), logged, rather than writing the entity whole.
     */
    private ExposureInterceptor ofEntity(WriterInterceptorContext context, Object entity) {
        Type type = written(context, entity);
        Object known = byEntity.get(type);
        if (known == null) {
            ExposurePolicy own;
            try {
                own = entityViews.ofEntity(type);
            } catch (IllegalArgumentException e) {
                throw refuse(context, ProblemKind.INTERNAL, "exposure: " + endpoint + " returned an entity whose "
                        + e.getMessage() + ": refused");
            }
            if (own == null) {
                known = NO_VIEWS;
            } else {
                ExposureInterceptor made = new ExposureInterceptor(own, serializers, scopeClaim, endpoint, produces,
                        null);
                made.security = security;
                made.providers = providers;
                known = made;
            }
            if (byEntity.size() < MAX_CLASSES) {
                byEntity.putIfAbsent(type, known);
            }
        }
        return known == NO_VIEWS ? null : (ExposureInterceptor) known;
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

    /** The refusal, logged (WARNING, logger {@code dev.bulwark.exposure}) with the request's correlation id. */
    private static ProblemException refuse(WriterInterceptorContext context, ProblemKind kind, String reason) {
        LOG.warning(RequestCorrelation.logPrefix(RequestCorrelation.of(context::getProperty)) + reason);
        return new ProblemException(kind, List.of(), reason);
    }

    private static boolean errorStatus(WriterInterceptorContext context) {
        RequestState state = RequestState.from(context::getProperty);
        return state != null && Boolean.TRUE.equals(state.get(ExposurePolicy.ERROR_STATUS));
    }

    /** True when the method declares the media type with {@code @Produces} (not through a wildcard). */
    private boolean produces(MediaType type) {
        if (type == null) {
            return false;
        }
        for (MediaType p : produced) {
            if (p.getType().equalsIgnoreCase(type.getType()) && p.getSubtype().equalsIgnoreCase(type.getSubtype())) {
                return true;
            }
        }
        return false;
    }

    private static List<MediaType> explicit(List<String> produces) {
        List<MediaType> out = new ArrayList<>();
        for (String p : produces) {
            try {
                MediaType m = MediaType.valueOf(p.trim());
                if (!m.isWildcardType() && !m.isWildcardSubtype()) {
                    out.add(m);
                }
            } catch (IllegalArgumentException e) {
                // the runtime refuses the deployment for it
            }
        }
        return List.copyOf(out);
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

    /**
     * The names held back for an entity: the policy's, and the {@code @Sensitive} names of every class the entity
     * reaches ({@link SensitiveGraph}). A class whose closure is closed is looked up once and kept; an entity with
     * open properties (a collection, a map, an {@code Object} or {@code T} property) is walked along them.
     */
    private Held held(Object entity, WriterInterceptorContext context) {
        Class<?> c = entity.getClass();
        Held h = held.get(c); // the common case, without allocation
        if (h != null) {
            return h;
        }
        SensitiveGraph graph = serializers.graph();
        if (graph.closed(c)) {
            h = newHeld(graph.staticNames(c));
            if (held.size() < MAX_CLASSES) {
                held.putIfAbsent(c, h);
            }
            return h;
        }
        Set<String> names;
        try {
            names = graph.names(entity);
        } catch (SensitiveGraph.TooLarge e) {
            throw refuse(context, ProblemKind.INTERNAL, "exposure: the entity of " + endpoint
                    + " could not be checked for @Sensitive names (" + e.getMessage() + "): refused");
        }
        h = heldByNames.get(names);
        if (h == null) {
            h = newHeld(names);
            if (heldByNames.size() < MAX_CLASSES) {
                heldByNames.putIfAbsent(names, h);
            }
        }
        return h;
    }

    private Held newHeld(Set<String> sensitive) {
        Set<String> names = new HashSet<>(policy.heldBack());
        names.addAll(sensitive);
        SensitiveNames s = names.isEmpty() ? serializers.sensitive() : serializers.sensitive().andExactly(names);
        return new Held(s, new AtomicReferenceArray<>(policy.masks() + 1),
                new AtomicReferenceArray<>(policy.masks() + 1));
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

    /**
     * What an entity's runtime classes hold back, and per slot the allowed names without the held-back ones (a list
     * may name a {@code @Sensitive} name of a class the deployment could not see) and the serializer.
     */
    private record Held(SensitiveNames names, AtomicReferenceArray<FieldPaths> paths,
                        AtomicReferenceArray<Jsonb> serializers) {
        FieldPaths allowed(int slot, ExposureInterceptor owner) {
            FieldPaths p = paths.get(slot);
            if (p == null) {
                p = owner.allowed(slot).without(names);
                paths.set(slot, p);
            }
            return p;
        }
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
