package dev.bulwark.internal.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The container injects an extension into a bean as a client proxy, which looks the instance up on every call; a
 * guarded resource's interceptor is made with every resource instance (every request) and asked the extension
 * several times per call, so it keeps the instance behind the proxy. Weld's client proxy hands back the proxy
 * itself when a call returns the instance (and the method's return type would take the proxy): round 11's
 * {@code self()} returned the proxy on Liberty, and every call still went through it.
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
    void theInterceptorKeepsTheInstanceBehindTheInjectedProxy() throws Exception {
        BulwarkExtension instance = new BulwarkExtension();
        Method direct = BulwarkExtension.class.getMethod("direct");
        BulwarkExtension proxy = new BulwarkExtension() {
            @Override
            public Direct direct() {
                // a client proxy: the call reaches the contextual instance, its result comes back under Weld's rule
                return (Direct) returnedThroughProxy(this, instance, direct, instance.direct());
            }
        };
        RolesAllowedInterceptor interceptor = new RolesAllowedInterceptor();
        interceptor.useExtension(proxy);

        assertThat(interceptor.extension).isSameAs(instance).isNotSameAs(proxy);
    }

    @Test
    void theHolderIsNotSomethingAProxyCouldStandInFor() throws Exception {
        Class<?> returned = BulwarkExtension.class.getMethod("direct").getReturnType();

        assertThat(returned.isAssignableFrom(BulwarkExtension.class)).isFalse();
        BulwarkExtension instance = new BulwarkExtension();
        assertThat(instance.direct().extension()).isSameAs(instance);
        assertThat(instance.direct()).isSameAs(instance.direct()); // made once, not per interceptor
    }

    @Test
    void aMethodReturningTheInstanceItselfWouldHaveHandedBackTheProxy() throws Exception {
        BulwarkExtension instance = new BulwarkExtension();
        BulwarkExtension proxy = new BulwarkExtension();
        Method typedAsObject = Objects.class.getMethod("requireNonNull", Object.class); // like round 11's self()

        assertThat(returnedThroughProxy(proxy, instance, typedAsObject, instance)).isSameAs(proxy);
    }
}
