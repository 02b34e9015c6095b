package dev.bulwark.it;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The test application's own CDI extension: in the deployment configured with {@code it.broken-bean=true} it adds
 * {@link MisconfiguredQuota} as a bean, so that Bulwark has a bad annotation on a CDI bean to refuse; with
 * {@code it.dependent-deny-list=true}, {@link DependentDenyList}, a deny-list the token gate cannot share.
 */
public class BrokenBeans implements Extension {

    void addBrokenBean(@Observes BeforeBeanDiscovery event, BeanManager beanManager) {
        var config = ConfigProvider.getConfig(Thread.currentThread().getContextClassLoader());
        if (config.getOptionalValue("it.broken-bean", Boolean.class).orElse(false)) {
            event.addAnnotatedType(beanManager.createAnnotatedType(MisconfiguredQuota.class),
                    "dev.bulwark.it.MisconfiguredQuota");
        }
        if (config.getOptionalValue("it.dependent-deny-list", Boolean.class).orElse(false)) {
            event.addAnnotatedType(beanManager.createAnnotatedType(DependentDenyList.class),
                    "dev.bulwark.it.DependentDenyList");
        }
    }
}
