package dev.bulwark.internal.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.configurator.BeanConfigurator;
import jakarta.inject.Singleton;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The container injects an extension into a bean as a client proxy, which looks the instance up on every call; a
 * guarded resource's interceptor is made with every resource instance (every request) and asks the extension
 * several times per call, so it must hold the instance itself. Weld's client proxy hands back the proxy when a call
 * returns the instance (and the method's return type would take the proxy): round 11's {@code self()} returned the
 * proxy on Liberty, and every call still went through it. The interceptors are now injected a {@code @Singleton}
 * holder of the instance, which the container injects as it is.
 */
class InterceptorExtensionTest {

    /**
     * What Weld's client proxy returns for a call that returned {@code result} on the instance behind it (its
     * {@code ProxyMethodHandler}: the instance does not escape where the proxy can stand in for it).
     */
    private static Object returnedThroughProxy(Object proxy, Object instance, Method method, Object result) {
        return result == instance && method.getReturnType().isAssignableFrom(proxy.getClass()) ? proxy : result;
    }

    @Test
    void theInterceptorHoldsTheExtensionInstanceItIsInjected() {
        BulwarkExtension instance = new BulwarkExtension();
        RolesAllowedInterceptor interceptor = new RolesAllowedInterceptor();

        interceptor.useExtension(instance.direct());

        assertThat(interceptor.extension).isSameAs(instance);
    }

    @Test
    void theExtensionAddsTheHolderAsASingletonBeanOfItsOwnType() {
        BulwarkExtension instance = new BulwarkExtension();
        List<Map<String, Object>> beans = new ArrayList<>();

        instance.addDirect(afterBeanDiscovery(beans));

        assertThat(beans).hasSize(1);
        Map<String, Object> bean = beans.get(0);
        // a pseudo-scope: the container injects the instance itself, never a client proxy
        assertThat(bean.get("scope")).isEqualTo(Singleton.class);
        assertThat(bean.get("types")).isEqualTo(Set.of(BulwarkExtension.Direct.class));
        @SuppressWarnings("unchecked")
        Function<CreationalContext<?>, ?> create = (Function<CreationalContext<?>, ?>) bean.get("createWith");
        Object made = create.apply(null);
        assertThat(made).isSameAs(instance.direct());
        assertThat(((BulwarkExtension.Direct) made).extension()).isSameAs(instance);
    }

    @Test
    void theHolderGetsThroughAClientProxyWhereTheInstanceItselfWouldNot() throws Exception {
        BulwarkExtension instance = new BulwarkExtension();
        BulwarkExtension proxy = new BulwarkExtension();
        Method direct = BulwarkExtension.class.getMethod("direct");
        Method typedAsObject = Objects.class.getMethod("requireNonNull", Object.class); // like round 11's self()

        assertThat(direct.getReturnType().isAssignableFrom(BulwarkExtension.class)).isFalse();
        assertThat(returnedThroughProxy(proxy, instance, direct, instance.direct())).isSameAs(instance.direct());
        assertThat(returnedThroughProxy(proxy, instance, typedAsObject, instance)).isSameAs(proxy);
    }

    /** An event whose bean configurators record what they were told, one map per {@code addBean()}. */
    private static AfterBeanDiscovery afterBeanDiscovery(List<Map<String, Object>> beans) {
        return (AfterBeanDiscovery) Proxy.newProxyInstance(AfterBeanDiscovery.class.getClassLoader(),
                new Class<?>[] {AfterBeanDiscovery.class}, (p, method, args) -> {
                    if (!method.getName().equals("addBean") || args != null) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    Map<String, Object> bean = new HashMap<>();
                    beans.add(bean);
                    return configurator(bean);
                });
    }

    private static BeanConfigurator<?> configurator(Map<String, Object> bean) {
        return (BeanConfigurator<?>) Proxy.newProxyInstance(BeanConfigurator.class.getClassLoader(),
                new Class<?>[] {BeanConfigurator.class}, (self, method, args) -> {
                    switch (method.getName()) {
                        case "beanClass", "scope", "createWith" -> bean.put(method.getName(), args[0]);
                        case "types" -> bean.put("types", Set.of((Object[]) args[0]));
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                    return self;
                });
    }
}
