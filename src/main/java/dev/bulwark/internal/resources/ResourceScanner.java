package dev.bulwark.internal.resources;

import dev.bulwark.internal.pipeline.EndpointSite;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the endpoint inventory from the classes a deployment holds, following the Jakarta REST rules: class and
 * method {@code @Path}, HTTP method annotations (including custom ones meta-annotated with {@code @HttpMethod}),
 * {@code @Consumes}/{@code @Produces} on the method or else the class, annotations inherited from a superclass or
 * interface method, and sub-resource locators followed into the type they return. Each resource method becomes an
 * {@link EndpointSite} with what only JAX-RS knows (path, media types, which parameter is the entity), for the
 * concerns' resolvers to read.
 */
public final class ResourceScanner {

    private static final int MAX_LOCATOR_DEPTH = 8;

    /** One JAX-RS application: its path and the resource classes it serves. */
    public record App(String applicationPath, Collection<Class<?>> resources) {
    }

    /**
     * Works out which resources each application serves. An application that returns classes from
     * {@code getClasses()} serves those; one that returns none serves every scanned resource class.
     */
    public static List<App> applications(Collection<Class<?>> candidates) {
        List<Class<?>> resources = new ArrayList<>();
        List<Class<?>> applications = new ArrayList<>();
        for (Class<?> c : candidates) {
            if (Application.class.isAssignableFrom(c) && c != Application.class) {
                if (c.isAnnotationPresent(ApplicationPath.class) && !Modifier.isAbstract(c.getModifiers())) {
                    applications.add(c);
                }
            } else if (resourcePath(c) != null && (!c.isInterface() || hasNoImplementation(c, candidates))) {
                resources.add(c);
            }
        }
        applications.sort(Comparator.comparing(Class::getName));
        List<App> apps = new ArrayList<>();
        for (Class<?> app : applications) {
            Set<Class<?>> declared = declaredClasses(app);
            List<Class<?>> served = declared.isEmpty() ? resources
                    : declared.stream().filter(c -> resourcePath(c) != null).toList();
            apps.add(new App(app.getAnnotation(ApplicationPath.class).value(), served));
        }
        return apps;
    }

    private static boolean hasNoImplementation(Class<?> iface, Collection<Class<?>> candidates) {
        return candidates.stream().noneMatch(c -> c != iface && iface.isAssignableFrom(c));
    }

    /** The Jakarta REST 3.1 property that turns off service loading of features (Bulwark's included). */
    static final String LOAD_SERVICES = "jakarta.ws.rs.loadServices";

    /**
     * The applications among {@code candidates} that turn off service loading ({@code getProperties()} sets
     * {@code jakarta.ws.rs.loadServices} to false) without registering {@code featureClass} themselves: JAX-RS
     * would load none of Bulwark's per-method controls for them.
     */
    public static List<String> withoutFeature(Collection<Class<?>> candidates, Class<?> featureClass) {
        List<String> unprotected = new ArrayList<>();
        for (Class<?> c : candidates) {
            if (!Application.class.isAssignableFrom(c) || c == Application.class
                    || Modifier.isAbstract(c.getModifiers())) {
                continue;
            }
            try {
                Application app = (Application) c.getDeclaredConstructor().newInstance();
                Map<String, Object> properties = app.getProperties();
                Object load = properties == null ? null : properties.get(LOAD_SERVICES);
                Set<Class<?>> classes = app.getClasses();
                if ((Boolean.FALSE.equals(load) || "false".equalsIgnoreCase(String.valueOf(load)))
                        && (classes == null || !classes.contains(featureClass))) {
                    unprotected.add(c.getName());
                }
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                // an application Bulwark cannot instantiate is one the container cannot either
            }
        }
        unprotected.sort(Comparator.naturalOrder());
        return unprotected;
    }

