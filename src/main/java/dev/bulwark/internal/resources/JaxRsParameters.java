package dev.bulwark.internal.resources;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * The one table of the JAX-RS parameter annotations Bulwark knows: which part of the request each binds (for the
 * field paths of problems and the ownership check), and which parameter is therefore the entity (the one that
 * carries none of them).
 */
public final class JaxRsParameters {

    /** Annotation to the part of the request it binds; {@code bean} and {@code context} name no single value. */
    private static final Map<Class<? extends Annotation>, String> SOURCES = Map.of(PathParam.class, "path",
            QueryParam.class, "query", HeaderParam.class, "header", CookieParam.class, "cookie", FormParam.class,
            "form", MatrixParam.class, "matrix", BeanParam.class, "bean", Context.class, "context",
            Suspended.class, "context");

    private JaxRsParameters() {
    }

    /** The part of the request an annotation binds ("path", "query", ...), or null when it is no JAX-RS one. */
    public static String source(Annotation a) {
        return SOURCES.get(a.annotationType());
    }

    /** The name a parameter annotation binds ({@code @QueryParam("id")}: "id"), or null when it names none. */
    public static String name(Annotation a) {
        if (a instanceof PathParam p) {
            return p.value();
        }
        if (a instanceof QueryParam q) {
            return q.value();
        }
        if (a instanceof HeaderParam h) {
            return h.value();
        }
        if (a instanceof CookieParam c) {
            return c.value();
        }
        if (a instanceof FormParam f) {
            return f.value();
        }
        return a instanceof MatrixParam m ? m.value() : null;
    }

    /** The index of the parameter bound to {@code source} and {@code name} ("path", "id"), or -1. */
    public static int find(Method method, String source, String name) {
        Annotation[][] annotations = method.getParameterAnnotations();
        for (int i = 0; i < annotations.length; i++) {
            for (Annotation a : annotations[i]) {
                if (source.equals(source(a)) && name.equals(name(a))) {
                    return i;
                }
            }
        }
        return -1;
    }

    /**
     * True for a method the JAX-RS runtime calls to inject a request value (a property setter carrying
     * {@code @QueryParam}, {@code @HeaderParam}, {@code @Context} ...): not a business method.
     */
    public static boolean isInjectionSetter(Method method) {
        for (Annotation a : method.getAnnotations()) {
            if (SOURCES.containsKey(a.annotationType())) {
                return true;
            }
        }
        return false;
    }

    /** The index of the entity parameter (the one no JAX-RS annotation binds), or -1 when the method takes none. */
    public static int entity(Method method) {
        Annotation[][] annotations = method.getParameterAnnotations();
        for (int i = 0; i < annotations.length; i++) {
            boolean bound = false;
            for (Annotation a : annotations[i]) {
                bound |= SOURCES.containsKey(a.annotationType());
            }
            if (!bound) {
                return i;
            }
        }
        return -1;
    }
}
