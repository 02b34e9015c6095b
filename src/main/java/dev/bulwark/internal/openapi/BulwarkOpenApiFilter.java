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
        try {
            extension = BulwarkExtension.current();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Bulwark could not reach its deployment while the OpenAPI document was built: "
                    + "the document carries no Bulwark security or lifecycle marks ({0})", e.getClass().getName());
            return;
        }
        BulwarkConfig config = extension.config();
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
