package dev.bulwark.internal.exposure;

import jakarta.json.JsonValue;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code @Sensitive} JSON names an entity can carry, at any depth, whatever its declared type said. Per runtime
 * class, once: the classes its properties reach by their declared types (fields of any visibility and public getters,
 * superclasses, type arguments, arrays, collections, maps, {@code Optional}; cycle-safe, at most
 * {@value #MAX_CLOSURE} classes) and their {@code @Sensitive} names. Where a declared type cannot tell which class will
 * be there (an {@code Object}, an interface, an abstract class, a type variable such as {@code Page<T>}'s, a
 * wildcard, a collection without type arguments), that property is an <em>open edge</em>: for a class with open
 * edges the actual object graph is read along them (and only them) when an entity of that class is written, and the
 * runtime classes met add their own names. A class whose closure has no open edge costs nothing per response (its
 * names are kept by the caller per class); an entity with open edges costs one read of each open property and a
 * class lookup per value met there (a {@code List<Customer>}: one class comparison per element).
 *
 * <p>What this cannot see: a subclass held in a property declared as a concrete class (a field {@code Customer}
 * holding a {@code PremiumCustomer}) is taken as the declared class; the output of a custom adapter or serializer.
 */
public final class SensitiveGraph {

    /** Classes of one static closure; beyond, the class's own properties are all read at run time. */
    static final int MAX_CLOSURE = 512;
    /** Plans kept per application; beyond, a plan is made for the response and dropped. */
    static final int MAX_KEPT = 4096;
    /** Levels of open properties followed at run time (a cycle in the data ends here; JSON-B could not write it). */
    static final int MAX_DEPTH = 128;
    /** Objects whose open properties are read for one entity. */
    static final int MAX_VISITS = 1_000_000;

    private final ConcurrentHashMap<Class<?>, Plan> plans = new ConcurrentHashMap<>();

    /** The entity graph could not be walked to its end (too deep: a cycle; too many objects). */
    public static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLarge(String message) {
            super(message, null, false, false);
        }
    }

    /** A property read at run time: its value's class decides what it holds. */
    private record Edge(Field field, Method getter) {
        Object read(Object owner) {
            try {
                return getter != null ? getter.invoke(owner) : field.get(owner);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + (getter != null ? getter : field), e);
            }
        }
    }

    /** One class: the @Sensitive names of its static closure, and its open edges (none: closed). */
    private record Plan(Set<String> names, Edge[] edges) {
    }

    /**
     * True when the class alone tells every {@code @Sensitive} name its instances carry: not a container (collection,
     * map, array, {@code Optional}) and no open edge in its closure.
     */
    public boolean closed(Class<?> type) {
        if (container(type) || JsonValue.class.isAssignableFrom(type)) {
            return false;
        }
        return skipped(type) || plan(type).edges().length == 0;
    }

    /**
     * The {@code @Sensitive} JSON names of the entity: of its class's static closure and of every runtime class met
     * along open edges (the elements of a collection, array or map included). One set instance per class when one
     * class decides (the same instance for the same class), a new set otherwise.
     *
     * @throws TooLarge when the graph is deeper than {@value #MAX_DEPTH} open levels or has more than
     *                  {@value #MAX_VISITS} objects with open edges
     */
    public Set<String> names(Object entity) {
        Walk walk = new Walk();
        walk.value(entity, 0);
        return walk.result();
    }

    /** The names of one class's static closure (no run-time walk). */
    public Set<String> staticNames(Class<?> type) {
        return skipped(type) ? Set.of() : plan(type).names();
    }

    /** How many plans are kept. */
    int size() {
        return plans.size();
    }

    private Plan plan(Class<?> type) {
        Plan p = plans.get(type);
        if (p != null) {
            return p;
        }
        p = compute(type);
        if (plans.size() < MAX_KEPT) {
            Plan before = plans.putIfAbsent(type, p);
            return before != null ? before : p;
        }
        return p;
    }

    private final class Walk {
        private Set<String> first;
        private Set<Set<String>> more;
        /** The last class met that needs nothing more (closed, already counted, or a value without names). */
        private Class<?> done;
        private int visits;

        void value(Object v, int depth) {
            if (v == null) {
                return;
            }
            Class<?> c = v.getClass();
            if (c == done) {
                return;
            }
            if (depth > MAX_DEPTH) {
                throw new TooLarge("the entity is deeper than " + MAX_DEPTH + " levels (a cycle?)");
            }
            if (v instanceof JsonValue) {
                done = c; // JSON-P: names are map keys, no @Sensitive
                return;
            }
            if (v instanceof Map<?, ?> m) {
                for (Object e : m.values()) {
                    value(e, depth + 1);
                }
                return;
            }
            if (v instanceof Iterable<?> it) {
                for (Object e : it) {
                    value(e, depth + 1);
                }
                return;
            }
            if (v instanceof Object[] a) {
                for (Object e : a) {
                    value(e, depth + 1);
                }
                return;
            }
            if (v instanceof Optional<?> o) {
                value(o.orElse(null), depth + 1);
                return;
            }
            if (skipped(c)) {
                done = c;
                return;
            }
            Plan p = plan(c);
            add(p.names());
            if (p.edges().length == 0) {
                done = c;
                return;
            }
            if (++visits > MAX_VISITS) {
                throw new TooLarge("the entity has more than " + MAX_VISITS + " objects to look at");
            }
            for (Edge e : p.edges()) {
                Object child = e.read(v);
                value(child, depth + 1);
            }
        }

        private void add(Set<String> names) {
            if (names.isEmpty() || names == first) {
                return;
            }
            if (first == null) {
                first = names;
                return;
            }
            if (more == null) {
                more = new HashSet<>();
            }
            more.add(names);
        }

        Set<String> result() {
            if (first == null) {
                return Set.of();
            }
            if (more == null) {
                return first;
            }
            Set<String> all = new TreeSet<>(first);
            for (Set<String> s : more) {
                all.addAll(s);
            }
            return Set.copyOf(all);
        }
    }

    /** Containers: their elements are walked, they have no names of their own. */
    static boolean container(Class<?> c) {
        return c.isArray() || Iterable.class.isAssignableFrom(c) || Map.class.isAssignableFrom(c)
                || c == Optional.class;
    }

    /** Classes with no properties of the application's: leaves, the platform's classes, primitive arrays. */
    static boolean skipped(Class<?> c) {
        return c.isPrimitive() || ResponseTypes.leaf(c) || (c.isArray() && c.getComponentType().isPrimitive())
                || !container(c) && platform(c);
    }

    private static boolean platform(Class<?> c) {
        String n = c.getName();
        return n.startsWith("java.") || n.startsWith("javax.") || n.startsWith("jakarta.") || n.startsWith("jdk.")
                || n.startsWith("sun.") || orm(c);
    }

    /** An ORM's own classes (woven value holders, fetch groups, proxies' interceptors): no @Sensitive, not data. */
    private static boolean orm(Class<?> c) {
        String n = c.getName();
        return n.startsWith("org.eclipse.persistence.") || n.startsWith("org.hibernate.")
                || n.startsWith("org.apache.openjpa.");
    }

    /** One property of a class as read for the graph. */
    private record Prop(Field field, Method getter, Type type) {
    }

    /** What a declared type mentions: the application classes it names, and whether it is open. */
    private static final class Scan {
        final Set<Class<?>> classes = new LinkedHashSet<>();
        boolean open;
    }

    private static Plan compute(Class<?> root) {
        Map<Class<?>, List<Prop>> props = new HashMap<>();
        Map<Class<?>, Set<Class<?>>> refs = new HashMap<>();
        Set<Class<?>> directlyOpen = new HashSet<>();
        Set<Class<?>> seen = new LinkedHashSet<>();
        ArrayDeque<Class<?>> queue = new ArrayDeque<>();
        seen.add(root);
        queue.add(root);
        boolean truncated = false;
        while (!queue.isEmpty()) {
            Class<?> k = queue.poll();
            List<Prop> ps = properties(k);
            props.put(k, ps);
            Set<Class<?>> mentioned = new LinkedHashSet<>();
            for (Prop p : ps) {
                Scan s = scan(p.type());
                if (s.open) {
                    directlyOpen.add(k);
                }
                mentioned.addAll(s.classes);
            }
            refs.put(k, mentioned);
            for (Class<?> m : mentioned) {
                if (seen.contains(m)) {
                    continue;
                }
                if (seen.size() >= MAX_CLOSURE) {
                    truncated = true;
                    break;
                }
                seen.add(m);
                queue.add(m);
            }
        }
        // a class is open when an open property is reachable from it
        Set<Class<?>> open = new HashSet<>(directlyOpen);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Class<?> k : seen) {
                if (open.contains(k)) {
                    continue;
                }
                Set<Class<?>> r = refs.get(k);
                if (r == null) {
                    continue;
                }
                for (Class<?> m : r) {
                    if (open.contains(m) || !refs.containsKey(m)) { // not walked (truncated): read at run time
                        open.add(k);
                        changed = true;
                        break;
                    }
                }
            }
        }
        Set<String> names = new TreeSet<>();
        for (Class<?> k : seen) {
            if (refs.containsKey(k)) {
                names.addAll(ResponseTypes.sensitiveJsonNames(k));
            }
        }
        List<Edge> edges = new ArrayList<>();
        for (Prop p : props.get(root)) {
            Scan s = scan(p.type());
            boolean needed = s.open || truncated && !s.classes.isEmpty();
            for (Class<?> m : s.classes) {
                needed |= open.contains(m) || !refs.containsKey(m);
            }
            if (needed && written(p)) {
                Edge e = edge(p);
                if (e != null) {
                    edges.add(e);
                }
            }
        }
        return new Plan(Set.copyOf(names), edges.toArray(new Edge[0]));
    }

    /** Every instance field (any visibility, superclasses included) and every public getter without a field. */
    private static List<Prop> properties(Class<?> type) {
        List<Prop> out = new ArrayList<>();
        Set<String> fields = new HashSet<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || Modifier.isTransient(f.getModifiers()) || f.isSynthetic()
                        || f.getName().startsWith("_persistence_") || f.getName().startsWith("$$_")) {
                    continue; // not written by JSON-B; an ORM's woven state
                }
                fields.add(f.getName());
                Method getter = ResponseTypes.getter(type, f.getName(), c.isRecord());
                out.add(new Prop(f, getter, getter != null ? getter.getGenericReturnType() : f.getGenericType()));
                if (getter != null && !getter.getGenericReturnType().equals(f.getGenericType())) {
                    out.add(new Prop(f, null, f.getGenericType()));
                }
            }
        }
        for (Method m : type.getMethods()) {
            String property = ResponseTypes.propertyName(m);
            if (property == null || fields.contains(property) || m.getDeclaringClass() == Object.class
                    || platform(m.getDeclaringClass())) {
                continue;
            }
            out.add(new Prop(null, m, m.getGenericReturnType()));
        }
        return out;
    }

    /**
     * True when a writer would write the property: a public getter or field, or any field of a class (or package)
     * declaring {@code @JsonbVisibility}. A private field without a getter is not data (a logger, a cache): its
     * value is not walked (its declared type's names still count).
     */
    private static boolean written(Prop p) {
        return p.getter() != null || p.field() != null && (Modifier.isPublic(p.field().getModifiers())
                || ResponseTypes.declaredVisibility(p.field().getDeclaringClass()) != null);
    }

    /** How to read a property: its public getter (what JSON-B reads), else the field made accessible. */
    private static Edge edge(Prop p) {
        if (p.getter() != null) {
            try {
                p.getter().setAccessible(true); // a public getter of a class that is not public
                return new Edge(null, p.getter());
            } catch (RuntimeException e) {
                if (Modifier.isPublic(p.getter().getDeclaringClass().getModifiers())) {
                    return new Edge(null, p.getter());
                }
                // a class of a module that does not open it: try the field
            }
        }
        if (p.field() != null) {
            try {
                p.field().setAccessible(true);
                return new Edge(p.field(), null);
            } catch (RuntimeException e) {
                return null; // no writer can read it either
            }
        }
        return null;
    }

    private static Scan scan(Type type) {
        Scan s = new Scan();
        scan(type, s, 0);
        return s;
    }

    private static void scan(Type type, Scan s, int depth) {
        if (depth > 16) {
            s.open = true;
            return;
        }
        if (type instanceof TypeVariable<?> || type instanceof WildcardType) {
            s.open = true;
            return;
        }
        if (type instanceof GenericArrayType a) {
            scan(a.getGenericComponentType(), s, depth + 1);
            return;
        }
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            Type[] args = p.getActualTypeArguments();
            if (Map.class.isAssignableFrom(raw)) {
                if (args.length == 2) {
                    scan(args[1], s, depth + 1);
                } else {
                    s.open = true;
                }
                return;
            }
            if (Iterable.class.isAssignableFrom(raw) || raw == Optional.class
                    || CompletionStage.class.isAssignableFrom(raw)) {
                if (args.length == 1) {
                    scan(args[0], s, depth + 1);
                } else {
                    s.open = true;
                }
                return;
            }
            scan(raw, s, depth + 1);
            for (Type a : args) {
                scan(a, s, depth + 1);
            }
            return;
        }
        if (!(type instanceof Class<?> c)) {
            s.open = true;
            return;
        }
        if (c.isArray()) {
            scan(c.getComponentType(), s, depth + 1);
            return;
        }
        if (c.isPrimitive() || ResponseTypes.leaf(c)) {
            return;
        }
        if (c == Object.class || container(c) || CompletionStage.class.isAssignableFrom(c)) {
            s.open = true; // what it holds is known only at run time
            return;
        }
        if (JsonValue.class.isAssignableFrom(c)) {
            return;
        }
        if (orm(c)) {
            return;
        }
        if (platform(c)) {
            // a platform class (a Number, a Temporal, a JAX-RS type) has no @Sensitive; an interface of it may hold
            // anything
            if (c.isInterface()) {
                s.open = true;
            }
            return;
        }
        if (c.isInterface() || Modifier.isAbstract(c.getModifiers()) && !c.isEnum()) {
            s.open = true; // the class is decided by the object
            s.classes.add(c);
            return;
        }
        if (c.isEnum()) {
            return;
        }
        s.classes.add(c);
    }

    @Override
    public String toString() {
        return "SensitiveGraph" + plans.keySet();
    }

    /** For tests: the open edges' names of a class. */
    List<String> edgeNames(Class<?> type) {
        List<String> out = new ArrayList<>();
        for (Edge e : plan(type).edges()) {
            out.add(e.getter() != null ? e.getter().getName() : e.field().getName());
        }
        return out;
    }
}
