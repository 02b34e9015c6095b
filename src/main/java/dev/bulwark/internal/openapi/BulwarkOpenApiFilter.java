package dev.bulwark.internal.openapi;

import dev.bulwark.internal.apikeys.ApiKeyKeys;
import dev.bulwark.internal.apikeys.ApiKeySettings;
import dev.bulwark.internal.apidoc.OpenApiKeys;
import dev.bulwark.internal.apidoc.OperationIndex;
import dev.bulwark.internal.apidoc.SecurityDocument;
import dev.bulwark.internal.cdi.BulwarkExtension;
import dev.bulwark.internal.controls.BulwarkConfig;
import dev.bulwark.internal.pipeline.EndpointModel;
import java.time.Clock;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Bulwark's MicroProfile OpenAPI filter, which {@link OpenApiFilterDefault} names in {@code mp.openapi.filter}: the
 * lifecycle of deprecated API versions ({@link VersionLifecycleFilter}) and the security Bulwark enforces
 * ({@link SecurityDocument}), both read from the deployment's endpoint model and configuration.
 */
public final class BulwarkOpenApiFilter implements OASFilter {

    private static final Logger LOG = Logger.getLogger(BulwarkOpenApiFilter.class.getName());

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        BulwarkExtension extension;
        BulwarkConfig config;
        try {
            extension = BulwarkExtension.current();
            config = extension.config();
        } catch (RuntimeException e) {
            // no CDI for this module, or a deployment Bulwark refused (it does not start): nothing to describe
            LOG.log(Level.FINE, "Bulwark writes nothing into this OpenAPI document: {0}", e.toString());
            return;
        }
        if (config == null || !config.enabled()) {
            return;
        }
        new VersionLifecycleFilter(config.versioning(), Clock.systemUTC()).filterOpenAPI(openAPI);
        EndpointModel model = extension.resourceModel();
        ApiKeySettings keys = config.settings(ApiKeyKeys.CONCERN);
        SecurityDocument.onServer(config.settings(OpenApiKeys.CONCERN),
                new OperationIndex(model == null ? List.of() : model.policies()),
                keys.enabled() ? keys.header() : null).write(openAPI);
    }
}
