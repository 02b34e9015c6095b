package dev.bulwark.internal.openapi;

import dev.bulwark.internal.controls.ConfigLoader;
import dev.bulwark.internal.versioning.OpenApiLifecycle;
import dev.bulwark.internal.versioning.VersioningSettings;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;

/**
 * Marks the operations of deprecated API versions in the application's MicroProfile OpenAPI document: deprecated
 * (once the deprecation date has passed when the document is built) with the dates, successor and links in the
 * extension {@code x-bulwark-lifecycle} ({@link OpenApiLifecycle}). The OpenAPI runtime creates it by name:
 * {@link OpenApiFilterDefault} names it in {@code mp.openapi.filter} unless the application names its own filter.
 */
public final class VersionLifecycleFilter implements OASFilter {

    private final VersioningSettings settings;
    private final Clock clock;

    /** As the OpenAPI runtime creates it: the application's Bulwark configuration, the system clock. */
    public VersionLifecycleFilter() {
        this(read(), Clock.systemUTC());
    }

    VersionLifecycleFilter(VersioningSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    private static VersioningSettings read() {
        Config config = ConfigProvider.getConfig(Thread.currentThread().getContextClassLoader());
        // a bad value fails the deployment through the CDI extension; here it reads as its default
        return ConfigLoader.load(key -> config.getOptionalValue(key, String.class)).config().versioning();
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (settings.schedule().isEmpty() || openAPI.getPaths() == null
                || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Instant now = clock.instant();
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            OpenApiLifecycle.Mark mark = OpenApiLifecycle.of(settings, path.getKey(), now);
            if (mark == null || path.getValue() == null || path.getValue().getOperations() == null) {
                continue;
            }
            for (Operation operation : path.getValue().getOperations().values()) {
                if (mark.deprecated()) {
                    operation.setDeprecated(Boolean.TRUE);
                }
                operation.addExtension(OpenApiLifecycle.EXTENSION, mark.extension());
            }
        }
    }
}
