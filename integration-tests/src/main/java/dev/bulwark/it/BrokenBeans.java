package dev.bulwark.it;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The test application's own CDI extension: in the deployment configured with {@code it.broken-bean=true} it adds
 * {@link MisconfiguredQuota} as a bean, so that Bulwark has a bad annotation on a CDI bean to refuse.
 */
public class BrokenBeans implements Extension {

    void addBrokenBean(@Observes BeforeBeanDiscovery event, BeanManager beanManager) {
        boolean wanted = ConfigProvider.getConfig(Thread.currentThread().getContextClassLoader())
                .getOptionalValue("it.broken-bean", Boolean.class).orElse(false);
        if (wanted) {
            event.addAnnotatedType(beanManager.createAnnotatedType(MisconfiguredQuota.class),
                    "dev.bulwark.it.MisconfiguredQuota");
        }
    }
}
