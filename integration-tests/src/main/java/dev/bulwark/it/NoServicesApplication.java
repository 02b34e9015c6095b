package dev.bulwark.it;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * An application that, in the deployment configured with {@code it.no-services=true}, turns off Jakarta REST
 * service loading (and with it Bulwark's feature): Bulwark must refuse that deployment rather than serve it
 * without its per-endpoint controls.
 */
@ApplicationPath("/nosvc")
public class NoServicesApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(ProbeResource.class);
    }

    @Override
    public Map<String, Object> getProperties() {
        boolean off = ConfigProvider.getConfig(Thread.currentThread().getContextClassLoader())
                .getOptionalValue("it.no-services", Boolean.class).orElse(false);
        return off ? Map.of("jakarta.ws.rs.loadServices", false) : Map.of();
    }
}
