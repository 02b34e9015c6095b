package dev.bulwark.internal.pipeline;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Where Bulwark reads an endpoint's annotations: a JAX-RS resource method, or a method of a CDI bean whose
 * Bulwark interceptors run. The adapter that finds the site (the resource scanner, the CDI extension) fills in what
 * only it knows (path, media types, entity parameter); the resolvers of each concern read annotations only
 * through {@link #holder} and {@link #annotation}, so that "the method's annotations replace the class's" is
 * decided here and nowhere else.
 *
 * @param kind       a resource method or a bean method
 * @param type       the resource class, or the bean class
 * @param method     the Java method as found on {@code type}
 * @param annotated  the method carrying its JAX-RS annotations (may be inherited from a supertype); {@code method}
 *                   for a bean
 * @param httpMethod the HTTP method, null for a bean method
 * @param path       the full path template (context root included), null for a bean method
 * @param consumes   the media types of {@code @Consumes} (method, else class)
 * @param produces   the media types of {@code @Produces} (method, else class)
 * @param entity     the type of the entity (request body) parameter, or null when the method takes no body
 */
public record EndpointSite(Kind kind, Class<?> type, Method method, Method annotated, String httpMethod, String path,
                           List<String> consumes, List<String> produces, Type entity) {

    /** What kind of method an endpoint is. */
    public enum Kind {
        /** A JAX-RS resource method, as the JAX-RS runtime dispatches it (its filters guard it). */
        RESOURCE,
        /** A method of a CDI bean, guarded by Bulwark's interceptors whoever calls it. */
        BEAN,
        /**
         * A method of a JAX-RS resource class called as a CDI bean (injected into another class), not dispatched
         * by JAX-RS: guarded by the interceptors like a bean's, with what a bean can have.
         */
        RESOURCE_BEAN
    }

    public EndpointSite {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(method, "method");
        annotated = annotated == null ? method : annotated;
        consumes = List.copyOf(consumes);
        produces = List.copyOf(produces);
    }

    /** A CDI bean method. */
    public static EndpointSite bean(Class<?> beanClass, Method method) {
        return new EndpointSite(Kind.BEAN, beanClass, method, method, null, null, List.of(), List.of(), null);
    }

    /** A method of a resource class called as a CDI bean. */
    public static EndpointSite resourceBean(Class<?> resourceClass, Method method) {
        return new EndpointSite(Kind.RESOURCE_BEAN, resourceClass, method, method, null, null, List.of(),
                List.of(), null);
    }

    /** True for a method guarded by the bean interceptors (a bean's, or a resource class's called as a bean). */
    public boolean intercepted() {
        return kind != Kind.RESOURCE;
    }

    /**
     * The application's class behind a class the container made of it (a client proxy or an interceptor subclass,
     * whose names carry {@code $$}: Weld's {@code $Proxy$_$$_Weld...}, OpenWebBeans' {@code $$Owb...}).
     */
    public static Class<?> userClass(Class<?> type) {
        Class<?> c = type;
        while (c.getName().contains("$$") && c.getSuperclass() != null && c.getSuperclass() != Object.class) {
            c = c.getSuperclass();
        }
        return c;
    }

    /** The endpoint's name in every message and log line: {@code com.example.Orders#create}. */
    public String name() {
        return name(type, method);
    }

    /** The one way Bulwark names a Java method. */
    public static String name(Class<?> type, Method method) {
        return type.getName() + "#" + method.getName();
    }

    /**
     * Where the annotations of one group are read, with the method-over-class rule: the method when it carries any
     * of the group, else a class carrying any of them, else null. For a resource method that class is the resource
     * class JAX-RS dispatches to (what {@code ResourceInfo.getResourceClass()} names). For an intercepted method it
     * is, as Jakarta Annotations says, the class that declares the method or its nearest superclass carrying any;
     * failing those, the nearest class from the bean class down to the declaring one (a subclass's class-level
     * decision then covers the methods it inherits undecided: fail closed).
     */
    @SafeVarargs
    @SuppressWarnings("varargs") // the group is only read
    public final AnnotatedElement holder(Class<? extends Annotation>... group) {
        if (carriesAny(method, group)) {
            return method;
        }
        if (kind == Kind.RESOURCE) {
            return carriesAny(type, group) ? type : null;
        }
        Class<?> declaring = method.getDeclaringClass();
        for (Class<?> c = declaring; c != null && c != Object.class; c = c.getSuperclass()) {
            if (carriesAny(c, group)) {
                return c;
            }
        }
        for (Class<?> c = type; c != null && c != declaring && c != Object.class; c = c.getSuperclass()) {
            if (carriesAny(c, group)) {
                return c;
            }
        }
        return null;
    }

    /** One annotation, the method's replacing the class's; null when neither carries it. */
    public <A extends Annotation> A annotation(Class<A> annotation) {
        AnnotatedElement holder = holder(annotation);
        return holder == null ? null : holder.getAnnotation(annotation);
    }

    /** A repeatable annotation: the method's occurrences replace the class's; empty when neither carries any. */
    public <A extends Annotation> List<A> annotations(Class<A> annotation) {
        A[] found = method.getAnnotationsByType(annotation);
        if (found.length == 0) {
            AnnotatedElement holder = holder(annotation, container(annotation));
            found = holder == null ? found : holder.getAnnotationsByType(annotation);
        }
        return Arrays.asList(found);
    }

    /** Where the annotation sits, for messages: the method's name, else the class's. */
    public String where(Class<? extends Annotation> annotation) {
        AnnotatedElement holder = holder(annotation, container(annotation));
        return holder instanceof Class<?> c ? c.getName() : name();
    }

    private static Class<? extends Annotation> container(Class<? extends Annotation> annotation) {
        java.lang.annotation.Repeatable repeatable = annotation.getAnnotation(java.lang.annotation.Repeatable.class);
        return repeatable == null ? annotation : repeatable.value();
    }

    private static boolean carriesAny(AnnotatedElement element, Class<? extends Annotation>[] group) {
        for (Class<? extends Annotation> a : group) {
            if (element.isAnnotationPresent(a)) {
                return true;
            }
        }
        return false;
    }
}
