package dev.bulwark.internal.validation;

import dev.bulwark.api.ReadOnly;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbDateFormat;
import jakarta.json.bind.annotation.JsonbNumberFormat;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.json.bind.annotation.JsonbTypeAdapter;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import jakarta.json.bind.annotation.JsonbTypeInfo;
import java.io.File;
import java.io.InputStream;
import java.io.Reader;
import java.lang.annotation.Annotation;
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
import java.net.URI;
import java.net.URL;
import java.time.ZoneId;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.Calendar;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;
import java.util.TimeZone;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds the {@link Shape} of a request body from the Java type it binds to, following JSON-B's default mapping:
 * writable properties are public fields, public setters, record components and {@code @JsonbCreator} parameters,
 * renamed by {@code @JsonbProperty}, minus {@code @JsonbTransient}. A member the type cannot take is an unknown
 * property (mass assignment); a member marked {@link ReadOnly} may not be sent; a number must fit the Java
 * number type it binds to.
 * <p>
 * Every place also takes only the kind of JSON value its Java type is written as: an object for a bean, record
 * or map, an array for a collection or array, a number for a number, a string for a string, enum, character,
 * date or UUID, {@code true}/{@code false} for a boolean, and {@code null} for any of them but primitives. Yasson
 * (the JSON-B of Open Liberty, GlassFish and Payara) is more forgiving, and each leniency loses something: it
 * unwraps an array around a single value ({@code [{"id":1}]} binds the object, {@code [1,2]} binds 2), reads
 * strings as numbers and booleans ({@code "3"}, {@code "true"}) and numbers and booleans as strings, reads
 * {@code 1} and {@code "yes"} as {@code false} and {@code "ab"} as the character 'a'. Values bound through an
 * adapter or deserializer ({@code @JsonbTypeAdapter}, {@code @JsonbTypeDeserializer}) and types Bulwark cannot see
 * into take anything; {@code @JsonbNumberFormat} and {@code @JsonbDateFormat} let numbers and dates be written
 * either as numbers or as strings. Built once per type and cached.
 */
public final class TypeShapes {

    /** Entity types that JAX-RS reads with its own providers, not JSON-B: their body is not bound to a shape. */
    private static final List<String> RAW_ENTITY_TYPES = List.of("jakarta.ws.rs.core.MultivaluedMap", "jakarta.ws.rs.core.Form", "jakarta.activation.DataSource",
            "javax.xml.transform.Source", "org.w3c.dom.Document", "jakarta.ws.rs.core.EntityPart");

    private final boolean rejectUnknown;
    private final boolean rejectMismatched;
    private final Map<Type, Shape> cache = new ConcurrentHashMap<>();

    /** Strict about kinds of values ({@code bulwark.validation.reject-mismatched-types=true}). */
    public TypeShapes(boolean rejectUnknown) {
        this(rejectUnknown, true);
    }

    /**
     * @param rejectUnknown    refuse members the type cannot bind
     * @param rejectMismatched refuse values of a kind the type is not written as; when false, accept what JSON-B
     *                         accepts and follow it into arrays it unwraps, so members and numbers are still checked
     */
    public TypeShapes(boolean rejectUnknown, boolean rejectMismatched) {
        this.rejectUnknown = rejectUnknown;
        this.rejectMismatched = rejectMismatched;
    }