    /** Classes from an application's getClasses() override; an empty set when it does not override it. */
    private static Set<Class<?>> declaredClasses(Class<?> appClass) {
        try {
            Method m = appClass.getMethod("getClasses");
            if (m.getDeclaringClass() == Application.class) {
                return Set.of();
            }
            Application app = (Application) appClass.getDeclaredConstructor().newInstance();
            Set<Class<?>> classes = app.getClasses();
            return classes == null ? Set.of() : new LinkedHashSet<>(classes);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return Set.of();
        }
    }

    /** Every resource method of the applications, sorted by path template, then HTTP method. */
    public List<EndpointSite> sites(String contextPath, List<App> apps) {
        List<EndpointSite> sites = new ArrayList<>();
        for (App app : apps) {
            String base = join(contextPath, app.applicationPath());
            for (Class<?> resource : app.resources()) {
                Class<?> annotated = resourcePath(resource);
                scanType(resource, join(base, annotated.getAnnotation(Path.class).value()),
                        mediaTypes(annotated.getAnnotation(Consumes.class)),
                        mediaTypes(annotated.getAnnotation(Produces.class)), sites, new ArrayList<>());
            }
        }
        sites.sort(Comparator.comparing(EndpointSite::path).thenComparing(EndpointSite::httpMethod));
        return List.copyOf(sites);
    }

    /**
     * The site of one resource method as the JAX-RS runtime matched it (for a resource the scan did not see, such as
     * one registered by an application's {@code getSingletons()} only): no path, the media types of its annotations.
     */
    public static EndpointSite site(Class<?> resource, Method method) {
        Method annotated = annotatedMethod(resource, method);
        Method source = annotated == null ? method : annotated;
        Consumes consumes = source.getAnnotation(Consumes.class);
        Produces produces = source.getAnnotation(Produces.class);
        return new EndpointSite(EndpointSite.Kind.RESOURCE, resource, method, source, httpMethod(source), null,
                consumes != null ? mediaTypes(consumes) : mediaTypes(resource.getAnnotation(Consumes.class)),
                produces != null ? mediaTypes(produces) : mediaTypes(resource.getAnnotation(Produces.class)),
                entityType(source));
    }

    /** True for a JAX-RS resource class: it, a superclass or an interface carries {@code @Path}. */
    public static boolean isResource(Class<?> type) {
        return resourcePath(type) != null;
    }

    /**
     * True for a class JAX-RS can serve requests with: a root resource, or a sub-resource (a class a locator
     * returns: no {@code @Path} of its own, but methods with HTTP method or {@code @Path} annotations).
     */
    public static boolean servesRequests(Class<?> type) {
        if (isResource(type)) {
            return true;
        }
        for (Method m : type.getMethods()) {
            if (m.getDeclaringClass() != Object.class && annotatedMethod(type, m) != null) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code method} of {@code type} is a sub-resource locator: {@code @Path} and no HTTP method. */
    public static boolean isLocator(Class<?> type, Method method) {
        Method annotated = annotatedMethod(type, method);
        return annotated != null && annotated.isAnnotationPresent(Path.class) && httpMethod(annotated) == null;
    }

    /**
     * The class carrying the resource's {@code @Path}: the class itself, else the nearest superclass or interface
     * that has one (a resource implementing an annotated interface). Null when it is not a root resource.
     */
    public static Class<?> resourcePath(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (c.isAnnotationPresent(Path.class)) {
                return c;
            }
            for (Class<?> i : c.getInterfaces()) {
                if (i.isAnnotationPresent(Path.class)) {
                    return i;
                }
            }
        }
        return null;
    }

