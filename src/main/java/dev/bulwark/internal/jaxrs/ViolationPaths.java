package dev.bulwark.internal.jaxrs;

import dev.bulwark.internal.errors.Problem;
import dev.bulwark.internal.resources.JaxRsParameters;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns a Bean Validation violation into what a client may see: where the input was (body, path, query, header,
 * cookie, form, matrix), the field path inside it, and the constraint message. The rejected value is never
 * included, and a message whose template interpolates the value is replaced by a generic one.
 */
final class ViolationPaths {

    private static final Pattern LEAKY_TEMPLATE = Pattern.compile("\\$\\{\\s*validatedValue");
    static final String GENERIC_MESSAGE = "is invalid";

    Problem.FieldError describe(ConstraintViolation<?> v) {
        String in = "body";
        List<String> parts = new ArrayList<>();
        Path.MethodNode methodNode = null;
        for (Path.Node node : v.getPropertyPath()) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR) {
                if (kind == ElementKind.METHOD) {
                    methodNode = node.as(Path.MethodNode.class);
                }
                continue;
            }
            if (kind == ElementKind.PARAMETER) {
                Path.ParameterNode p = node.as(Path.ParameterNode.class);
                String[] source = parameterSource(v.getRootBeanClass(), methodNode, p.getParameterIndex());
                in = source[0];
                if (source[1] != null) {
                    parts.add(source[1]);
                }
                continue;
            }
            if (kind == ElementKind.CROSS_PARAMETER) {
                in = "parameters";
                continue;
            }
            String name = node.getName();
            StringBuilder part = new StringBuilder(name == null ? "" : name);
            if (node.getIndex() != null) {
                part.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                // Map keys come from the client; do not echo them.
                part.append("[]");
            }
            if (part.length() > 0) {
                parts.add(part.toString());
            }
        }
        String field = parts.isEmpty() ? "" : String.join(".", parts);
        return new Problem.FieldError(in, field, message(v));
    }

    private static String message(ConstraintViolation<?> v) {
        String template = v.getMessageTemplate();
        String message = v.getMessage();
        if (message == null || (template != null && LEAKY_TEMPLATE.matcher(template).find())) {
            return GENERIC_MESSAGE;
        }
        return message;
    }

    /** Returns {where, name}: the JAX-RS parameter source and its name, or {"body", null} for an entity. */
    private static String[] parameterSource(Class<?> rootClass, Path.MethodNode methodNode, int index) {
        Method method = methodNode == null ? null : find(rootClass, methodNode);
        if (method == null || index < 0 || index >= method.getParameterCount()) {
            return new String[] {"parameters", null};
        }
        for (Annotation a : method.getParameterAnnotations()[index]) {
            String name = JaxRsParameters.name(a);
            if (name != null) {
                return new String[] {JaxRsParameters.source(a), name};
            }
        }
        return new String[] {"body", null};
    }

    private static Method find(Class<?> type, Path.MethodNode node) {
        Class<?>[] params = node.getParameterTypes().toArray(new Class<?>[0]);
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                return c.getDeclaredMethod(node.getName(), params);
            } catch (NoSuchMethodException e) {
                // keep looking up the hierarchy
            }
        }
        return null;
    }
}
