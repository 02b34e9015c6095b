package dev.bulwark.internal.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The container injects an extension into a bean as a client proxy, which looks the instance up on every call; a
 * guarded resource's interceptor is made with every resource instance (every request) and asked the extension
 * several times per call, so it keeps the instance behind the proxy.
 */
class InterceptorExtensionTest {

    @Test
    void theInterceptorKeepsTheInstanceBehindTheInjectedProxy() {
        BulwarkExtension instance = new BulwarkExtension();
        BulwarkExtension proxy = new BulwarkExtension() {
            @Override
            public BulwarkExtension self() {
                return instance; // what a client proxy does: the call reaches the contextual instance
            }
        };
        RolesAllowedInterceptor interceptor = new RolesAllowedInterceptor();
        interceptor.useExtension(proxy);

        assertThat(interceptor.extension).isSameAs(instance);
        assertThat(instance.self()).isSameAs(instance);
    }
}
