package dev.bulwark.internal.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.internal.pipeline.RequestState;
import dev.bulwark.internal.pipeline.ServedRequests;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.InjectionTarget;
import jakarta.enterprise.inject.spi.InjectionTargetFactory;
import jakarta.enterprise.inject.spi.configurator.AnnotatedMethodConfigurator;
import jakarta.enterprise.inject.spi.configurator.AnnotatedTypeConfigurator;
import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Which instances of a root resource class go without Bulwark's interceptors: only the runtime's own instance made
 * while JAX-RS matches the request (the first), of a dependent, undecorated, guarded class; every other one is the
 * container's, interceptors included.
 */
class ResourceInstancesTest {

    public static class Orders {
    }

    /** What the container makes of the class to intercept it. */
    public static class Orders$$WeldSubclass extends Orders {
    }

    /** The container's own target: intercepted instances; records what it was asked. */
    static final class Target implements InjectionTarget<Orders> {
        final List<String> calls = new ArrayList<>();
        final Orders made;

        Target(Orders made) {
            this.made = made;
        }

        @Override
        public Orders produce(CreationalContext<Orders> ctx) {
            calls.add("produce");
            return made;
        }

        @Override
        public void inject(Orders instance, CreationalContext<Orders> ctx) {
            calls.add("inject");
        }

        @Override
        public void postConstruct(Orders instance) {
            calls.add("postConstruct");
        }

        @Override
        public void preDestroy(Orders instance) {
            calls.add("preDestroy");
        }

        @Override
        public void dispose(Orders instance) {
            calls.add("dispose");
        }

        @Override
        public Set<InjectionPoint> getInjectionPoints() {
            return Set.of();
        }
    }

    private final ServedRequests served = new ServedRequests();
    private final Target container = new Target(new Orders$$WeldSubclass());
    private Target plain = new Target(new Orders());
    /** The annotations the target without interceptors was configured to drop. */
    private final List<Predicate<Annotation>> removed = new ArrayList<>();
    private int factories;

    private ResourceInstances<Orders> instances(List<Class<? extends Annotation>> bindings) {
        return new ResourceInstances<>(Orders.class, container, null, served, bindings, this::beanManager);
    }

    @SuppressWarnings("unchecked")
    private BeanManager beanManager() {
        AnnotatedMethodConfigurator<Orders> method = (AnnotatedMethodConfigurator<Orders>) proxy(
                AnnotatedMethodConfigurator.class, (name, args) -> {
                    if (name.equals("remove")) {
                        removed.add((Predicate<Annotation>) args[0]);
                    }
                    return null;
                });
        AnnotatedTypeConfigurator<Orders> type = (AnnotatedTypeConfigurator<Orders>) proxy(
                AnnotatedTypeConfigurator.class, (name, args) -> {
                    if (name.equals("remove")) {
                        removed.add((Predicate<Annotation>) args[0]);
                        return null;
                    }
                    return name.equals("methods") ? Set.of(method) : null;
                });
        InjectionTargetFactory<Orders> factory = (InjectionTargetFactory<Orders>) proxy(InjectionTargetFactory.class,
                (name, args) -> name.equals("configure") ? type : plain);
        return (BeanManager) proxy(BeanManager.class, (name, args) -> {
            factories++;
            return factory;
        });
    }

    interface Answer {
        Object apply(String method, Object[] args);
    }

    private static Object proxy(Class<?> type, Answer answer) {
        return Proxy.newProxyInstance(ResourceInstancesTest.class.getClassLoader(), new Class<?>[] {type},
                (p, m, args) -> answer.apply(m.getName(), args));
    }

    private RequestState matching() {
        RequestState state = new RequestState();
        state.put(RequestState.MATCHING, Boolean.TRUE);
        served.enter(state);
        return state;
    }

    private static final List<Class<? extends Annotation>> GUARDED = List.of(RolesAllowed.class);

