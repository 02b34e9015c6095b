package dev.bulwark.internal.jaxrs;

import dev.bulwark.internal.cdi.BulwarkExtension;
import dev.bulwark.internal.controls.BulwarkConfig;
import dev.bulwark.internal.pipeline.Phase;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;

/**
 * Registers Bulwark's JAX-RS providers. It is loaded through {@code META-INF/services/jakarta.ws.rs.core.Feature}
 * (Jakarta REST 3.1 service loading), which also applies to applications whose {@code Application} subclass
 * overrides {@code getClasses()} and so turns off provider scanning. The providers carry no {@code @Provider}
 * annotation, so scanning never registers them a second time.
 */
@ConstrainedTo(RuntimeType.SERVER)
public final class BulwarkFeature implements Feature {

    @Override
    public boolean configure(FeatureContext context) {
        BulwarkConfig config = BulwarkExtension.current().config();
        if (!config.enabled()) {
            return false;
        }
        BulwarkExtension extension = BulwarkExtension.current();
        ProblemResponder responder = new ProblemResponder(config, extension.errorLog());
        context.register(new ProblemExceptionMapper(responder));
        context.register(new ValidationExceptionMapper(responder));
        context.register(new Dispatch.Matching(), Integer.MAX_VALUE);
        context.register(new AsyncCommitFilter(), AsyncCommitFilter.PRIORITY);
        context.register(new EndpointBindings(extension::resourcePolicy,
                extension.controls().bindings(extension::limiter, extension::bean, extension::addressRules,
                        extension::contract), config.observe()));
        if (config.jwt().inUse()) {
            context.register(new TokenPolicyFilter(extension.tokenGate()), Phase.TOKEN_POLICY.priority());
        }
        return true;
    }
}
