package dev.bulwark.internal.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.enterprise.inject.Instance;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/**
 * An application bean (an object access policy) is the one {@code CDI.current()} resolves, else the web module's:
 * on Payara {@code CDI.current()} from Bulwark's jar does not see the application's classes.
 */
class BeanLookupTest {

    @SuppressWarnings("unchecked")
    private static Instance<String> instance(boolean unsatisfied, String bean) {
        return (Instance<String>) Proxy.newProxyInstance(Instance.class.getClassLoader(),
                new Class<?>[] {Instance.class}, (p, m, a) -> switch (m.getName()) {
                    case "isUnsatisfied" -> unsatisfied;
                    case "get" -> bean;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    @Test
    void theBeanCdiCurrentResolvesIsTakenAndTheModuleIsNotAsked() {
        assertThat(BulwarkExtension.firstSatisfied(instance(false, "current"), () -> {
            throw new AssertionError("the module's bean manager is not asked");
        })).isEqualTo("current");
    }

    @Test
    void anUnsatisfiedLookupFallsBackToTheModulesBean() {
        assertThat(BulwarkExtension.firstSatisfied(instance(true, null), () -> "module")).isEqualTo("module");
        assertThatThrownBy(() -> BulwarkExtension.firstSatisfied(instance(true, null), () -> {
            throw new IllegalStateException("no CDI bean of Policy");
        })).hasMessage("no CDI bean of Policy");
    }
}
