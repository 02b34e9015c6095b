package dev.bulwark.internal.exposure;

import dev.bulwark.api.Sensitive;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.json.bind.annotation.JsonbTypeAdapter;
import jakarta.json.bind.annotation.JsonbTypeSerializer;
import jakarta.json.bind.annotation.JsonbVisibility;
import jakarta.json.bind.config.PropertyVisibilityStrategy;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;

/**
 * What JSON-B would write for a Java type, read at deployment as JSON-B's default mapping reads it: public fields
 * and getters (and record components), superclasses included, {@code @JsonbProperty} names, {@code @JsonbTransient}
 * left out; collections, arrays, {@code Optional} and {@code CompletionStage} add no level, a map's keys are names
 * ({@code *}); type variables resolved through the generic type ({@code Page<Customer>}). A class (or its package)
 * declaring {@code @JsonbVisibility} is read by that strategy (field access: private fields too). A class met again on the
 * way down is a cycle and stops there, and so does a depth of {@value #MAX_DEPTH}. What the mapping cannot know
 * (an {@code Object}, an interface, a {@code Response}, a custom adapter's output) is {@link Unknown}.
 */
public final class ResponseTypes {

    static final int MAX_DEPTH = 12;

    /** What one JSON value of a type is. */
    public sealed interface Node permits Leaf, Unknown, Bean, MapOf, Cycle {
    }

    /** A string, number, boolean, date or enum. */
    public record Leaf() implements Node {
    }

    /** A value whose members cannot be known at deployment. */
    public record Unknown(String why) implements Node {
    }

    /** An object with named properties. */
    public record Bean(Class<?> type, Map<String, Property> properties) implements Node {
    }

    /** A map: any key, each value of {@code values}. */
    public record MapOf(Node values) implements Node {
    }

    /** A class already being written further up: its properties are those above. */
    public record Cycle(Class<?> type) implements Node {
    }

    /** One property as JSON-B writes it: its JSON name, its value, and whether it is {@link Sensitive}. */
    public record Property(String name, Node node, boolean sensitive) {
    }

    private ResponseTypes() {
    }

    /** The node of a (generic) type. */
    public static Node of(Type type) {
        return node(type, Map.of(), new ArrayList<>());
    }

    private static Node node(Type type, Map<TypeVariable<?>, Type> bindings, List<Class<?>> path) {
        if (type instanceof TypeVariable<?> v) {
            Type bound = bindings.get(v);
            return bound == null ? new Unknown("type variable " + v.getName()) : node(bound, Map.of(), path);
        }
        if (type instanceof WildcardType w) {
            Type[] upper = w.getUpperBounds();
            return upper.length == 1 ? node(upper[0], bindings, path) : new Unknown(w.toString());
        }
        if (type instanceof GenericArrayType a) {
            return node(a.getGenericComponentType(), bindings, path);
        }
        Class<?> raw = raw(type);
        if (raw == null) {
            return new Unknown(type.getTypeName());
        }
        Type[] args = type instanceof ParameterizedType p ? resolve(p.getActualTypeArguments(), bindings) : new Type[0];
        if (raw.isArray()) {
            return node(raw.getComponentType(), bindings, path);
        }
        if (Collection.class.isAssignableFrom(raw) || Optional.class == raw || CompletionStage.class.isAssignableFrom(raw)
                || Iterable.class.isAssignableFrom(raw)) {
            return args.length == 1 ? node(args[0], Map.of(), path) : new Unknown(raw.getName() + " of unknown elements");
        }
        if (Map.class.isAssignableFrom(raw)) {
            return new MapOf(args.length == 2 ? node(args[1], Map.of(), path) : new Unknown("map of unknown values"));
        }
        if (leaf(raw)) {
            return new Leaf();
        }
        if (raw == Object.class || raw.isInterface() || raw.getName().startsWith("java.")
                || raw.getName().startsWith("jakarta.")) {
            return new Unknown(raw.getName());
        }
        if (path.contains(raw)) {
            return new Cycle(raw);
        }
        if (path.size() >= MAX_DEPTH) {
            return new Unknown("deeper than " + MAX_DEPTH + " levels");
        }
        path.add(raw);
        try {
            return bean(raw, bindings(raw, args), path);
        } finally {
            path.remove(path.size() - 1);
        }
    }

