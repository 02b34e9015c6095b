package dev.bulwark.cdi;

import dev.bulwark.config.BulwarkConfig;
import dev.bulwark.config.ConfigLoader;
import dev.bulwark.config.ConfigProblem;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Bulwark's CDI portable extension, registered in META-INF/services so that the jar in WEB-INF/lib activates
 * itself. It reads every {@code bulwark.*} key once, at deployment, and fails the deployment with one problem per
 * invalid key. The servlet and JAX-RS adapters take the validated, immutable config from here.
 */
public class BulwarkExtension implements Extension {

    private static final Logger LOG = Logger.getLogger("dev.bulwark");

    private volatile BulwarkConfig config;

    void validate(@Observes AfterDeploymentValidation event) {
        Config mpConfig = ConfigProvider.getConfig(Thread.currentThread().getContextClassLoader());
        ConfigLoader.Result result = ConfigLoader.load(key -> mpConfig.getOptionalValue(key, String.class));
        for (ConfigProblem problem : result.problems()) {
            event.addDeploymentProblem(new DeploymentException(problem.message()));
        }
        if (result.ok()) {
            config = result.config();
            LOG.fine("Bulwark configuration validated");
        }
    }

    /** The validated configuration; only available once the deployment passed validation. */
    public BulwarkConfig config() {
        BulwarkConfig c = config;
        if (c == null) {
            throw new IllegalStateException("Bulwark configuration was not validated for this deployment");
        }
        return c;
    }

    /** The extension instance of the current deployment. */
    public static BulwarkExtension current() {
        return CDI.current().getBeanManager().getExtension(BulwarkExtension.class);
    }
}
