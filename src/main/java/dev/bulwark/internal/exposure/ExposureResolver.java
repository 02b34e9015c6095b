package dev.bulwark.internal.exposure;

import dev.bulwark.api.ResponseFields;
import dev.bulwark.internal.pipeline.EndpointSite;
import dev.bulwark.internal.pipeline.PolicyResolver;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a resource method's {@link ResponseFields} views (the method's, else its class's, else the response
 * type's class's), checks them against the response type at deployment, and lints the endpoint: a model object
 * returned without an allow-list, properties held back only because their names look sensitive.
 *
 * <p>Deployment problems: a path that is not names joined by dots, a path naming a {@code @Sensitive} property or
 * a sensitive-looking name, a path that ends on an object or a map of the response type (it would be written
 * empty: name its fields), an anonymous view with roles or scopes, more than {@value #MAX_VIEWS} views; a list no
 * writer would apply: on a method returning text or bytes (a {@code StreamingOutput} too), on a method producing a
 * media type that is not JSON, on a server-sent events method; a list on an overridden method that Jakarta REST does
 * not inherit. Findings besides: an entity unknown at deployment ({@code Response}, {@code Object}, a stage, an
 * {@code AsyncResponse}) without a list, a model object produced in a media type that is not JSON.
 */
public final class ExposureResolver implements PolicyResolver<ExposurePolicy> {

    /** Views per endpoint: a caller's combination of views is one of 2^n serializers at most. */
    public static final int MAX_VIEWS = 6;

    private static final String SSE_PROBLEM = "a server-sent events method: its events are written by the"
            + " runtime's event writer, which no list reaches (send events built from the fields that may leave)";

    private final ExposureSettings settings;

    public ExposureResolver(ExposureSettings settings) {
        this.settings = settings;
    }

    @Override
    public Class<ExposurePolicy> part() {
        return ExposurePolicy.class;
    }

    @Override
    public String label() {
        return "exposure";
    }

    @Override
    public ExposurePolicy resolve(EndpointSite site, Problems problems) {
        if (site.intercepted() || !settings.enabled()) {
            return null; // responses are serialized where JAX-RS dispatches
        }
        Type returned = site.method().getGenericReturnType();
        ResponseTypes.Node response;
        if (returned == void.class || returned == Void.class) {
            if (!asynchronous(site)) {
                if (sse(site) && !responseFields(site, problems).isEmpty()) {
                    problems.add(site, ResponseFields.class, SSE_PROBLEM);
                }
                return null; // no entity
            }
            // @Suspended AsyncResponse: the entity is whatever resume() is given, known only when it is written
            response = new ResponseTypes.Unknown("asynchronous response");
        } else {
            response = ResponseTypes.of(returned);
        }
        List<ResponseFields> declared = responseFields(site, problems);
        if (response instanceof ResponseTypes.Leaf) {
            if (!declared.isEmpty()) {
                problems.add(site, ResponseFields.class, "the method returns " + returned.getTypeName()
                        + ", which has no fields");
            }
            return null; // a string, number or date: no names to leave out
        }
        boolean rawReturn = raw(site.method().getReturnType());
        if (rawReturn && !declared.isEmpty()) {
            problems.add(site, ResponseFields.class, "the method returns " + returned.getTypeName()
                    + ", bytes or text that no list can filter");
        }
        boolean sse = sse(site);
        if (sse && !declared.isEmpty()) {
            problems.add(site, ResponseFields.class, SSE_PROBLEM);
        }
        List<String> notJson = notJson(site.produces());
        if (!sse && !rawReturn && !notJson.isEmpty() && !declared.isEmpty()) {
            problems.add(site, ResponseFields.class, "@Produces " + String.join(", ", notJson) + " is not JSON: that"
                    + " writer (text, XML, YAML) knows neither the allow-list nor @Sensitive (produce JSON only)");
        }
        if (declared.isEmpty() && response instanceof ResponseTypes.Bean bean) {
            declared = Arrays.asList(bean.type().getAnnotationsByType(ResponseFields.class));
        }
        SensitiveNames names = settings.sensitiveNames();
        List<ResponseView> views = new ArrayList<>();
        if (declared.size() > MAX_VIEWS) {
            problems.add(site, ResponseFields.class, declared.size() + " views; at most " + MAX_VIEWS);
        }
        for (ResponseFields f : declared) {
            ResponseView view = view(f, response, names, site, problems);
            if (view != null) {
                views.add(view);
            }
        }
        Set<String> heldBack = new TreeSet<>();
        Set<String> byName = new TreeSet<>();
        sensitive(response, "", names, heldBack, byName, new ArrayList<>());
        List<String> leaving = new ArrayList<>();
        List<String> findings = new ArrayList<>();
        String unknown = response instanceof ResponseTypes.Unknown u ? "type unknown at deployment (" + u.why() + ")"
                : null;
        if (views.isEmpty()) {
            leaving.add("no allow-list: " + (unknown != null ? unknown + ", the @Sensitive names of the classes it"
                    + " reaches and sensitive names held back" : String.join(", ", leaving(response, FieldPaths.ANY,
                    names))));
            if (response instanceof ResponseTypes.Bean || response instanceof ResponseTypes.MapOf) {
                findings.add("no allow-list (@ResponseFields): every field of " + typeName(response)
                        + " leaves");
            } else if (unknown != null && !rawReturn && !sse) {
                findings.add("no allow-list (@ResponseFields) and the entity is not known at deployment ("
                        + ((ResponseTypes.Unknown) response).why() + "): every field of whatever it returns leaves");
            }
            if (!sse && !rawReturn && !notJson.isEmpty()) {
                findings.add("written as " + String.join(", ", notJson) + " (@Produces) by a writer that knows"
                        + " neither allow-lists nor @Sensitive");
            }
        } else {
            for (ResponseView v : views) {
                leaving.add(v.who() + ": " + (unknown != null ? v.paths() + " (" + unknown + ")"
                        : String.join(", ", leaving(response, v.paths(), names))));
            }
        }
        if (!byName.isEmpty()) {
            findings.add("held back only because the names look sensitive: " + String.join(", ", byName)
                    + " (mark them @Sensitive, or list them in bulwark.exposure.sensitive-names-allowed)");
        }
        findings.addAll(lint(views, response, dev.bulwark.internal.authz.AccessRule.of(site).roles()));
        return new ExposurePolicy(views, names, heldBack, leaving, findings);
    }

    /**
     * The views a response entity's own class declares, for an entity the endpoint's declared type did not reveal
     * ({@code Response.ok(dto)}, {@code Object}, an asynchronous result): the class-level {@code @ResponseFields} of
     * the type it is written as (a collection's element type when its generic type is known), or of its nearest
     * superclass that declares some. Null when none does (the endpoint's policy applies as it is).
     *
     * @param written the type the entity is written as
     * @throws IllegalArgumentException when the class's views are wrong for it (the message lists what is wrong, as
     *                                  the deployment would have: the response is then refused, never written whole)
     */
    public ExposurePolicy ofEntity(Type written) {
        ResponseTypes.Node response = ResponseTypes.of(written);
        if (!(response instanceof ResponseTypes.Bean bean)) {
            return null;
        }
        ResponseFields[] declared = new ResponseFields[0];
        // the nearest class up the hierarchy that declares views: a subclass (an ORM's proxy, a variant with more
        // fields) is held to its parent's list, its own fields left out
        for (Class<?> c = bean.type(); c != null && c != Object.class && declared.length == 0; c = c.getSuperclass()) {
            declared = c.getAnnotationsByType(ResponseFields.class);
        }
        if (declared.length == 0) {
            return null;
        }
        List<String> wrong = new ArrayList<>();
        Problems collect = (site, annotation, problem) -> wrong.add(problem);
        if (declared.length > MAX_VIEWS) {
            wrong.add(declared.length + " views; at most " + MAX_VIEWS);
        }
        SensitiveNames names = settings.sensitiveNames();
        List<ResponseView> views = new ArrayList<>();
        for (ResponseFields f : declared) {
            ResponseView view = view(f, response, names, null, collect);
            if (view != null) {
                views.add(view);
            }
        }
        if (!wrong.isEmpty()) {
            throw new IllegalArgumentException("@ResponseFields of " + bean.type().getName() + ": "
                    + String.join("; ", wrong));
        }
        Set<String> heldBack = new TreeSet<>();
        sensitive(response, "", names, heldBack, new TreeSet<>(), new ArrayList<>());
        return new ExposurePolicy(views, names, heldBack, List.of(), List.of());
    }

    /**
     * What the views may have got wrong without being impossible: a path naming no property of the declared type (a
     * typo, a Java name where JSON-B writes another, or a subclass's property: only the last is legitimate, so it is a
     * finding, not a deployment problem), a path going on past a value that has no fields, a wildcard over an object's
     * properties (every property added later leaves), a view for a role the
     * endpoint's {@code @RolesAllowed} never lets in, and a role it lets in that no view matches (those callers get
     * every object empty).
     */
    static List<String> lint(List<ResponseView> views, ResponseTypes.Node response, Set<String> allowedRoles) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (ResponseView v : views) {
            for (String path : v.paths().paths()) {
                String unknown = unknownName(path, response);
                if (unknown != null && seen.add(path)) {
                    out.add(unknown);
                }
            }
        }
        if (allowedRoles.isEmpty() || allowedRoles.contains("**")) {
            return out;
        }
        Set<String> covered = new LinkedHashSet<>();
        boolean everyone = false;
        for (ResponseView v : views) {
            everyone |= v.anonymous() || v.roles().isEmpty();
            covered.addAll(v.roles());
            for (String role : v.roles()) {
                if (!allowedRoles.contains(role)) {
                    out.add("a view for role '" + role + "', which @RolesAllowed (" + String.join(", ",
                            new java.util.TreeSet<>(allowedRoles)) + ") never lets in: a typo?");
                }
            }
        }
        if (!views.isEmpty() && !everyone) {
            Set<String> uncovered = new java.util.TreeSet<>(allowedRoles);
            uncovered.removeAll(covered);
            if (!uncovered.isEmpty()) {
                out.add("callers in role " + String.join(", ", uncovered) + " match no view: every object they get is"
                        + " empty");
            }
        }
        return out;
    }

    /** The finding of a path that names no property of the declared type, or null. */
    static String unknownName(String path, ResponseTypes.Node response) {
        String[] segments = path.split("\\.");
        ResponseTypes.Node node = response;
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            if (node instanceof ResponseTypes.Bean bean) {
                if (s.equals(FieldPaths.WILDCARD)) {
                    return "'" + path + "' lets out every property of " + bean.type().getSimpleName() + " with '*',"
                            + " those added to it later included: name them ('*' is for a map's keys)";
                }
                ResponseTypes.Property p = bean.properties().get(s);
                if (p == null) {
                    java.util.TreeSet<String> leaving = new java.util.TreeSet<>();
                    bean.properties().forEach((name, property) -> {
                        if (!property.sensitive()) {
                            leaving.add(name);
                        }
                    });
                    return "'" + path + "' names no property of " + bean.type().getSimpleName() + " (its JSON names: "
                            + String.join(", ", leaving) + "): a typo, or a subclass's property?";
                }
                node = p.node();
            } else if (node instanceof ResponseTypes.MapOf map) {
                node = map.values();
            } else if (node instanceof ResponseTypes.Leaf) {
                return "'" + path + "' goes on past '" + String.join(".", Arrays.copyOf(segments, i))
                        + "', which has no fields: the whole value leaves";
            } else {
                return null; // not known at deployment
            }
        }
        return null;
    }

    /**
     * The method's views, following Jakarta REST annotation inheritance: the method's own, else those of the
     * superclass or interface method it inherits its JAX-RS annotations from, else its class's. A list on an
     * overridden method that is not inherited (the method declares its own JAX-RS annotations, so Jakarta REST
     * ignores the overridden method's) is a deployment problem rather than silently ignored.
     */
    static List<ResponseFields> responseFields(EndpointSite site, Problems problems) {
        java.lang.reflect.Method m = site.method();
        ResponseFields[] own = m.getAnnotationsByType(ResponseFields.class);
        if (own.length > 0) {
            return Arrays.asList(own);
        }
        if (site.annotated() != m) {
            ResponseFields[] inherited = site.annotated().getAnnotationsByType(ResponseFields.class);
            if (inherited.length > 0) {
                return Arrays.asList(inherited);
            }
        }
        java.lang.reflect.Method ignored = overriddenWithList(site.type(), m, site.annotated());
        if (ignored != null) {
            problems.add(site, ResponseFields.class, "@ResponseFields on " + ignored.getDeclaringClass().getName()
                    + "#" + ignored.getName() + " is not inherited (the method declares its own JAX-RS annotations):"
                    + " repeat it on " + site.name());
        }
        return site.annotations(ResponseFields.class);
    }

    /** A method the given one overrides that carries @ResponseFields, other than {@code annotated}; or null. */
    private static java.lang.reflect.Method overriddenWithList(Class<?> type, java.lang.reflect.Method method,
                                                               java.lang.reflect.Method annotated) {
        java.util.Set<Class<?>> visited = new java.util.HashSet<>();
        java.util.ArrayDeque<Class<?>> queue = new java.util.ArrayDeque<>();
        queue.add(type);
        while (!queue.isEmpty()) {
            Class<?> c = queue.poll();
            if (c == Object.class || !visited.add(c)) {
                continue;
            }
            try {
                java.lang.reflect.Method m = c.getDeclaredMethod(method.getName(), method.getParameterTypes());
                if (!m.equals(method) && !m.equals(annotated)
                        && m.getAnnotationsByType(ResponseFields.class).length > 0) {
                    return m;
                }
            } catch (NoSuchMethodException e) {
                // not declared here
            }
            if (c.getSuperclass() != null) {
                queue.add(c.getSuperclass());
            }
            queue.addAll(Arrays.asList(c.getInterfaces()));
        }
        return null;
    }

    /** Entities that are bytes or text already: a list has nothing to filter. JAX-RS types named, to keep it out. */
    static boolean raw(Class<?> type) {
        if (type == byte[].class || type == char[].class || java.io.InputStream.class.isAssignableFrom(type)
                || java.io.Reader.class.isAssignableFrom(type) || java.io.File.class.isAssignableFrom(type)
                || java.nio.file.Path.class.isAssignableFrom(type)) {
            return true;
        }
        return implementsNamed(type, "jakarta.ws.rs.core.StreamingOutput");
    }

    private static boolean implementsNamed(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(name)) {
                return true;
            }
            for (Class<?> i : c.getInterfaces()) {
                if (implementsNamed(i, name)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True for a server-sent events method: it takes {@code Sse} or {@code SseEventSink}, or produces events. */
    static boolean sse(EndpointSite site) {
        for (Class<?> p : site.method().getParameterTypes()) {
            if (p.getName().equals("jakarta.ws.rs.sse.SseEventSink") || p.getName().equals("jakarta.ws.rs.sse.Sse")) {
                return true;
            }
        }
        for (String p : site.produces()) {
            if (mediaType(p).equals("text/event-stream")) {
                return true;
            }
        }
        return false;
    }

    /** The media types of {@code @Produces} that are not JSON (wildcards and event streams left out). */
    static List<String> notJson(List<String> produces) {
        List<String> out = new ArrayList<>();
        for (String p : produces) {
            String t = mediaType(p);
            int slash = t.indexOf('/');
            String sub = slash < 0 ? t : t.substring(slash + 1);
            if (t.isEmpty() || t.startsWith("*") || sub.equals("*") || t.equals("text/event-stream")
                    || sub.equals("json") || sub.endsWith("+json")) {
                continue;
            }
            out.add(t);
        }
        return out;
    }

    private static String mediaType(String p) {
        int semi = p.indexOf(';');
        return (semi < 0 ? p : p.substring(0, semi)).trim().toLowerCase(java.util.Locale.ROOT);
    }

    /** True when the method takes a JAX-RS {@code AsyncResponse} (named, to keep JAX-RS out of this package). */
    static boolean asynchronous(EndpointSite site) {
        for (Class<?> p : site.method().getParameterTypes()) {
            if (p.getName().equals("jakarta.ws.rs.container.AsyncResponse")) {
                return true;
            }
        }
        return false;
    }

    private static String typeName(ResponseTypes.Node node) {
        return node instanceof ResponseTypes.Bean b ? b.type().getSimpleName() : "the map";
    }

    private static ResponseView view(ResponseFields f, ResponseTypes.Node response, SensitiveNames names,
                                     EndpointSite site, Problems problems) {
        boolean ok = true;
        if (f.value().length == 0) {
            problems.add(site, ResponseFields.class, "a view lists no path");
            ok = false;
        }
        if (f.anonymous() && (f.roles().length > 0 || f.scopes().length > 0)) {
            problems.add(site, ResponseFields.class, "an anonymous view is for every caller: it takes no roles"
                    + " or scopes");
            ok = false;
        }
        for (String r : concat(f.roles(), f.scopes())) {
            if (r.isBlank()) {
                problems.add(site, ResponseFields.class, "an empty role or scope");
                ok = false;
            }
        }
        for (String path : f.value()) {
            var problem = FieldPaths.problem(path);
            if (problem.isPresent()) {
                problems.add(site, ResponseFields.class, problem.get());
                ok = false;
                continue;
            }
            String wrong = check(path, response, names);
            if (wrong != null) {
                problems.add(site, ResponseFields.class, wrong);
                ok = false;
            }
        }
        if (!ok) {
            return null;
        }
        return new ResponseView(FieldPaths.of(Arrays.asList(f.value())), new LinkedHashSet<>(List.of(f.roles())),
                new LinkedHashSet<>(List.of(f.scopes())), f.anonymous());
    }

    private static List<String> concat(String[] a, String[] b) {
        List<String> out = new ArrayList<>(List.of(a));
        out.addAll(List.of(b));
        return out;
    }

    /** What is wrong with a path against the response type, or null. */
    static String check(String path, ResponseTypes.Node response, SensitiveNames names) {
        String[] segments = path.split("\\.");
        ResponseTypes.Node node = response;
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            ResponseTypes.Property p = node instanceof ResponseTypes.Bean bean && !s.equals(FieldPaths.WILDCARD)
                    ? bean.properties().get(s) : null;
            if (p != null && p.sensitive()) {
                return "'" + path + "' names " + ((ResponseTypes.Bean) node).type().getSimpleName() + "." + s
                        + ", which is @Sensitive and never leaves";
            }
            if (!s.equals(FieldPaths.WILDCARD) && names.sensitive(s)) {
                return "'" + path + "' names '" + s + "', which looks sensitive and never leaves (list it in"
                        + " bulwark.exposure.sensitive-names-allowed if it must)";
            }
            if (node instanceof ResponseTypes.Bean) {
                node = p == null ? null : p.node();
            } else if (node instanceof ResponseTypes.MapOf map) {
                node = map.values();
            } else {
                node = null; // unknown, a cycle's class is checked where it first appears
            }
        }
        if (node instanceof ResponseTypes.Bean || node instanceof ResponseTypes.MapOf) {
            String example = node instanceof ResponseTypes.Bean b && !b.properties().isEmpty()
                    ? path + "." + b.properties().keySet().iterator().next() : path + ".*";
            return "'" + path + "' names an object, which would be written empty: name the fields it may"
                    + " return (such as '" + example + "')";
        }
        return null;
    }

    /** The paths of the response type a view lets out (sensitive ones never). */
    static List<String> leaving(ResponseTypes.Node node, FieldPaths view, SensitiveNames names) {
        List<String> out = new ArrayList<>();
        leaving(node, view, names, "", out, 0);
        return out;
    }

    private static void leaving(ResponseTypes.Node node, FieldPaths view, SensitiveNames names, String prefix,
                                List<String> out, int depth) {
        if (node instanceof ResponseTypes.Bean bean) {
            for (ResponseTypes.Property p : bean.properties().values()) {
                FieldPaths child = view.named(p.name());
                if (child == null && view.other() != null && !names.sensitive(p.name())) {
                    child = view.other();
                }
                if (child == null || p.sensitive()) {
                    continue;
                }
                String path = prefix.isEmpty() ? p.name() : prefix + "." + p.name();
                if (p.node() instanceof ResponseTypes.Bean || p.node() instanceof ResponseTypes.MapOf) {
                    if (depth < ResponseTypes.MAX_DEPTH) {
                        leaving(p.node(), child, names, path, out, depth + 1);
                    }
                } else {
                    out.add(path);
                }
            }
        } else if (node instanceof ResponseTypes.MapOf map && view.other() != null) {
            String path = prefix.isEmpty() ? FieldPaths.WILDCARD : prefix + "." + FieldPaths.WILDCARD;
            if (map.values() instanceof ResponseTypes.Bean || map.values() instanceof ResponseTypes.MapOf) {
                leaving(map.values(), view.other(), names, path, out, depth + 1);
            } else {
                out.add(path);
            }
        }
    }

    /** The @Sensitive JSON names and the names held back only by their looks, anywhere in the type. */
    private static void sensitive(ResponseTypes.Node node, String prefix, SensitiveNames names, Set<String> annotated,
                                  Set<String> byName, List<Class<?>> seen) {
        if (node instanceof ResponseTypes.Bean bean) {
            if (seen.contains(bean.type())) {
                return;
            }
            seen.add(bean.type());
            // whatever the visibility the class declares: a field-access class's private @Sensitive field too
            annotated.addAll(ResponseTypes.sensitiveJsonNames(bean.type()));
            for (ResponseTypes.Property p : bean.properties().values()) {
                String path = prefix.isEmpty() ? p.name() : prefix + "." + p.name();
                if (p.sensitive()) {
                    annotated.add(p.name());
                } else if (names.sensitive(p.name())) {
                    byName.add(path);
                } else {
                    sensitive(p.node(), path, names, annotated, byName, seen);
                }
            }
        } else if (node instanceof ResponseTypes.MapOf map) {
            sensitive(map.values(), prefix.isEmpty() ? "*" : prefix + ".*", names, annotated, byName, seen);
        }
    }
}
