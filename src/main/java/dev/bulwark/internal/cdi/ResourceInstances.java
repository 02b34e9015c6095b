package dev.bulwark.internal.cdi;

import dev.bulwark.internal.pipeline.RequestState;
import dev.bulwark.internal.pipeline.ServedRequests;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.InjectionTarget;
import jakarta.enterprise.inject.spi.InjectionTargetFactory;
import jakarta.enterprise.inject.spi.configurator.AnnotatedTypeConfigurator;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How the container makes the instances of one JAX-RS root resource class that is a CDI bean.
 *
 * <p>A resource method that carries a Bulwark annotation ({@code @RolesAllowed}, {@code @RequiresScopes}, ...) is
 * intercepted, so that it stays guarded when it is called as a bean from anywhere (another resource, a servlet).
 * The one instance the JAX-RS runtime makes to dispatch a request to does not need that: Bulwark's JAX-RS filters
 * guard the dispatched call, and the interceptors let it through. Making the interceptors of every such instance
 * (an interceptor instance with the container's injection hooks, an intercepted subclass, a reflective call) was the
 * largest single cost Bulwark added to an authenticated request. So the first instance of a root resource class
 * made while JAX-RS matches the request ({@link RequestState#firstInstanceWhileMatching}) is made without Bulwark's
 * interceptor bindings, when the class is {@code @Dependent} (the instance then belongs to that dispatch alone) and
 * has no decorators; every other instance, an instance injected into that one included, keeps them. The class is
 * noted in the request ({@link RequestState#UNINTERCEPTED}) so that no dispatch is left for an interceptor to take.
 *
 * <p>Every root resource class that is a bean is made through one of these, guarded or not, so that the first
 * instance made while matching is always the runtime's own: an instance made within it (injected into it, looked
 * up by its constructor) comes second and is intercepted. Anything unexpected (the container cannot make the target
 * without them, or its instance still comes out subclassed) makes the class keep its interceptors for good.
 */
final class ResourceInstances<T> implements InjectionTarget<T> {

    private static final Logger LOG = Logger.getLogger("dev.bulwark");

    private final Class<T> type;
    private final InjectionTarget<T> container;
    private final AnnotatedType<T> annotated;
    private final ServedRequests served;
    private final List<Class<? extends Annotation>> bindings;
    private final Supplier<BeanManager> beanManager;
    /** Whether instances may be made without Bulwark's interceptors: guarded, {@code @Dependent}, undecorated. */
    private volatile boolean unintercepted;
    private volatile InjectionTarget<T> plain;
    /** The classes the target without Bulwark's interceptors made: their inject, post-construct and pre-destroy go back to it. */
    private final Set<Class<?>> plainClasses = ConcurrentHashMap.newKeySet();

    /**
     * @param bindings Bulwark's interceptor bindings the class carries (empty: only marks the first instance)
     */
    ResourceInstances(Class<T> type, InjectionTarget<T> container, AnnotatedType<T> annotated,
                      ServedRequests served, List<Class<? extends Annotation>> bindings,
                      Supplier<BeanManager> beanManager) {
        this.type = type;
        this.container = container;
        this.annotated = annotated;
        this.served = served;
        this.bindings = List.copyOf(bindings);
        this.beanManager = beanManager;
    }

    /** The bean is known: instances may go without interceptors when it is dependent and undecorated. */
    void bean(boolean dependent, boolean decorated) {
        unintercepted = !bindings.isEmpty() && dependent && !decorated;
    }

    Class<T> type() {
        return type;
    }

    @Override
    public T produce(CreationalContext<T> context) {
        RequestState state = served.current();
        if (state == null || !state.firstInstanceWhileMatching() || !unintercepted) {
            return container.produce(context);
        }
        InjectionTarget<T> target = plain();
        if (target == null) {
            return container.produce(context);
        }
        T instance = target.produce(context);
        plainClasses.add(instance.getClass());
        state.put(RequestState.UNINTERCEPTED, type);
        if (instance.getClass() != type) {
            // another interceptor or decorator of the application still applies: keep to the container's target
            unintercepted = false;
            LOG.fine(() -> "Bulwark keeps its interceptors on every instance of " + type.getName());
        }
        return instance;
    }

    private InjectionTarget<T> plain() {
        InjectionTarget<T> target = plain;
        if (target != null) {
            return target;
        }
        synchronized (this) {
            if (plain == null) {
                try {
                    InjectionTargetFactory<T> factory = beanManager.get().getInjectionTargetFactory(annotated);
                    AnnotatedTypeConfigurator<T> configurator = factory.configure();
                    configurator.remove(this::bulwarkBinding);
                    configurator.methods().forEach(m -> m.remove(this::bulwarkBinding));
                    plain = factory.createInjectionTarget(null);
                } catch (RuntimeException e) {
                    unintercepted = false;
                    LOG.log(Level.FINE, "Bulwark keeps its interceptors on " + type.getName(), e);
                    return null;
                }
            }
            return plain;
        }
    }

    private boolean bulwarkBinding(Annotation annotation) {
        return bindings.contains(annotation.annotationType());
    }

    private InjectionTarget<T> target(T instance) {
        return plain != null && plainClasses.contains(instance.getClass()) ? plain : container;
    }

    @Override
    public void inject(T instance, CreationalContext<T> context) {
        target(instance).inject(instance, context);
    }

    @Override
    public void postConstruct(T instance) {
        target(instance).postConstruct(instance);
    }

    @Override
    public void preDestroy(T instance) {
        target(instance).preDestroy(instance);
    }

    @Override
    public void dispose(T instance) {
        target(instance).dispose(instance);
    }

    @Override
    public Set<InjectionPoint> getInjectionPoints() {
        return container.getInjectionPoints();
    }
}