    /**
     * Lists the resource methods of {@code type} below {@code base}. {@code locatorChain} holds the types already
     * entered through sub-resource locators on this path: a type may recur once (a self-returning locator shows one
     * level), never more, so recursive locators cannot loop.
     */
    private void scanType(Class<?> type, String base, List<String> classConsumes, List<String> classProduces,
                          List<EndpointSite> out, List<Class<?>> locatorChain) {
        if (locatorChain.size() > MAX_LOCATOR_DEPTH || locatorChain.stream().filter(type::equals).count() > 2) {
            return;
        }
        Method[] methods = type.getMethods();
        Arrays.sort(methods, Comparator.comparing(Method::getName).thenComparing(Method::toGenericString));
        for (Method method : methods) {
            if (method.isBridge() || method.isSynthetic() || method.getDeclaringClass() == Object.class) {
                continue;
            }
            Method annotated = annotatedMethod(type, method);
            if (annotated == null) {
                continue;
            }
            Path methodPath = annotated.getAnnotation(Path.class);
            String path = methodPath == null ? base : join(base, methodPath.value());
            String httpMethod = httpMethod(annotated);
            Consumes consumes = annotated.getAnnotation(Consumes.class);
            Produces produces = annotated.getAnnotation(Produces.class);
            List<String> c = consumes == null ? classConsumes : mediaTypes(consumes);
            List<String> p = produces == null ? classProduces : mediaTypes(produces);
            if (httpMethod != null) {
                out.add(new EndpointSite(EndpointSite.Kind.RESOURCE, type, method, annotated, httpMethod, path, c, p,
                        entityType(annotated)));
            } else if (methodPath != null) {
                Class<?> sub = method.getReturnType();
                List<Class<?>> chain = new ArrayList<>(locatorChain);
                chain.add(sub);
                scanType(sub, path, mediaTypes(sub.getAnnotation(Consumes.class)),
                        mediaTypes(sub.getAnnotation(Produces.class)), out, chain);
            }
        }
    }

    /** The generic type of the entity parameter, or null when the method takes no body. */
    static Type entityType(Method method) {
        int entity = JaxRsParameters.entity(method);
        return entity < 0 ? null : method.getGenericParameterTypes()[entity];
    }

    /**
     * The method that carries the JAX-RS annotations for {@code method}: itself if it has any, else the first
     * superclass or interface method with the same signature that has them (Jakarta REST annotation inheritance).
     */
    private static Method annotatedMethod(Class<?> type, Method method) {
        if (hasJaxRsAnnotation(method)) {
            return method;
        }
        Set<Class<?>> visited = new HashSet<>();
        List<Class<?>> queue = new ArrayList<>();
        queue.add(type);
        while (!queue.isEmpty()) {
            Class<?> c = queue.remove(0);
            if (c == null || c == Object.class || !visited.add(c)) {
                continue;
            }
            try {
                Method m = c.getDeclaredMethod(method.getName(), method.getParameterTypes());
                if (hasJaxRsAnnotation(m)) {
                    return m;
                }
            } catch (NoSuchMethodException e) {
                // not declared here
            }
            queue.add(c.getSuperclass());
            queue.addAll(Arrays.asList(c.getInterfaces()));
        }
        return null;
    }

    private static boolean hasJaxRsAnnotation(Method m) {
        return m.isAnnotationPresent(Path.class) || httpMethod(m) != null;
    }

    private static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod hm = a.annotationType().getAnnotation(HttpMethod.class);
            if (hm != null) {
                return hm.value();
            }
        }
        return null;
    }

    private static List<String> mediaTypes(Consumes c) {
        return c == null ? List.of() : split(c.value());
    }

    private static List<String> mediaTypes(Produces p) {
        return p == null ? List.of() : split(p.value());
    }

    private static List<String> split(String[] values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    /** Joins path segments with exactly one slash between them; the result starts with '/' and has no trailing one. */
    public static String join(String base, String segment) {
        String a = trimSlashes(base);
        String b = trimSlashes(segment);
        String joined = a.isEmpty() ? b : b.isEmpty() ? a : a + "/" + b;
        return "/" + joined;
    }

    private static String trimSlashes(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '/') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '/') {
            end--;
        }
        return s.substring(start, end);
    }
}
