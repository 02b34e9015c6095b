package dev.bulwark.internal.controls;

import dev.bulwark.internal.inventory.Endpoint;
import dev.bulwark.internal.pipeline.EndpointModel;
import dev.bulwark.internal.pipeline.EndpointSite;
import dev.bulwark.internal.resources.ResourceScanner;
import java.util.List;

/** Endpoint models built as a deployment builds them, for tests: the resource scan and every concern's resolver. */
public final class TestModels {

    private TestModels() {
    }

    /** The resource model of a module holding {@code classes} (applications and resources) below {@code context}. */
    public static EndpointModel resources(BulwarkConfig config, String context, List<Class<?>> classes) {
        List<EndpointSite> sites = new ResourceScanner().sites(context, ResourceScanner.applications(classes));
        return EndpointModel.build(new Controls(config).resolvers(), sites);
    }

    /** Like {@link #resources(BulwarkConfig, String, List)} with the default configuration. */
    public static EndpointModel resources(String context, List<Class<?>> classes) {
        return resources(BulwarkConfig.defaults(), context, classes);
    }

    /** The inventory lines of such a module. */
    public static List<Endpoint> inventory(String context, List<Class<?>> classes) {
        return resources(context, classes).policies().stream().map(Endpoint::of).toList();
    }

    /** The model of bean methods, as the CDI extension builds it. */
    public static EndpointModel beans(BulwarkConfig config, List<EndpointSite> sites) {
        return EndpointModel.build(new Controls(config).resolvers(), sites);
    }
}
