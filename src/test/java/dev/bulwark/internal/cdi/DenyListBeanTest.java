package dev.bulwark.internal.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.api.TokenDenyList;
import dev.bulwark.internal.auth.InMemoryTokenDenyList;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.ProcessBean;
import jakarta.enterprise.inject.spi.ProcessSyntheticBean;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Which deny-list the token gate asks on every authenticated request: Bulwark's default directly, an application's
 * own through its bean. The container announces Bulwark's default (a synthetic bean added after discovery) to the
 * same observer as the application's beans; before this test that announcement made Bulwark take its own default for
 * the application's and ask it through the bean's client proxy, a context look-up on every request.
 */
class DenyListBeanTest {

    static final class RedisDenyList implements TokenDenyList {
        @Override
        public boolean isDenied(String tokenId) {
            return false;
        }

        @Override
        public void deny(String tokenId, Instant until) {
            // fixture
        }
    }

    private static ProcessBean<?> announced(Class<?> event, Class<?> beanClass, Set<?> types) {
        Bean<?> bean = (Bean<?>) Proxy.newProxyInstance(Bean.class.getClassLoader(), new Class<?>[] {Bean.class},
                (p, m, a) -> switch (m.getName()) {
                    case "getBeanClass" -> beanClass;
                    case "getTypes" -> types;
                    default -> null;
                });
        return (ProcessBean<?>) Proxy.newProxyInstance(event.getClassLoader(), new Class<?>[] {event},
                (p, m, a) -> m.getName().equals("getBean") ? bean : null);
    }

    @Test
    void bulwarksOwnDefaultAnnouncedAsASyntheticBeanIsNotTakenForTheApplications() {
        BulwarkExtension extension = new BulwarkExtension();
        extension.detectDenyList(announced(ProcessBean.class, String.class, Set.of(String.class, Object.class)));
        extension.detectDenyList(announced(ProcessSyntheticBean.class, InMemoryTokenDenyList.class,
                Set.of(TokenDenyList.class, Object.class)));

        assertThat(extension.asksApplicationDenyList())
                .as("the token gate asks Bulwark's own deny-list directly").isFalse();
    }

    @Test
    void anApplicationsOwnDenyListBeanIsAskedThroughItsBean() {
        BulwarkExtension extension = new BulwarkExtension();
        extension.detectDenyList(announced(ProcessBean.class, RedisDenyList.class,
                Set.of(RedisDenyList.class, TokenDenyList.class, Object.class)));

        assertThat(extension.asksApplicationDenyList()).isTrue();
    }
}