    @Test
    void theRuntimesInstanceWhileMatchingGoesWithoutBulwarksBindingsAndItsDispatchIsNoted() {
        ResourceInstances<Orders> instances = instances(GUARDED);
        instances.bean(true, false);
        RequestState state = matching();
        Orders instance = instances.produce(null);
        assertThat(instance).isSameAs(plain.made);
        assertThat(state.get(RequestState.UNINTERCEPTED)).isEqualTo(Orders.class);
        instances.inject(instance, null);
        instances.postConstruct(instance);
        instances.preDestroy(instance);
        assertThat(plain.calls).containsExactly("produce", "inject", "postConstruct", "preDestroy");
        assertThat(container.calls).isEmpty();
        // only Bulwark's binding is dropped; an application's own interceptor binding stays
        Annotation roles = Stream.of(Guarded.class.getAnnotations()).filter(a -> a instanceof RolesAllowed)
                .findFirst().orElseThrow();
        Annotation deprecated = Stream.of(Guarded.class.getAnnotations()).filter(a -> a instanceof Deprecated)
                .findFirst().orElseThrow();
        assertThat(removed).isNotEmpty().allMatch(p -> p.test(roles)).noneMatch(p -> p.test(deprecated));
    }

    @RolesAllowed("user")
    @Deprecated
    static class Guarded {
    }

    @Test
    void everyOtherInstanceIsTheContainersWithItsInterceptors() {
        ResourceInstances<Orders> instances = instances(GUARDED);
        instances.bean(true, false);
        matching();
        Orders first = instances.produce(null);
        Orders injectedIntoIt = instances.produce(null);
        assertThat(first).isSameAs(plain.made);
        assertThat(injectedIntoIt).as("made within the runtime's instance: the second while matching")
                .isSameAs(container.made);
        instances.inject(injectedIntoIt, null);
        instances.postConstruct(injectedIntoIt);
        assertThat(container.calls).containsExactly("produce", "inject", "postConstruct");

        served.leave(null);
        assertThat(instances.produce(null)).as("outside Bulwark's filter (a timer, another thread)")
                .isSameAs(container.made);
        RequestState afterMatching = new RequestState();
        served.enter(afterMatching);
        assertThat(instances.produce(null)).as("in a request, not while JAX-RS matches (a servlet, a bean)")
                .isSameAs(container.made);
        assertThat(afterMatching.has(RequestState.UNINTERCEPTED)).isFalse();
    }

    @Test
    void anUnguardedClassOnlyTakesTheFirstPlaceSoAnInstanceMadeWithinItIsIntercepted() {
        ResourceInstances<Orders> unguarded = instances(List.of());
        unguarded.bean(true, false);
        ResourceInstances<Orders> guarded = instances(GUARDED);
        guarded.bean(true, false);
        RequestState state = matching();
        assertThat(unguarded.produce(null)).isSameAs(container.made);
        assertThat(guarded.produce(null)).as("injected into the unguarded resource the runtime made")
                .isSameAs(container.made);
        assertThat(state.has(RequestState.UNINTERCEPTED)).isFalse();
        assertThat(factories).isZero();
    }

    @Test
    void aScopedOrDecoratedClassKeepsItsInterceptors() {
        ResourceInstances<Orders> requestScoped = instances(GUARDED);
        requestScoped.bean(false, false);
        matching();
        assertThat(requestScoped.produce(null)).as("a scoped instance outlives the dispatch").isSameAs(container.made);

        ResourceInstances<Orders> decorated = instances(GUARDED);
        decorated.bean(true, true);
        matching();
        assertThat(decorated.produce(null)).isSameAs(container.made);

        ResourceInstances<Orders> unknown = instances(GUARDED);
        matching();
        assertThat(unknown.produce(null)).as("before the bean is known").isSameAs(container.made);
    }

    @Test
    void aTargetThatStillSubclassesIsUsedForItsInstanceAndThenNoMore() {
        plain = new Target(new Orders$$WeldSubclass() {
        });
        ResourceInstances<Orders> instances = instances(GUARDED);
        instances.bean(true, false);
        matching();
        Orders first = instances.produce(null);
        assertThat(first).isSameAs(plain.made);
        instances.postConstruct(first);
        assertThat(plain.calls).containsExactly("produce", "postConstruct");
        matching();
        assertThat(instances.produce(null)).isSameAs(container.made);
    }

    @Test
    void aContainerThatCannotMakeTheTargetKeepsTheInterceptors() {
        ResourceInstances<Orders> instances = new ResourceInstances<>(Orders.class, container, null, served, GUARDED,
                () -> {
                    throw new IllegalStateException("no bean manager here");
                });
        instances.bean(true, false);
        RequestState state = matching();
        assertThat(instances.produce(null)).isSameAs(container.made);
        assertThat(state.has(RequestState.UNINTERCEPTED)).isFalse();
        matching();
        assertThat(instances.produce(null)).isSameAs(container.made);
    }
}
