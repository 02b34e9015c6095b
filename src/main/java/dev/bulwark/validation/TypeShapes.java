package dev.bulwark.validation;

import dev.bulwark.api.ReadOnly;
import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.json.bind.annotation.JsonbTypeInfo;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds the {@link Shape} of a request body from the Java type it binds to, following JSON-B's default mapping:
 * writable properties are public fields, public setters, record components and {@code @JsonbCreator} parameters,
 * renamed by {@code @JsonbProperty}, minus {@code @JsonbTransient}. A member the type cannot take is an unknown
 * property (mass assignment); a member marked {@link ReadOnly} may not be sent; a number must fit the Java
 * number type it binds to. Built once per type and cached.
 */
public final class TypeShapes {

    private final boolean rejectUnknown;
    private final Map<Type, Shape> cache = new ConcurrentHashMap<>();

    public TypeShapes(boolean rejectUnknown) {
        this.rejectUnknown = rejectUnknown;
    }

    public Shape of(Type type) {
        Shape cached = cache.get(type);
        if (cached != null) {
            return cached;
        }
        Shape built = build(type);
        cache.putIfAbsent(type, built);
        return built;
    }

    private Shape build(Type type) {
        if (type instanceof WildcardType w) {
            return of(w.getUpperBounds()[0]);
        }
        if (type instanceof GenericArrayType g) {
            return new Elements(() -> of(g.getGenericComponentType()));
        }
        Class<?> raw = raw(type);
        if (raw == null) {
            return Shape.ANY;
        }
        if (raw.isArray()) {
            return new Elements(() -> of(raw.getComponentType()));
        }
        if (Optional.class.equals(raw)) {
            return of(argument(type, 0));
        }
        if (Collection.class.isAssignableFrom(raw)) {
            return new Elements(() -> of(argument(type, 0)));
        }
        if (Map.class.isAssignableFrom(raw)) {
            return new Values(() -> of(argument(type, 1)));
        }
        Shape number = NumberShape.of(raw);
        if (number != null) {
            return number;
        }
        if (raw.isPrimitive() || raw.isEnum() || raw == Object.class || isPlatform(raw)
                || raw.isAnnotationPresent(JsonbTypeInfo.class) || raw.isInterface()
                || Modifier.isAbstract(raw.getModifiers())) {
            return Shape.ANY;
        }
        return new Bean(raw);
    }

