package dev.bulwark.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/** The per-request state: typed slots, and the one JAX-RS dispatch the bean interceptors leave alone. */
class RequestStateTest {

    public static class Orders {
        public String get(long id) {
            return "order " + id;
        }

        public String get(String id) {
            return "order " + id;
        }
    }

    /** What a container makes of the bean class to intercept it. */
    public static class Orders$$WeldSubclass extends Orders {
    }

    /** What a container makes of the bean class to proxy it (a client proxy, beside the interceptor subclass). */
    public static class Orders$Proxy$_$$_WeldClientProxy extends Orders {
    }

    /** An application subclass that is a bean of its own. */
    public static class AdminOrders extends Orders {
    }

    public static class Other {
        public String get(long id) {
            return "other " + id;
        }
    }

    private static final RequestState.Key<String> NAME = RequestState.Key.of("name", String.class);

    @Test
    void slotsAreTypedAndEmptiedByNull() {
        RequestState state = new RequestState();
        assertThat(state.get(NAME)).isNull();
        state.put(NAME, "alice");
        assertThat(state.get(NAME)).isEqualTo("alice");
        assertThat(state.has(NAME)).isTrue();
        state.put(NAME, null);
        assertThat(state.has(NAME)).isFalse();
        assertThat(RequestState.from(name -> "not a state")).as("a forged attribute is not a state").isNull();
    }

    @Test
    void theDispatchIsTakenOnceByExactlyTheDispatchedClassOrItsContainerSubclass() throws Exception {
        Method get = Orders.class.getMethod("get", long.class);
        RequestState state = new RequestState();
        state.put(RequestState.DISPATCH, new RequestState.Dispatch(Orders.class, get));
        assertThat(state.takeDispatch(AdminOrders.class, get)).as("an application subclass is another bean").isFalse();
        assertThat(state.takeDispatch(Other.class, Other.class.getMethod("get", long.class))).isFalse();
        assertThat(state.takeDispatch(Orders.class, Orders.class.getMethod("get", String.class))).isFalse();
        assertThat(state.takeDispatch(Orders$$WeldSubclass.class, get)).isTrue();
        state.put(RequestState.DISPATCH, new RequestState.Dispatch(Orders$Proxy$_$$_WeldClientProxy.class, get));
        assertThat(state.takeDispatch(Orders$$WeldSubclass.class, get))
                .as("the runtime named the client proxy, the interceptors see the intercepted instance").isTrue();
        state.put(RequestState.DISPATCH, new RequestState.Dispatch(Orders.class, get));
        assertThat(state.takeDispatch(Orders.class, get)).isTrue();
        assertThat(state.takeDispatch(Orders.class, get)).as("taken once").isFalse();
    }

    @Test
    void matchingIsOverOnceJaxRsAnsweredWhateverTheAnswer() {
        RequestState state = new RequestState();
        state.put(RequestState.MATCHING, Boolean.TRUE);
        state.matchingOver();
        assertThat(state.has(RequestState.MATCHING)).as("a 404 leaves no locator window open").isFalse();
        state.matchingOver();
        assertThat(state.has(RequestState.MATCHING)).isFalse();
    }

    @Test
    void everySlotSurvivesTheTableGrowingAndEmptiedOnesStayEmpty() {
        RequestState state = new RequestState();
        java.util.List<RequestState.Key<Integer>> keys = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            keys.add(RequestState.Key.of("slot " + i, Integer.class));
        }
        for (int i = 0; i < 150; i++) {
            state.put(keys.get(i), i);
        }
        for (int i = 0; i < 150; i += 3) {
            state.put(keys.get(i), null);
        }
        for (int i = 150; i < 300; i++) {
            state.put(keys.get(i), i); // grows the table (again) past the emptied slots
        }
        for (int i = 0; i < 300; i++) {
            assertThat(state.get(keys.get(i))).as("slot " + i).isEqualTo(i < 150 && i % 3 == 0 ? null : i);
        }
        state.put(keys.get(0), 7);
        assertThat(state.get(keys.get(0))).as("an emptied slot can be filled again").isEqualTo(7);
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void aValueOfAnotherTypeIsRefused() {
        RequestState state = new RequestState();
        RequestState.Key raw = NAME;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> state.put(raw, 42))
                .isInstanceOf(ClassCastException.class);
        assertThat(state.get(NAME)).isNull();
    }

    @Test
    void readersOnOtherThreadsFindEachSlotWholeWhileItIsFilled() throws Exception {
        // an asynchronous response can finish on another thread while the state is written: a reader finds a
        // slot either empty or with the value put there, never a key without its value, and never loops or fails
        RequestState state = new RequestState();
        java.util.List<RequestState.Key<Integer>> keys = new java.util.ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            keys.add(RequestState.Key.of("slot " + i, Integer.class));
        }
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicReference<String> wrong = new java.util.concurrent.atomic.AtomicReference<>();
        Runnable reader = () -> {
            while (!done.get()) {
                for (int i = 0; i < keys.size(); i++) {
                    Integer v = state.get(keys.get(i));
                    if (v != null && v != i) {
                        wrong.compareAndSet(null, "slot " + i + " read " + v);
                    }
                }
            }
        };
        Thread[] readers = {new Thread(reader), new Thread(reader)};
        for (Thread t : readers) {
            t.start();
        }
        for (int i = 0; i < keys.size(); i++) {
            state.put(keys.get(i), i);
        }
        done.set(true);
        for (Thread t : readers) {
            t.join(30_000);
            assertThat(t.isAlive()).isFalse();
        }
        assertThat(wrong.get()).isNull();
        for (int i = 0; i < keys.size(); i++) {
            assertThat(state.get(keys.get(i))).isEqualTo(i);
        }
    }
}
