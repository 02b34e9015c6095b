package dev.bulwark.internal.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.api.TokenDenyList;
import dev.bulwark.internal.auth.InMemoryTokenDenyList;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.literal.NamedLiteral;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.ProcessBean;
import jakarta.enterprise.inject.spi.ProcessSyntheticBean;
import java.lang.annotation.Annotation;
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

    private static Bean<?> bean(Class<?> beanClass, Class<? extends Annotation> scope, Set<?> types,
            Annotation... qualifiers) {
        Set<Annotation> all = new java.util.HashSet<>(Set.of(Any.Literal.INSTANCE));
        all.addAll(qualifiers.length == 0 ? Set.of(Default.Literal.INSTANCE) : Set.of(qualifiers));
        return (Bean<?>) Proxy.newProxyInstance(Bean.class.getClassLoader(), new Class<?>[] {Bean.class},
                (p, m, a) -> switch (m.getName()) {
                    case "getBeanClass" -> beanClass;
                    case "getTypes" -> types;
                    case "getScope" -> scope;
                    case "getQualifiers" -> all;
                    default -> null;
                });
    }

    private static ProcessBean<?> announced(Class<?> event, Bean<?> bean) {
        return (ProcessBean<?>) Proxy.newProxyInstance(event.getClassLoader(), new Class<?>[] {event},
                (p, m, a) -> m.getName().equals("getBean") ? bean : null);
    }

    private static ProcessBean<?> announced(Class<?> event, Class<?> beanClass, Set<?> types) {
        return announced(event, bean(beanClass, ApplicationScoped.class, types));
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

    /**
     * A deny-list bean with only a qualifier of its own serves something else: Bulwark still adds its default for the
     * token gate (before, the gate found no bean to use and the JAX-RS application failed to start).
     */
    @Test
    void aQualifiedDenyListIsNotTheTokenGates() {
        BulwarkExtension extension = new BulwarkExtension();
        extension.detectDenyList(announced(ProcessBean.class, bean(RedisDenyList.class, ApplicationScoped.class,
                Set.of(RedisDenyList.class, TokenDenyList.class, Object.class), NamedLiteral.of("shared"),
                Default.Literal.INSTANCE)));
        assertThat(extension.asksApplicationDenyList()).as("@Named alone keeps @Default").isTrue();

        BulwarkExtension qualified = new BulwarkExtension();
        qualified.detectDenyList(announced(ProcessBean.class, bean(RedisDenyList.class, ApplicationScoped.class,
                Set.of(RedisDenyList.class, TokenDenyList.class, Object.class), new Shared.Literal())));
        assertThat(qualified.asksApplicationDenyList()).isFalse();
    }

    @jakarta.inject.Qualifier
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @interface Shared {
        final class Literal extends jakarta.enterprise.util.AnnotationLiteral<Shared> implements Shared {
            private static final long serialVersionUID = 1L;
        }
    }

    /**
     * The token gate keeps the deny-list instance it looks up once: a bean whose injection points (or requests) get
     * other instances would take deny() calls the gate never sees, so the deployment fails naming it.
     */
    @Test
    void onlyASharedInstanceCanBeTheTokenGatesDenyList() {
        Set<?> types = Set.of(RedisDenyList.class, TokenDenyList.class, Object.class);
        assertThat(BulwarkExtension.denyListProblem(bean(InMemoryTokenDenyList.class, ApplicationScoped.class,
                Set.of(TokenDenyList.class, Object.class)))).isNull();
        assertThat(BulwarkExtension.denyListProblem(bean(RedisDenyList.class, ApplicationScoped.class, types)))
                .isNull();
        assertThat(BulwarkExtension.denyListProblem(bean(RedisDenyList.class, jakarta.inject.Singleton.class, types)))
                .isNull();
        assertThat(BulwarkExtension.denyListProblem(bean(RedisDenyList.class, Dependent.class, types)))
                .contains(RedisDenyList.class.getName()).contains("@Dependent").contains("@ApplicationScoped");
        assertThat(BulwarkExtension.denyListProblem(bean(RedisDenyList.class, RequestScoped.class, types)))
                .contains("@RequestScoped");
        assertThat(BulwarkExtension.denyListProblem(null)).contains("no dev.bulwark.api.TokenDenyList bean");
    }
}