    private static boolean isPlatform(Class<?> c) {
        String n = c.getName();
        return n.startsWith("java.") || n.startsWith("javax.") || n.startsWith("jakarta.");
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

    private static Type argument(Type type, int index) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            return p.getActualTypeArguments()[index];
        }
        return Object.class;
    }

    private interface Lazy {
        Shape get();
    }

    private record Elements(Lazy elements) implements Shape {
        @Override
        public Shape member(String name, String path) {
            return Shape.ANY;
        }

        @Override
        public Shape element() {
            return elements.get();
        }

        @Override
        public void number(String literal, String path) {
            // a number where an array is expected: the binding reports the wrong type
        }
    }

    private record Values(Lazy value) implements Shape {
        @Override
        public Shape member(String name, String path) {
            return value.get();
        }

        @Override
        public Shape element() {
            return Shape.ANY;
        }

        @Override
        public void number(String literal, String path) {
            // a number where a map is expected: the binding reports the wrong type
        }
    }

    /** One writable property: the type it binds to and whether clients may set it. */
    record Property(Type type, boolean readOnly) {
    }

    private final class Bean implements Shape {
        private final Class<?> type;
        private volatile Map<String, Property> properties;

        Bean(Class<?> type) {
            this.type = type;
        }

        @Override
        public Shape member(String name, String path) throws JsonViolation {
            Property p = properties().get(name);
            if (p == null) {
                if (rejectUnknown) {
                    throw new JsonViolation(JsonViolation.Kind.CONTENT, path, "is not a known property");
                }
                return Shape.ANY;
            }
            if (p.readOnly()) {
                throw new JsonViolation(JsonViolation.Kind.CONTENT, path, "is read-only");
            }
            return of(p.type());
        }

        @Override
        public Shape element() {
            return Shape.ANY;
        }

        @Override
        public void number(String literal, String path) {
            // a number where an object is expected: the binding reports the wrong type
        }

        private Map<String, Property> properties() {
            Map<String, Property> p = properties;
            if (p == null) {
                p = writableProperties(type);
                properties = p;
            }
            return p;
        }
    }

    /** The JSON member names a type accepts on input, with their types. */
    static Map<String, Property> writableProperties(Class<?> type) {
        Map<String, Property> out = new LinkedHashMap<>();
        Map<String, Boolean> readOnly = new HashMap<>();
        if (type.isRecord()) {
            for (RecordComponent rc : type.getRecordComponents()) {
                Field f = field(type, rc.getName());
                String name = jsonName(rc.getName(), rc, rc.getAccessor(), f);
                if (!transientProperty(rc, rc.getAccessor(), f)) {
                    out.put(name, new Property(rc.getGenericType(), readOnly(rc, rc.getAccessor(), f)));
                }
            }
            return out;
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                int m = f.getModifiers();
                if (Modifier.isStatic(m) || Modifier.isTransient(m) || f.isSynthetic()) {
                    continue;
                }
                Method getter = getter(type, f.getName());
                Method setter = setter(type, f.getName());
                boolean writable = Modifier.isPublic(m) && !Modifier.isFinal(m) || setter != null;
                if (!writable || transientProperty(f, getter, setter)) {
                    continue;
                }
                String name = jsonName(f.getName(), f, getter, setter);
                out.putIfAbsent(name, new Property(f.getGenericType(), readOnly(f, getter, setter)));
                readOnly.merge(name, readOnly(f, getter, setter), Boolean::logicalOr);
            }
        }
        for (Method setter : type.getMethods()) {
            String n = setter.getName();
            if (n.length() > 3 && n.startsWith("set") && setter.getParameterCount() == 1
                    && !Modifier.isStatic(setter.getModifiers()) && setter.getDeclaringClass() != Object.class) {
                String property = Character.toLowerCase(n.charAt(3)) + n.substring(4);
                Field f = field(type, property);
                Method getter = getter(type, property);
                if (transientProperty(setter, getter, f)) {
                    continue;
                }
                String name = jsonName(property, setter, getter, f);
                out.putIfAbsent(name, new Property(setter.getGenericParameterTypes()[0],
                        readOnly(setter, getter, f)));
            }
        }
        creatorParameters(type, out);
        readOnly.forEach((name, ro) -> out.computeIfPresent(name, (k, p) -> new Property(p.type(), p.readOnly() || ro)));
        return out;
    }

    private static void creatorParameters(Class<?> type, Map<String, Property> out) {
        for (Executable e : creators(type)) {
            if (!e.isAnnotationPresent(JsonbCreator.class)) {
                continue;
            }
            for (Parameter p : e.getParameters()) {
                JsonbProperty jp = p.getAnnotation(JsonbProperty.class);
                String name = jp != null && !jp.value().isEmpty() ? jp.value() : p.getName();
                out.putIfAbsent(name, new Property(p.getParameterizedType(), p.isAnnotationPresent(ReadOnly.class)));
            }
        }
    }

    private static Executable[] creators(Class<?> type) {
        Constructor<?>[] constructors = type.getDeclaredConstructors();
        Method[] methods = type.getDeclaredMethods();
        Executable[] all = new Executable[constructors.length + methods.length];
        System.arraycopy(constructors, 0, all, 0, constructors.length);
        System.arraycopy(methods, 0, all, constructors.length, methods.length);
        return all;
    }

    private static String jsonName(String javaName, AnnotatedElement... elements) {
        for (AnnotatedElement e : elements) {
            JsonbProperty p = e == null ? null : e.getAnnotation(JsonbProperty.class);
            if (p != null && !p.value().isEmpty()) {
                return p.value();
            }
        }
        return javaName;
    }

    private static boolean transientProperty(AnnotatedElement... elements) {
        for (AnnotatedElement e : elements) {
            if (e != null && e.isAnnotationPresent(JsonbTransient.class)) {
                return true;
            }
        }
        return false;
    }

    private static boolean readOnly(AnnotatedElement... elements) {
        for (AnnotatedElement e : elements) {
            if (e != null && e.isAnnotationPresent(ReadOnly.class)) {
                return true;
            }
        }
        return false;
    }

    private static Field field(Class<?> type, String name) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // look further up
            }
        }
        return null;
    }

    private static Method getter(Class<?> type, String property) {
        String cap = property.substring(0, 1).toUpperCase(Locale.ROOT) + property.substring(1);
        for (String name : new String[] {"get" + cap, "is" + cap, property}) {
            try {
                Method m = type.getMethod(name);
                if (m.getReturnType() != void.class) {
                    return m;
                }
            } catch (NoSuchMethodException e) {
                // try the next spelling
            }
        }
        return null;
    }

    private static Method setter(Class<?> type, String property) {
        String name = "set" + property.substring(0, 1).toUpperCase(Locale.ROOT) + property.substring(1);
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == 1 && !Modifier.isStatic(m.getModifiers())) {
                return m;
            }
        }
        return null;
    }

    /** Numbers must fit the Java type they bind to: integral types their range, floating types a finite value. */
    private record NumberShape(BigDecimal min, BigDecimal max, boolean integral, boolean finiteDouble,
                               String description) implements Shape {

        static Shape of(Class<?> c) {
            if (c == int.class || c == Integer.class) {
                return range(Integer.MIN_VALUE, Integer.MAX_VALUE, "a 32-bit integer");
            }
            if (c == long.class || c == Long.class) {
                return range(Long.MIN_VALUE, Long.MAX_VALUE, "a 64-bit integer");
            }
            if (c == short.class || c == Short.class) {
                return range(Short.MIN_VALUE, Short.MAX_VALUE, "a 16-bit integer");
            }
            if (c == byte.class || c == Byte.class) {
                return range(Byte.MIN_VALUE, Byte.MAX_VALUE, "an 8-bit integer");
            }
            if (c == BigInteger.class) {
                return new NumberShape(null, null, true, false, "an integer");
            }
            if (c == double.class || c == Double.class || c == float.class || c == Float.class) {
                return new NumberShape(null, null, false, true, c == float.class || c == Float.class
                        ? "a 32-bit floating-point number" : "a 64-bit floating-point number");
            }
            return null;
        }

        private static Shape range(long min, long max, String description) {
            return new NumberShape(BigDecimal.valueOf(min), BigDecimal.valueOf(max), true, false, description);
        }

        @Override
        public Shape member(String name, String path) {
            return Shape.ANY;
        }

        @Override
        public Shape element() {
            return Shape.ANY;
        }

        @Override
        public void number(String literal, String path) throws JsonViolation {
            if (integral && !literal.matches("-?\\d+")) {
                throw new JsonViolation(JsonViolation.Kind.CONTENT, path, "must be " + description);
            }
            BigDecimal value = new BigDecimal(literal);
            if (min != null && (value.compareTo(min) < 0 || value.compareTo(max) > 0)) {
                throw new JsonViolation(JsonViolation.Kind.CONTENT, path, "is out of range for " + description);
            }
            if (finiteDouble) {
                double d = description.contains("32") ? (double) value.floatValue() : value.doubleValue();
                if (Double.isInfinite(d)) {
                    throw new JsonViolation(JsonViolation.Kind.CONTENT, path, "is out of range for " + description);
                }
            }
        }
    }
}