    /**
     * The shape of a resource method's entity parameter: the whole body may not be {@code null} (a resource would
     * get no object at all), and types that JAX-RS reads without JSON-B (String, byte[], streams, JSON-P values,
     * forms) take any document.
     */
    public Shape ofEntity(Type type) {
        Class<?> raw = raw(type);
        if (raw != null && (isRawEntity(raw) || raw == Optional.class)) {
            return raw == Optional.class ? of(type) : Shape.ANY;
        }
        Shape shape = of(type);
        if (shape == Shape.ANY) {
            return shape;
        }
        return new NotNull(rejectMismatched ? shape : new Lenient(shape));
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
            return new Container(JsonKind.ARRAY, () -> of(g.getGenericComponentType()));
        }
        Class<?> raw = raw(type);
        if (raw == null) {
            return Shape.ANY;
        }
        if (raw.isArray()) {
            return new Container(JsonKind.ARRAY, () -> of(raw.getComponentType()));
        }
        if (customized(raw)) {
            return Shape.ANY;
        }
        if (Optional.class.equals(raw)) {
            return of(argument(type, 0));
        }
        if (Collection.class.isAssignableFrom(raw)) {
            return new Container(JsonKind.ARRAY, () -> of(argument(type, 0)));
        }
        if (Map.class.isAssignableFrom(raw)) {
            Class<?> key = raw(argument(type, 0));
            // JSON-B writes maps with other keys as an array of {"key":..,"value":..} entries
            return key == String.class || key == Object.class || key == null || key.isEnum()
                    || NumberShape.of(key) != null ? new Container(JsonKind.OBJECT, () -> of(argument(type, 1))) : Shape.ANY;
        }
        Shape scalar = scalar(raw);
        if (scalar != null) {
            return scalar;
        }
        if (polymorphic(raw)) {
            return new KindShape(EnumSet.of(JsonKind.OBJECT, JsonKind.NULL), "an object");
        }
        if (raw.isPrimitive() || raw == Object.class || isPlatform(raw) || raw.isInterface()
                || Modifier.isAbstract(raw.getModifiers())) {
            return Shape.ANY;
        }
        return new Bean(raw);
    }

    /** Numbers, booleans, characters, strings, enums and the JDK types JSON-B writes as strings; else null. */
    private static Shape scalar(Class<?> raw) {
        Shape number = NumberShape.of(raw);
        if (number != null) {
            return number;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return new KindShape(raw == Boolean.class ? EnumSet.of(JsonKind.BOOLEAN, JsonKind.NULL)
                    : EnumSet.of(JsonKind.BOOLEAN), "true or false");
        }
        if (raw == char.class || raw == Character.class) {
            return new CharShape(raw == Character.class);
        }
        if (raw.isEnum()) {
            return new EnumShape(raw);
        }
        if (raw == String.class || TemporalAccessor.class.isAssignableFrom(raw)
                || TemporalAmount.class.isAssignableFrom(raw) || ZoneId.class.isAssignableFrom(raw)
                || Date.class.isAssignableFrom(raw) || Calendar.class.isAssignableFrom(raw)
                || TimeZone.class.isAssignableFrom(raw) || raw == UUID.class || raw == URI.class || raw == URL.class
                || java.nio.file.Path.class.isAssignableFrom(raw)) {
            return new KindShape(EnumSet.of(JsonKind.STRING, JsonKind.NULL), "a string");
        }
        return jsonP(raw);
    }

    /** JSON-P values bound as they are: each interface takes its own kind of value, JsonValue any. */
    private static Shape jsonP(Class<?> raw) {
        if (JsonObject.class.isAssignableFrom(raw)) {
            return new KindShape(EnumSet.of(JsonKind.OBJECT, JsonKind.NULL), "an object");
        }
        if (JsonArray.class.isAssignableFrom(raw)) {
            return new KindShape(EnumSet.of(JsonKind.ARRAY, JsonKind.NULL), "an array");
        }
        if (JsonStructure.class.isAssignableFrom(raw)) {
            return new KindShape(EnumSet.of(JsonKind.OBJECT, JsonKind.ARRAY, JsonKind.NULL), "an object or an array");
        }
        if (JsonString.class.isAssignableFrom(raw)) {
            return new KindShape(EnumSet.of(JsonKind.STRING, JsonKind.NULL), "a string");
        }
        if (JsonNumber.class.isAssignableFrom(raw)) {
            return new KindShape(EnumSet.of(JsonKind.NUMBER, JsonKind.NULL), "a number");
        }
        return null;
    }

    private static boolean isPlatform(Class<?> c) {
        String n = c.getName();
        return n.startsWith("java.") || n.startsWith("javax.") || n.startsWith("jakarta.");
    }

    private static boolean isRawEntity(Class<?> c) {
        if (c == String.class || c == byte[].class || c == char[].class || c == File.class
                || InputStream.class.isAssignableFrom(c) || Reader.class.isAssignableFrom(c)) {
            return true;
        }
        for (String name : RAW_ENTITY_TYPES) {
            if (isA(c, name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isA(Class<?> c, String name) {
        if (c == null) {
            return false;
        }
        if (c.getName().equals(name)) {
            return true;
        }
        for (Class<?> i : c.getInterfaces()) {
            if (isA(i, name)) {
                return true;
            }
        }
        return isA(c.getSuperclass(), name);
    }

    /** A class bound by the application's own adapter or deserializer: its JSON can be anything. */
    private static boolean customized(Class<?> c) {
        return c.isAnnotationPresent(JsonbTypeAdapter.class) || c.isAnnotationPresent(JsonbTypeDeserializer.class);
    }

    /** {@code @JsonbTypeInfo} on the class or a supertype: an object whose members depend on its subtype. */
    private static boolean polymorphic(Class<?> c) {
        if (c == null || c == Object.class) {
            return false;
        }
        if (c.isAnnotationPresent(JsonbTypeInfo.class)) {
            return true;
        }
        for (Class<?> i : c.getInterfaces()) {
            if (polymorphic(i)) {
                return true;
            }
        }
        return polymorphic(c.getSuperclass());
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

    private static JsonViolation content(Supplier<String> path, String message) {
        return new JsonViolation(JsonViolation.Kind.CONTENT, path.get(), message);
    }

    private interface Lazy {
        Shape get();
    }

    /** The one kind, and null as well when the place is nullable. */
    private static Set<JsonKind> kinds(JsonKind kind, boolean nullable) {
        return nullable ? EnumSet.of(kind, JsonKind.NULL) : EnumSet.of(kind);
    }

    /**
     * The base of the shapes built from a type: the kinds of value the place takes and what to call them in a
     * violation. Nothing is checked inside unless a subclass says so: a string, a boolean, an object of any members.
     */
    private static class KindShape implements Shape {
        private final Set<JsonKind> kinds;
        private final String expected;

        KindShape(Set<JsonKind> kinds, String expected) {
            this.kinds = Set.copyOf(kinds);
            this.expected = expected;
        }

        @Override
        public final boolean takes(JsonKind k) {
            return kinds.contains(k);
        }

        @Override
        public final String expected() {
            return expected;
        }

        @Override
        public Shape member(String name, Supplier<String> path) throws JsonViolation {
            return Shape.ANY;
        }

        @Override
        public Shape element() {
            return Shape.ANY;
        }

        @Override
        public void number(String literal, Supplier<String> path) throws JsonViolation {
            // nothing to check beyond the kind
        }

        @Override
        public void string(String value, Supplier<String> path) throws JsonViolation {
            // nothing to check beyond the kind
        }
    }

    /** A {@code char}: a string of exactly one UTF-16 unit (Yasson would keep the first of several). */
    private static final class CharShape extends KindShape {
        CharShape(boolean nullable) {
            super(kinds(JsonKind.STRING, nullable), "a single character");
        }

        @Override
        public void string(String value, Supplier<String> path) throws JsonViolation {
            if (value.length() != 1) {
                throw content(path, "must be a single character");
            }
        }
    }

    /** An enum: the name of one of its constants (JSON-B matches names exactly). */
    private static final class EnumShape extends KindShape {
        private final Set<String> names;

        EnumShape(Class<?> type) {
            super(kinds(JsonKind.STRING, true), "a string");
            Object[] constants = type.getEnumConstants();
            String[] names = new String[constants.length];
            for (int i = 0; i < constants.length; i++) {
                names[i] = ((Enum<?>) constants[i]).name();
            }
            this.names = Set.of(names);
        }

        @Override
        public void string(String value, Supplier<String> path) throws JsonViolation {
            if (!names.contains(value)) {
                throw content(path, "is not one of the allowed values");
            }
        }
    }

    /**
     * A collection or array (an array whose elements have one shape), or a map with string-like keys (an object
     * whose member values have one shape).
     */
    private static final class Container extends KindShape {
        private final Lazy inside;

        Container(JsonKind kind, Lazy inside) {
            super(kinds(kind, true), kind == JsonKind.ARRAY ? "an array" : "an object");
            this.inside = inside;
        }

        @Override
        public Shape member(String name, Supplier<String> path) {
            return takes(JsonKind.OBJECT) ? inside.get() : Shape.ANY;
        }

        @Override
        public Shape element() {
            return takes(JsonKind.ARRAY) ? inside.get() : Shape.ANY;
        }
    }

    /**
     * A shape around another: everything as the inner shape has it, unless a subclass says otherwise. A number or a
     * string goes to the inner shape's check only when it takes that kind: the shapes around may take more kinds than
     * the one inside ({@link Formatted}, {@link Lenient}), and a shape checks only the kinds it takes.
     */
    private abstract static class Around implements Shape {
        final Shape inner;

        Around(Shape inner) {
            this.inner = inner;
        }

        @Override
        public boolean takes(JsonKind kind) {
            return inner.takes(kind);
        }

        @Override
        public String expected() {
            return inner.expected();
        }

        @Override
        public Shape member(String name, Supplier<String> path) throws JsonViolation {
            return inner.member(name, path);
        }

        @Override
        public Shape element() {
            return inner.element();
        }

        @Override
        public void number(String literal, Supplier<String> path) throws JsonViolation {
            if (inner.takes(JsonKind.NUMBER)) {
                inner.number(literal, path);
            }
        }

        @Override
        public void string(String value, Supplier<String> path) throws JsonViolation {
            if (inner.takes(JsonKind.STRING)) {
                inner.string(value, path);
            }
        }
    }

    /** The whole body: anything the type takes except null. */
    private static final class NotNull extends Around {
        NotNull(Shape inner) {
            super(inner);
        }

        @Override
        public boolean takes(JsonKind kind) {
            return kind != JsonKind.NULL && inner.takes(kind);
        }
    }

    /**
     * A property with {@code @JsonbNumberFormat} or {@code @JsonbDateFormat} (on itself, its class or package):
     * its numbers and dates may be written as numbers or as formatted strings, here and in its elements.
     */
    private static final class Formatted extends Around {
        Formatted(Shape inner) {
            super(inner);
        }

        @Override
        public boolean takes(JsonKind kind) {
            return inner.takes(kind) || (kind == JsonKind.STRING || kind == JsonKind.NUMBER)
                    && (inner.takes(JsonKind.STRING) || inner.takes(JsonKind.NUMBER));
        }

        @Override
        public Shape member(String name, Supplier<String> path) throws JsonViolation {
            return new Formatted(inner.member(name, path));
        }

        @Override
        public Shape element() {
            return new Formatted(inner.element());
        }
    }

    /**
     * {@code reject-mismatched-types=false}: any kind of value passes, as JSON-B would take it, and the checks follow
     * JSON-B into what it binds: an array where a single value is expected is unwrapped (its elements bind as that
     * value, so their members and numbers are checked as such).
     */
    private static final class Lenient extends Around {
        Lenient(Shape inner) {
            super(inner);
        }

        @Override
        public boolean takes(JsonKind kind) {
            return true;
        }

        @Override
        public Shape member(String name, Supplier<String> path) throws JsonViolation {
            return inner.takes(JsonKind.OBJECT) ? new Lenient(inner.member(name, path)) : Shape.ANY;
        }

        @Override
        public Shape element() {
            return inner.takes(JsonKind.ARRAY) ? new Lenient(inner.element()) : this;
        }
    }

    /** How a property binds: as its type says, through the application's own code, or with a number/date format. */
    enum Binding {
        PLAIN, CUSTOM, FORMATTED
    }

    /** One writable property: the type it binds to, whether clients may set it, and how it binds. */
    record Property(Type type, boolean readOnly, Binding binding) {
    }

    private final class Bean extends KindShape {
        private final Class<?> type;
        private volatile Map<String, Property> properties;

        Bean(Class<?> type) {
            super(kinds(JsonKind.OBJECT, true), "an object");
            this.type = type;
        }

        @Override
        public Shape member(String name, Supplier<String> path) throws JsonViolation {
            Property p = properties().get(name);
            if (p == null) {
                if (rejectUnknown) {
                    throw content(path, "is not a known property");
                }
                return Shape.ANY;
            }
            if (p.readOnly()) {
                throw content(path, "is read-only");
            }
            return switch (p.binding()) {
                case CUSTOM -> Shape.ANY;
                case FORMATTED -> new Formatted(of(p.type()));
                case PLAIN -> of(p.type());
            };
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
                    out.put(name, new Property(rc.getGenericType(), readOnly(rc, rc.getAccessor(), f),
                            binding(type, rc, rc.getAccessor(), f)));
                }
            }
            creatorParameters(type, out);
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
                // JSON-B writes through the setter when there is one: its parameter type is what binds
                Type bound = setter != null ? setter.getGenericParameterTypes()[0] : f.getGenericType();
                out.putIfAbsent(name, new Property(bound, readOnly(f, getter, setter), binding(type, f, getter, setter)));
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
                        readOnly(setter, getter, f), binding(type, setter, getter, f)));
            }
        }
        creatorParameters(type, out);
        readOnly.forEach((name, ro) -> out.computeIfPresent(name,
                (k, p) -> new Property(p.type(), p.readOnly() || ro, p.binding())));
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
                out.putIfAbsent(name, new Property(p.getParameterizedType(), p.isAnnotationPresent(ReadOnly.class),
                        binding(type, p)));
            }
        }
    }

    /** CUSTOM with an adapter or deserializer on the property; FORMATTED with a number or date format. */
    private static Binding binding(Class<?> owner, AnnotatedElement... elements) {
        if (annotated(JsonbTypeAdapter.class, elements) || annotated(JsonbTypeDeserializer.class, elements)) {
            return Binding.CUSTOM;
        }
        if (annotated(JsonbNumberFormat.class, elements) || annotated(JsonbDateFormat.class, elements)
                || owner.isAnnotationPresent(JsonbNumberFormat.class) || owner.isAnnotationPresent(JsonbDateFormat.class)
                || owner.getPackage() != null && (owner.getPackage().isAnnotationPresent(JsonbNumberFormat.class)
                        || owner.getPackage().isAnnotationPresent(JsonbDateFormat.class))) {
            return Binding.FORMATTED;
        }
        return Binding.PLAIN;
    }

    private static boolean annotated(Class<? extends Annotation> annotation, AnnotatedElement... elements) {
        for (AnnotatedElement e : elements) {
            if (e != null && e.isAnnotationPresent(annotation)) {
                return true;
            }
        }
        return false;
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
        return annotated(JsonbTransient.class, elements);
    }

    private static boolean readOnly(AnnotatedElement... elements) {
        return annotated(ReadOnly.class, elements);
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

    /**
     * Numbers: integral types their range (no fraction, no exponent), floating types a finite value. Primitives
     * take no null; {@code OptionalInt}, {@code OptionalLong} and {@code OptionalDouble} bind like their boxes.
     */
    private static final class NumberShape extends KindShape {
        private final BigDecimal min;
        private final BigDecimal max;
        private final boolean integral;
        private final boolean finite32;
        private final boolean finite64;
        private final String description;

        private NumberShape(BigDecimal min, BigDecimal max, boolean integral, boolean finite32, boolean finite64,
                            boolean nullable, String description) {
            super(kinds(JsonKind.NUMBER, nullable), description);
            this.min = min;
            this.max = max;
            this.integral = integral;
            this.finite32 = finite32;
            this.finite64 = finite64;
            this.description = description;
        }

        static Shape of(Class<?> c) {
            boolean nullable = !c.isPrimitive();
            if (c == int.class || c == Integer.class || c == OptionalInt.class) {
                return range(Integer.MIN_VALUE, Integer.MAX_VALUE, nullable, "a 32-bit integer");
            }
            if (c == long.class || c == Long.class || c == OptionalLong.class) {
                return range(Long.MIN_VALUE, Long.MAX_VALUE, nullable, "a 64-bit integer");
            }
            if (c == short.class || c == Short.class) {
                return range(Short.MIN_VALUE, Short.MAX_VALUE, nullable, "a 16-bit integer");
            }
            if (c == byte.class || c == Byte.class) {
                return range(Byte.MIN_VALUE, Byte.MAX_VALUE, nullable, "an 8-bit integer");
            }
            if (c == BigInteger.class) {
                return new NumberShape(null, null, true, false, false, true, "an integer");
            }
            if (c == float.class || c == Float.class) {
                return new NumberShape(null, null, false, true, false, nullable, "a 32-bit floating-point number");
            }
            if (c == double.class || c == Double.class || c == OptionalDouble.class) {
                return new NumberShape(null, null, false, false, true, nullable, "a 64-bit floating-point number");
            }
            if (c == BigDecimal.class || c == Number.class) {
                return new NumberShape(null, null, false, false, false, true, "a number");
            }
            return null;
        }

        private static Shape range(long min, long max, boolean nullable, String description) {
            return new NumberShape(BigDecimal.valueOf(min), BigDecimal.valueOf(max), true, false, false, nullable,
                    description);
        }

        @Override
        public void number(String literal, Supplier<String> path) throws JsonViolation {
            if (integral && !isInteger(literal)) {
                throw content(path, "must be " + description);
            }
            if (min == null && !finite32 && !finite64) {
                return;
            }
            BigDecimal value = new BigDecimal(literal);
            if (min != null && (value.compareTo(min) < 0 || value.compareTo(max) > 0)) {
                throw content(path, "is out of range for " + description);
            }
            if (finite32 && Float.isInfinite(value.floatValue()) || finite64 && Double.isInfinite(value.doubleValue())) {
                throw content(path, "is out of range for " + description);
            }
        }

        private static boolean isInteger(String literal) {
            for (int i = literal.charAt(0) == '-' ? 1 : 0; i < literal.length(); i++) {
                if (literal.charAt(i) < '0' || literal.charAt(i) > '9') {
                    return false;
                }
            }
            return true;
        }
    }
}
