package dev.bulwark.internal.pipeline;

import java.util.Objects;
import java.util.function.Function;

/**
 * What Bulwark's steps learned about one request, handed from step to step and layer to layer (servlet filter,
 * JAX-RS filters, CDI interceptors, error page). It travels as one request attribute, {@link #ATTRIBUTE}; each
 * concern owns the typed {@link Key}s of what it puts there, so no step reads another's data by a string name.
 */
public final class RequestState {

    /** The one request attribute (and JAX-RS property) that holds the state. */
    public static final String ATTRIBUTE = RequestState.class.getName();

    /** A typed slot of the state, owned by the concern that fills it. */
    public static final class Key<T> {
        private final String name;
        private final Class<T> type;
        /** Where the key starts looking in a state's table (its identity, spread; worked out once). */
        private final int hash;

        private Key(String name, Class<T> type) {
            this.name = name;
            this.type = type;
            int h = System.identityHashCode(this);
            this.hash = h ^ (h >>> 16);
        }

        public static <T> Key<T> of(String name, Class<T> type) {
            return new Key<>(Objects.requireNonNull(name), Objects.requireNonNull(type));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * JAX-RS is matching the request to a resource (set before matching, cleared once it is matched): a resource
     * class's method called meanwhile is a sub-resource locator the JAX-RS runtime calls.
     */
    public static final Key<Boolean> MATCHING = Key.of("JAX-RS matching", Boolean.class);

    /**
     * The resource class and method JAX-RS dispatches the request to, once matched: its filters guard that one
     * call, which consumes it ({@link #takeDispatch}); any other call of any method is the interceptors' business.
     */
    public static final Key<Dispatch> DISPATCH = Key.of("JAX-RS dispatch", Dispatch.class);

    /**
     * JAX-RS is done with the request, whether it matched it or not (a 404 or 405 included): nothing called later
     * (a response filter, an error page, a servlet filter after it, an include) is a locator JAX-RS calls while
     * matching.
     */
    public void matchingOver() {
        put(MATCHING, null);
    }

    /**
     * The items of the response's JSON entity as Bulwark's exposure writer wrote them (the elements of a top-level
     * array, or of a top-level object's array members), for the audit event; absent when Bulwark did not write it.
     */
    public static final Key<Integer> RESPONSE_ITEMS = Key.of("response items", Integer.class);

    /** The matched resource method's route, for the audit event; kept to the end. */
    public static final Key<Route> ROUTE = Key.of("route", Route.class);

    /**
     * The route a request was dispatched to.
     *
     * @param template    {@code GET /it/api/orders/{id}}
     * @param ownedObject whether the endpoint guards object ids ({@code @OwnedBy}): its 404s count as enumeration
     * @param roles       the endpoint's {@code @RolesAllowed} roles (worked out once, at deployment): the novelty
     *                    detectors tell privileged calls by them
     */
    public record Route(String template, boolean ownedObject, java.util.Set<String> roles) {

        public Route {
            roles = roles == null ? java.util.Set.of() : java.util.Set.copyOf(roles);
        }
    }

    /** The call JAX-RS is about to make: this class's (or a container subclass's) method of this signature. */
    public record Dispatch(Class<?> resourceClass, java.lang.reflect.Method method) {

        /**
         * True when a call of {@code called} on an instance of {@code target} is this dispatch: an instance of
         * exactly the dispatched class, or of the subclass the container made of it (a proxy or interceptor
         * subclass, whose name carries {@code $$}), never of an application subclass.
         */
        public boolean matches(Class<?> target, java.lang.reflect.Method called) {
            boolean sameClass = EndpointSite.userClass(target) == EndpointSite.userClass(resourceClass);
            return sameClass && called.getName().equals(method.getName())
                    && java.util.Arrays.equals(called.getParameterTypes(), method.getParameterTypes());
        }
    }

    /** True, once, when the call is the recorded JAX-RS dispatch (which is then consumed). */
    public boolean takeDispatch(Class<?> target, java.lang.reflect.Method called) {
        synchronized (this) {
            Dispatch d = get(DISPATCH);
            if (d != null && d.matches(target, called)) {
                put(DISPATCH, null);
                return true;
            }
            return false;
        }
    }

    /*
     * The slots: an open-addressing table, a key at an even index and its value at the next one, found from the
     * key's hash by linear probing (keys compare by identity: each is one constant of the concern that owns it).
     * A request's steps run on one thread at a time, but an asynchronous response can finish on another, so the
     * table is safe to share: writes take the state's lock; reads take none (a request reads its state several
     * times for each write). A new slot's value is stored before its key, each with release semantics, and read
     * after it with acquire semantics, so a reader that finds the key finds the value; a larger table is filled
     * before it is published through the volatile field. Emptying a slot empties its value and keeps the key (there
     * are a few dozen keys in all, so the table never fills with them). Sized for 42 slots before it grows: with
     * every default on, a request fills more than 21.
     */
    private static final java.lang.invoke.VarHandle SLOTS =
            java.lang.invoke.MethodHandles.arrayElementVarHandle(Object[].class);

    private volatile Object[] table = new Object[128];
    /** Keys in the table (guarded by the lock). */
    private int keys;

    private static int start(Key<?> key, int length) {
        return (key.hash << 1) & (length - 1);
    }

    /** The value of a slot, or null when no step filled it. */
    public <T> T get(Key<T> key) {
        Object[] t = table;
        for (int i = start(key, t.length); ; i = (i + 2) & (t.length - 1)) {
            Object k = SLOTS.getAcquire(t, i);
            if (k == key) {
                return key.type.cast(SLOTS.getAcquire(t, i + 1));
            }
            if (k == null) {
                return null;
            }
        }
    }

    /** Fills (or, with null, empties) a slot. */
    public <T> void put(Key<T> key, T value) {
        Object checked = value == null ? null : key.type.cast(value);
        synchronized (this) {
            Object[] t = table;
            for (int i = start(key, t.length); ; i = (i + 2) & (t.length - 1)) {
                Object k = t[i];
                if (k == key) {
                    SLOTS.setRelease(t, i + 1, checked);
                    return;
                }
                if (k == null) {
                    if (checked == null) {
                        return; // nothing to empty
                    }
                    if ((keys + 1) * 3 > t.length) {
                        table = grown(t);
                        put(key, value);
                        return;
                    }
                    SLOTS.setRelease(t, i + 1, checked);
                    SLOTS.setRelease(t, i, key);
                    keys++;
                    return;
                }
            }
        }
    }

    /** A table twice the size holding the filled slots of {@code t} (the lock is held; not yet published). */
    private Object[] grown(Object[] t) {
        Object[] bigger = new Object[t.length * 2];
        int filled = 0;
        for (int i = 0; i < t.length; i += 2) {
            if (t[i] instanceof Key<?> key && t[i + 1] != null) {
                int at = start(key, bigger.length);
                while (bigger[at] != null) {
                    at = (at + 2) & (bigger.length - 1);
                }
                bigger[at] = key;
                bigger[at + 1] = t[i + 1];
                filled++;
            }
        }
        keys = filled;
        return bigger;
    }

    /** True when the slot holds a value. */
    public boolean has(Key<?> key) {
        return get(key) != null;
    }

    /**
     * The state of a request from its attributes (a servlet request's {@code getAttribute}, a JAX-RS context's
     * {@code getProperty}), or null when Bulwark's servlet filter did not see the request.
     */
    public static RequestState from(Function<String, Object> attributes) {
        return attributes.apply(ATTRIBUTE) instanceof RequestState state ? state : null;
    }

    /** Like {@link #from}, else a fresh state stored through {@code store}. */
    public static RequestState ensure(Function<String, Object> attributes,
                                      java.util.function.BiConsumer<String, Object> store) {
        RequestState state = from(attributes);
        if (state == null) {
            state = new RequestState();
            store.accept(ATTRIBUTE, state);
        }
        return state;
    }
}