    private static Type[] resolve(Type[] args, Map<TypeVariable<?>, Type> bindings) {
        Type[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof TypeVariable<?> v && bindings.containsKey(v)) {
                out[i] = bindings.get(v);
            }
        }
        return out;
    }

    private static Map<TypeVariable<?>, Type> bindings(Class<?> raw, Type[] args) {
        Map<TypeVariable<?>, Type> out = new HashMap<>();
        TypeVariable<?>[] params = raw.getTypeParameters();
        for (int i = 0; i < params.length && i < args.length; i++) {
            out.put(params[i], args[i]);
        }
        // the bindings of the superclasses, as the class declares them
        Class<?> c = raw;
        while (c.getSuperclass() != null && c.getSuperclass() != Object.class) {
            if (c.getGenericSuperclass() instanceof ParameterizedType p) {
                Type[] superArgs = resolve(p.getActualTypeArguments(), out);
                TypeVariable<?>[] superParams = c.getSuperclass().getTypeParameters();
                for (int i = 0; i < superParams.length && i < superArgs.length; i++) {
                    out.put(superParams[i], superArgs[i]);
                }
            }
            c = c.getSuperclass();
        }
        return out;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return null;
    }

    static boolean leaf(Class<?> raw) {
        return raw.isPrimitive() || raw.isEnum() || Number.class.isAssignableFrom(raw) || raw == Boolean.class
                || raw == Character.class || CharSequence.class.isAssignableFrom(raw)
                || java.time.temporal.TemporalAccessor.class.isAssignableFrom(raw)
                || java.time.temporal.TemporalAmount.class.isAssignableFrom(raw)
                || java.util.Date.class.isAssignableFrom(raw) || java.util.Calendar.class.isAssignableFrom(raw)
                || java.util.TimeZone.class.isAssignableFrom(raw) || raw == java.time.ZoneId.class
                || raw == java.util.UUID.class || raw == java.net.URI.class || raw == java.net.URL.class
                || raw == java.util.OptionalInt.class || raw == java.util.OptionalLong.class
                || raw == java.util.OptionalDouble.class || raw == java.util.Locale.class;
    }

    private static Bean bean(Class<?> raw, Map<TypeVariable<?>, Type> bindings, List<Class<?>> path) {
        Map<String, Property> properties = new LinkedHashMap<>();
        List<Class<?>> hierarchy = new ArrayList<>();
        for (Class<?> c = raw; c != null && c != Object.class; c = c.getSuperclass()) {
            hierarchy.add(0, c);
        }
        for (Class<?> c : hierarchy) {
            Map<String, RecordComponent> components = new HashMap<>();
            if (c.isRecord()) {
                for (RecordComponent rc : c.getRecordComponents()) {
                    components.put(rc.getName(), rc);
                }
            }
            for (Field f : c.getDeclaredFields()) {
                int m = f.getModifiers();
                if (Modifier.isStatic(m) || Modifier.isTransient(m) || f.isSynthetic()) {
                    continue;
                }
                Method getter = getter(raw, f.getName(), components.containsKey(f.getName()));
                PropertyVisibilityStrategy declared = declaredVisibility(c);
                boolean readable = declared != null
                        ? visible(declared, f) || getter != null && visible(declared, getter)
                        : Modifier.isPublic(m) || getter != null;
                if (!readable || transientProperty(f, getter)) {
                    continue;
                }
                Type type = getter != null ? getter.getGenericReturnType() : f.getGenericType();
                properties.put(f.getName(), new Property(jsonName(f.getName(), f, getter),
                        custom(f, getter) ? new Unknown("custom adapter or serializer") : node(type, bindings, path),
                        sensitive(f, getter)));
            }
        }
        // getters without a field
        for (Method m : raw.getMethods()) {
            String property = propertyName(m);
            if (property == null || properties.containsKey(property) || m.getDeclaringClass() == Object.class
                    || m.isAnnotationPresent(JsonbTransient.class)) {
                continue;
            }
            properties.put(property, new Property(jsonName(property, null, m),
                    custom(null, m) ? new Unknown("custom adapter or serializer") : node(m.getGenericReturnType(),
                            bindings, path), m.isAnnotationPresent(Sensitive.class)));
        }
        Map<String, Property> byJsonName = new LinkedHashMap<>();
        for (Property p : properties.values()) {
            byJsonName.put(p.name(), p);
        }
        return new Bean(raw, java.util.Collections.unmodifiableMap(byJsonName));
    }

    /**
     * The strategy a class declares with {@code @JsonbVisibility} (on the class, else its package), or null (JSON-B's
     * default visibility). One that cannot be made (no public no-argument constructor) counts as showing everything:
     * the lint then errs towards listing more.
     */
    static PropertyVisibilityStrategy declaredVisibility(Class<?> c) {
        JsonbVisibility v = c.getAnnotation(JsonbVisibility.class);
        if (v == null && c.getPackage() != null) {
            v = c.getPackage().getAnnotation(JsonbVisibility.class);
        }
        if (v == null) {
            return null;
        }
        try {
            var ctor = v.value().getDeclaredConstructor();
            ctor.setAccessible(true);
            return ctor.newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return new PropertyVisibilityStrategy() {
                @Override
                public boolean isVisible(Field field) {
                    return true;
                }

                @Override
                public boolean isVisible(Method method) {
                    return true;
                }
            };
        }
    }

    private static boolean visible(PropertyVisibilityStrategy strategy, Field f) {
        try {
            return strategy.isVisible(f);
        } catch (RuntimeException e) {
            return true;
        }
    }

    private static boolean visible(PropertyVisibilityStrategy strategy, Method m) {
        try {
            return strategy.isVisible(m);
        } catch (RuntimeException e) {
            return true;
        }
    }

    /**
     * The JSON names of a class's {@code @Sensitive} properties, superclasses included, whatever their visibility
     * (a private field is one under a field-access {@code @JsonbVisibility}): an annotated field (any access), an
     * annotated getter or record accessor (its property's name, or its {@code @JsonbProperty} name), and the getter
     * named after an annotated field. A getter with another name than the field it reads is another property: it is
     * held back only when it is annotated itself.
     */
    public static Set<String> sensitiveJsonNames(Class<?> type) {
        Set<String> out = new TreeSet<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && f.isAnnotationPresent(Sensitive.class)) {
                    Method getter = getter(type, f.getName(), c.isRecord());
                    out.add(jsonName(f.getName(), f, getter));
                    out.add(f.getName());
                }
            }
            for (Method m : c.getDeclaredMethods()) {
                if (!m.isAnnotationPresent(Sensitive.class)) {
                    continue;
                }
                String property = c.isRecord() && m.getParameterCount() == 0 ? m.getName() : propertyName(m);
                if (property != null) {
                    out.add(jsonName(property, null, m));
                    out.add(property);
                }
            }
        }
        return out;
    }

    /** The public getter of a property (or a record's accessor), or null. */
    static Method getter(Class<?> type, String property, boolean record) {
        String cap = Character.toUpperCase(property.charAt(0)) + property.substring(1);
        for (String name : record ? new String[] {property} : new String[] {"get" + cap, "is" + cap}) {
            try {
                Method m = type.getMethod(name);
                if (!Modifier.isStatic(m.getModifiers()) && m.getReturnType() != void.class
                        && (!name.startsWith("is") || m.getReturnType() == boolean.class
                        || m.getReturnType() == Boolean.class)) {
                    return m;
                }
            } catch (NoSuchMethodException e) {
                // no such getter
            }
        }
        return null;
    }

    /** The property a public getter reads, or null when the method is not one. */
    static String propertyName(Method m) {
        if (Modifier.isStatic(m.getModifiers()) || m.getParameterCount() != 0 || m.getReturnType() == void.class
                || m.isSynthetic() || m.isBridge()) {
            return null;
        }
        String n = m.getName();
        String rest;
        if (n.startsWith("get") && n.length() > 3) {
            rest = n.substring(3);
        } else if (n.startsWith("is") && n.length() > 2
                && (m.getReturnType() == boolean.class || m.getReturnType() == Boolean.class)) {
            rest = n.substring(2);
        } else {
            return null;
        }
        if (rest.length() > 1 && Character.isUpperCase(rest.charAt(0)) && Character.isUpperCase(rest.charAt(1))) {
            return rest;
        }
        return Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
    }

    private static boolean transientProperty(Field f, Method getter) {
        return f.isAnnotationPresent(JsonbTransient.class)
                || getter != null && getter.isAnnotationPresent(JsonbTransient.class);
    }

    private static boolean custom(Field f, Method getter) {
        for (AnnotatedElement e : new AnnotatedElement[] {f, getter}) {
            if (e != null && (e.isAnnotationPresent(JsonbTypeAdapter.class)
                    || e.isAnnotationPresent(JsonbTypeSerializer.class))) {
                return true;
            }
        }
        return false;
    }

    static boolean sensitive(Field f, Method getter) {
        return f != null && f.isAnnotationPresent(Sensitive.class)
                || getter != null && getter.isAnnotationPresent(Sensitive.class);
    }

    private static String jsonName(String property, Field f, Method getter) {
        for (AnnotatedElement e : new AnnotatedElement[] {getter, f}) {
            JsonbProperty p = e == null ? null : e.getAnnotation(JsonbProperty.class);
            if (p != null && !p.value().isEmpty()) {
                return p.value();
            }
        }
        return property;
    }
}
