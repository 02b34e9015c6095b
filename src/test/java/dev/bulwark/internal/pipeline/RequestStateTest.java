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
    void readersOnOtherThreadsSeeEverySlotFilledBeforeOneTheyFind() throws Exception {
        // an asynchronous response can finish on another thread while the state is written. The writer fills the
        // slots in order; a reader that finds slot j filled (its value read after its key) must find every slot
        // filled before it, with its own value, whichever table (before or after a growth) it reads; it never
        // loops or fails. Each round's writer waits halfway until a reader has read its state half-filled.
        java.util.List<RequestState.Key<Integer>> keys = new java.util.ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            keys.add(RequestState.Key.of("slot " + i, Integer.class));
        }
        java.util.concurrent.atomic.AtomicReference<RequestState> current =
                new java.util.concurrent.atomic.AtomicReference<>(new RequestState());
        java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(2);
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicReference<String> wrong = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicInteger halfFilled = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CountDownLatch> seenHalf =
                new java.util.concurrent.atomic.AtomicReference<>(new java.util.concurrent.CountDownLatch(1));
        Runnable reader = () -> {
            ready.countDown();
            while (!done.get() && wrong.get() == null) {
                java.util.concurrent.CountDownLatch seen = seenHalf.get();
                RequestState state = current.get();
                int highest = -1;
                for (int j = keys.size() - 1; j >= 0 && highest < 0; j--) {
                    Integer v = state.get(keys.get(j));
                    if (v != null) {
                        highest = j;
                        if (v != j) {
                            wrong.compareAndSet(null, "slot " + j + " read " + v);
                        }
                    }
                }
                for (int i = 0; i < highest; i++) {
                    Integer v = state.get(keys.get(i));
                    if (v == null || v != i) {
                        wrong.compareAndSet(null, "slot " + highest + " filled but slot " + i + " read " + v);
                    }
                }
                if (highest > 0 && highest < keys.size() - 1) {
                    halfFilled.incrementAndGet();
                    seen.countDown();
                }
            }
        };
        Thread[] readers = {new Thread(reader), new Thread(reader)};
        for (Thread t : readers) {
            t.start();
        }
        ready.await();
        for (int round = 0; round < 20 && wrong.get() == null; round++) {
            java.util.concurrent.CountDownLatch seen = new java.util.concurrent.CountDownLatch(1);
            RequestState state = new RequestState();
            current.set(state);
            seenHalf.set(seen);
            for (int i = 0; i < keys.size(); i++) {
                state.put(keys.get(i), i);
                if (i == keys.size() / 2) {
                    // halfway (past five growths): wait until a reader has read this state half-filled
                    assertThat(seen.await(30, java.util.concurrent.TimeUnit.SECONDS))
                            .as(() -> "a reader read round's state half-filled; a reader found: " + wrong.get())
                            .isTrue();
                }
            }
        }
        done.set(true);
        for (Thread t : readers) {
            t.join(30_000);
            assertThat(t.isAlive()).isFalse();
        }
        assertThat(wrong.get()).isNull();
        assertThat(halfFilled.get()).as("the readers read states while they were being filled").isPositive();
        RequestState last = current.get();
        for (int i = 0; i < keys.size(); i++) {
            assertThat(last.get(keys.get(i))).isEqualTo(i);
        }
    }

    @Test
    void theDispatchIsTakenByOneCallerWhenManyTryAtOnce() throws Exception {
        Method get = Orders.class.getMethod("get", long.class);
        for (int round = 0; round < 200; round++) {
            RequestState state = new RequestState();
            state.put(RequestState.DISPATCH, new RequestState.Dispatch(Orders.class, get));
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(4);
            java.util.concurrent.atomic.AtomicInteger taken = new java.util.concurrent.atomic.AtomicInteger();
            Thread[] callers = new Thread[4];
            for (int c = 0; c < callers.length; c++) {
                callers[c] = new Thread(() -> {
                    try {
                        start.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    if (state.takeDispatch(Orders$$WeldSubclass.class, get)) {
                        taken.incrementAndGet();
                    }
                });
                callers[c].start();
            }
            for (Thread t : callers) {
                t.join(10_000);
            }
            assertThat(taken.get()).as("round " + round).isEqualTo(1);
            assertThat(state.has(RequestState.DISPATCH)).isFalse();
        }
    }
}
