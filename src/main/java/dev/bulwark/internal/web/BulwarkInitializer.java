package dev.bulwark.internal.web;

import dev.bulwark.internal.cdi.BulwarkExtension;
import dev.bulwark.internal.controls.BulwarkConfig;
import dev.bulwark.internal.correlation.CorrelationIds;
import dev.bulwark.internal.errors.ErrorLog;
import dev.bulwark.internal.errors.ProblemFactory;
import dev.bulwark.internal.inventory.Endpoint;
import dev.bulwark.internal.pipeline.EndpointModel;
import dev.bulwark.internal.posture.PostureHtml;
import dev.bulwark.internal.posture.PostureReport;
import dev.bulwark.internal.pipeline.EndpointPolicy;
import dev.bulwark.internal.pipeline.EndpointSite;
import dev.bulwark.internal.resources.ResourceScanner;
import dev.bulwark.internal.inventory.InventoryReport;
import dev.bulwark.internal.ratelimit.RateLimitSettings;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.annotation.HandlesTypes;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;
import dev.bulwark.internal.ratelimit.RefusalBudget;
import dev.bulwark.internal.validation.EndpointBodyLimits;
import dev.bulwark.internal.validation.JsonBodyRules;
import dev.bulwark.internal.versioning.ApiVersion;
import dev.bulwark.internal.versioning.ScheduleDocument;
import dev.bulwark.internal.versioning.VersionLint;
import dev.bulwark.internal.versioning.VersionUsage;
import dev.bulwark.internal.versioning.VersioningKeys;
import dev.bulwark.internal.versioning.VersioningSettings;
import dev.bulwark.internal.versioning.Versions;
import java.time.Clock;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Activates Bulwark in a web module with no application code: registered in META-INF/services, so the container
 * calls it for the jar in WEB-INF/lib with every {@code @Path} and {@code @ApplicationPath} class of the module. It
 * builds and logs the endpoint inventory, installs {@link BulwarkFilter} in front of everything (requests and error
 * dispatches), registers the error page that META-INF/web-fragment.xml names and the inventory endpoint when
 * enabled, and leaves {@link ServerInventoryListener} what it needs to log the rest of the server.
 */
@HandlesTypes({Path.class, ApplicationPath.class})
public final class BulwarkInitializer implements ServletContainerInitializer {

    private static final Logger LOG = Logger.getLogger("dev.bulwark");
    static final String INVENTORY_ATTRIBUTE = "dev.bulwark.inventory";

    /** Logs the reason plainly (containers may only record the exception in an incident file) and fails. */
    private static IllegalStateException fail(String message) {
        LOG.severe(message);
        return new IllegalStateException(message);
    }

    /** Maps a Bulwark servlet, failing the deployment if the application already uses the path. */
    private static void requireMapping(ServletRegistration.Dynamic servlet, String path, ServletContext context) {
        if (!servlet.addMapping(path).isEmpty()) {
            throw fail("Bulwark cannot serve " + context.getContextPath() + path + " (" + servlet.getName()
                    + "): the application maps a servlet to the same path");
        }
    }

    /**
     * The deployment's versioning findings: endpoints without a version and endpoints weaker than their successor
     * fail the deployment in strict mode and are logged otherwise; a version served past its sunset is a warning.
     * Returns the weaker endpoints for the inventory.
     */
    private static List<VersionLint.Finding> versionFindings(VersioningSettings versioning, EndpointModel model,
                                                             ServletContext context) {
        List<String> unversioned = model.policies().stream().filter(p -> p.get(ApiVersion.class) != null
                && p.get(ApiVersion.class).name() == null).map(p -> p.site().httpMethod() + " " + p.site().path())
                .toList();
        List<String> unmatched = Versions.problems(versioning, model.policies());
        if (!unmatched.isEmpty()) {
            throw fail("Bulwark refuses to deploy " + context.getContextPath() + ": " + String.join("; ", unmatched));
        }
        List<VersionLint.Finding> weaker = VersionLint.check(model.policies(), versioning);
        List<String> problems = new java.util.ArrayList<>();
        if (!unversioned.isEmpty()) {
            problems.add("endpoints without an API version in their path: " + String.join(", ", unversioned));
        }
        weaker.forEach(f -> problems.add(f.message()));
        if (!problems.isEmpty()) {
            if (versioning.strict()) {
                throw fail("Bulwark (" + VersioningKeys.STRICT.name() + "=true) refuses to deploy "
                        + context.getContextPath() + ": " + String.join("; ", problems));
            }
            problems.forEach(p -> LOG.warning("Bulwark versioning for " + context.getContextPath() + ": " + p));
        }
        java.time.Instant now = java.time.Instant.now();
        if (versioning.serveAfterSunset()) {
            versioning.schedule().values().stream().filter(v -> v.sunset() != null && !now.isBefore(v.sunset()))
                    .forEach(v -> LOG.warning("Bulwark versioning for " + context.getContextPath() + ": API version "
                            + v.name() + " is PAST ITS SUNSET (" + v.sunset() + ") and still served because "
                            + VersioningKeys.AFTER_SUNSET.name() + "=serve: its clients were told it is gone"));
        }
        return weaker;
    }

    /**
     * The application's OpenAPI document compiled against the endpoint model ({@code bulwark.openapi.validation=on}),
     * or null when validation is off; a document that cannot be enforced as written fails the deployment.
     */
    private static dev.bulwark.internal.contract.Contract contract(BulwarkConfig config, EndpointModel model,
                                                                   ServletContext context) {
        dev.bulwark.internal.apidoc.OpenApiSettings openapi = config.settings(
                dev.bulwark.internal.apidoc.OpenApiKeys.CONCERN);
        if (!openapi.validation()) {
            return null;
        }
        dev.bulwark.internal.config.ConfigProblem library = dev.bulwark.internal.contract.ContractCompiler
                .libraryProblem(context.getClassLoader());
        if (library != null) {
            throw fail(library.message()); // the CDI extension reports it too, when it validates first
        }
        dev.bulwark.internal.contract.ContractCompiler.Result compiled = dev.bulwark.internal.contract
                .ContractCompiler.load(openapi, context.getClassLoader(), context.getContextPath(),
                        model.policies());
        if (!compiled.problems().isEmpty()) {
            throw fail("Bulwark cannot validate requests to " + context.getContextPath()
                    + " against the OpenAPI document: " + String.join("; ", compiled.problems()));
        }
        dev.bulwark.internal.contract.Contract contract = compiled.contract();
        LOG.info("Bulwark validates requests to " + context.getContextPath() + " against the OpenAPI document "
                + contract.document() + " (" + contract.operations().size() + " operations)");
        if (!contract.undocumented().isEmpty()) {
            LOG.warning("Bulwark: the OpenAPI document " + contract.document() + " of " + context.getContextPath()
                    + " does not describe " + String.join(", ", contract.undocumented())
                    + ": their requests are not validated against it");
        }
        return contract;
    }

    /** The inventory's finding for a resource method the validated OpenAPI document does not describe. */
    private static List<String> undocumented(dev.bulwark.internal.contract.Contract contract, EndpointPolicy policy) {
        return contract == null || policy.site().kind() != EndpointSite.Kind.RESOURCE
                || contract.operation(policy.site()) != null ? List.of()
                : List.of("not described by the OpenAPI document " + contract.document() + ": not validated");
    }

    /** One WARNING per working key past {@code bulwark.apikeys.max-age} (ids only, never a hash). */
    private static void reviewKeyAges(dev.bulwark.internal.apikeys.ApiKeys keys, ServletContext context) {
        try {
            keys.overAge().forEach(line -> LOG.warning("Bulwark API keys for " + context.getContextPath() + ": "
                    + line));
        } catch (RuntimeException e) {
            LOG.warning("Bulwark API keys for " + context.getContextPath() + ": the key store cannot be read at start"
                    + " (" + e.getMessage() + "): the ages of the keys are not reviewed");
        }
    }

    /** The posture report, built once from the same model and settings, at its path and its path + ".html". */
    private static void registerPosture(ServletContext context, BulwarkConfig config, EndpointModel model,
                                        dev.bulwark.internal.contract.Contract contract,
                                        Map<String, String> bulwarkServlets) {
        String role = config.inventory().endpointRole();
        String application = context.getContextPath().isEmpty() ? "/" : context.getContextPath();
        PostureReport report = PostureReport.assess(application, context.getContextPath(), model.policies(), config,
                Clock.systemUTC().instant(), config.inventory().docsBase() == null ? null
                        : config.inventory().docsBase().toString(), policy -> undocumented(contract, policy));
        ServletRegistration.Dynamic servlet = context.addServlet("bulwark-posture",
                new PostureServlet(report.json(), PostureHtml.render(report), role));
        String path = config.inventory().posturePath();
        requireMapping(servlet, path, context);
        requireMapping(servlet, path + ".html", context);
        bulwarkServlets.put(servlet.getName(), "Bulwark's posture report (role " + role + ")");
        LOG.info("Bulwark posture report at " + ResourceScanner.join(context.getContextPath(), path) + " and "
                + ResourceScanner.join(context.getContextPath(), path + ".html") + " for role " + role + ": "
                + report.findings().size() + " findings, overall score " + report.overall());
    }

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        BulwarkConfig config;
        try {
            config = BulwarkExtension.current().config();
        } catch (IllegalStateException e) {
            // Fail closed: without its validated configuration Bulwark cannot protect anything.
            throw new IllegalStateException("Bulwark could not read its validated configuration for "
                    + context.getContextPath() + ": the server must enable CDI (cdi-4.0) and MicroProfile Config"
                    + " (mpConfig-3.1) for this application", e);
        }
        if (!config.enabled()) {
            LOG.warning("Bulwark is disabled (bulwark.enabled=false) for " + context.getContextPath()
                    + ": no Bulwark control protects this application");
            return;
        }
        Set<Class<?>> found = classes == null ? Set.of() : classes;
        List<String> withoutFeature = ResourceScanner.withoutFeature(found,
                dev.bulwark.internal.jaxrs.BulwarkFeature.class);
        if (!withoutFeature.isEmpty()) {
            throw fail("Bulwark refuses to deploy " + context.getContextPath() + ": " + String.join(", ", withoutFeature)
                    + " sets jakarta.ws.rs.loadServices=false, so JAX-RS would load none of Bulwark's per-endpoint"
                    + " controls (access, scopes, ownership, rate limits, bodies) for it: remove that property, or"
                    + " return " + dev.bulwark.internal.jaxrs.BulwarkFeature.class.getName() + " from its getClasses()");
        }
        BulwarkExtension extension = BulwarkExtension.current();
        java.util.Optional<String> notBeans = dev.bulwark.internal.cdi.LoginConfigApplications.notBeans(found,
                extension.loginConfigNeedsBean(), extension::isLoginConfigBean);
        if (notBeans.isPresent()) {
            if (config.authz().strict()) {
                throw fail("Bulwark (bulwark.authz.strict=true) refuses to deploy " + context.getContextPath() + ": "
                        + notBeans.get());
            }
            LOG.warning("Bulwark: " + context.getContextPath() + ": " + notBeans.get());
        }
        EndpointModel model = EndpointModel.build(extension.controls().resolvers(), new ResourceScanner().sites(
                context.getContextPath(), ResourceScanner.applications(found)));
        if (!model.problems().isEmpty()) {
            // Fail the deployment: a misconfigured annotation must not silently weaken or break a resource.
            throw fail("Bulwark found invalid annotations in " + context.getContextPath() + ": "
                    + String.join("; ", model.problems()));
        }
        extension.publishResources(model);
        dev.bulwark.internal.contract.Contract contract = contract(config, model, context);
        extension.publishContract(contract);
        List<VersionLint.Finding> weaker = versionFindings(config.versioning(), model, context);
        // the route policies as read at deployment (they reload); matched below the context root, as requests are
        dev.bulwark.internal.network.NetworkSettings network = config.settings(
                dev.bulwark.internal.network.NetworkKeys.CONCERN);
        String root = context.getContextPath();
        List<Endpoint> inventory = model.policies().stream().map(p -> Endpoint.of(p).withFindings(weaker.stream()
                .filter(f -> f.older() == p).map(VersionLint.Finding::inventoryLine).toList())
                .withFindings(undocumented(contract, p)))
                .map(e -> e.withPolicy("routes", network.describeRoutes(e.httpMethod(),
                        e.path().startsWith(root) ? e.path().substring(root.length()) : e.path())))
                .toList();
        context.setAttribute(INVENTORY_ATTRIBUTE, inventory);
        List<String> undecided = inventory.stream().filter(Endpoint::undecided)
                .map(e -> e.httpMethod() + " " + e.path()).toList();
        if (config.authz().strict() && !undecided.isEmpty()) {
            throw fail("Bulwark (bulwark.authz.strict=true) refuses to deploy " + context.getContextPath()
                    + ": endpoints without an access decision: " + String.join(", ", undecided));
        }
        if (config.exposure().strict()) {
            List<String> exposed = dev.bulwark.internal.exposure.ExposurePolicy.findings(model.policies());
            if (!exposed.isEmpty()) {
                throw fail("Bulwark (bulwark.exposure.strict=true) refuses to deploy " + context.getContextPath()
                        + ": " + String.join(", ", exposed));
            }
        }
        if (config.observe().any()) {
            LOG.warning(config.observe().warning() + " in " + context.getContextPath());
        }
        if (config.inventory().log()) {
            LOG.info(InventoryReport.table(inventory, extension.beanPolicies(), config.observe().names()));
        }

        if (!config.transport().redirectPaths().isEmpty() && config.transport().allowedHosts().isEmpty()) {
            LOG.warning("Bulwark redirects plain-HTTP requests for bulwark.transport.redirect-paths of "
                    + context.getContextPath() + " to HTTPS at whatever well-formed host the request names: list"
                    + " the server's names in bulwark.transport.allowed-hosts");
        }

        long configured = config.validation().limits().maxBodyBytes();
        EndpointBodyLimits bodyLimits = new EndpointBodyLimits(model.policies().stream().map(p -> {
            JsonBodyRules.BodyPolicy body = p.get(JsonBodyRules.BodyPolicy.class);
            return new EndpointBodyLimits.Route(p.site().httpMethod(), p.site().path(),
                    body == null ? configured : body.maxBytes());
        }).toList(), configured);
        RateLimitSettings rl = config.rateLimiting();
        dev.bulwark.internal.ratelimit.MetricsAvailability.startupNotice(context.getContextPath(), rl.enabled(),
                dev.bulwark.internal.ratelimit.MetricsAvailability.apiPresent(context.getClassLoader()))
                .ifPresent(LOG::info);
        RefusalBudget refusals = rl.enabled() && rl.refused() != null ? new RefusalBudget(extension::limiter,
                rl.refused(), rl.refusedExempt(), config.errors().summaryInterval(), Clock.systemUTC()) : null;
        Versions versions = Versions.of(config.versioning(), model.policies(), Clock.systemUTC());
        VersionUsage versionUsage = versions == null ? null : new VersionUsage(
                (version, client) -> extension.versionCounters().increment(version, client),
                config.versioning().maxClients());
        if (versions != null) {
            LOG.info("Bulwark versioning for " + context.getContextPath() + ": lifecycle of "
                    + String.join(", ", config.versioning().schedule().keySet()) + (config.versioning().fromPath()
                    ? " at " + String.join(", ", versions.prefixes()) : " from " + config.versioning().source()));
        }
        ApiKeyAuthentication apiKeys = null;
        if (config.apiKeys().enabled()) {
            apiKeys = new ApiKeyAuthentication(config.apiKeys(), extension::apiKeys, extension::limiter);
            reviewKeyAges(extension.apiKeys(), context);
        }
        FilterRegistration.Dynamic filter = context.addFilter("bulwark",
                new BulwarkFilter(config, bodyLimits, extension.errorLog(), refusals, extension::tokenGate, versions,
                        versionUsage, apiKeys, extension.audit(), extension.addressRules(),
                        rl.enabled() ? new RouteRateLimits(extension::limiter) : null, extension.servedRequests()));
        filter.setAsyncSupported(true);
        filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR), false, "/*");

        // Bulwark's own servlets, by name, as the rest-of-the-server inventory shows them.
        Map<String, String> bulwarkServlets = new HashMap<>();
        // The error page that META-INF/web-fragment.xml names: the container's own errors become problems too.
        ServletRegistration.Dynamic errorPage = context.addServlet("bulwark-error", new ErrorPageServlet(
                new ProblemFactory(config.errors().typeBase()), new ErrorLog(config.errors().clientLogLevel().level()),
                CorrelationIds.secureRandomIds()));
        errorPage.setAsyncSupported(true);
        requireMapping(errorPage, ErrorPageServlet.PATH, context);
        bulwarkServlets.put(errorPage.getName(), "Bulwark's error page");

        if (config.inventory().endpointEnabled()) {
            String role = config.inventory().endpointRole();
            context.declareRoles(role);
            ServletRegistration.Dynamic servlet = context.addServlet("bulwark-inventory",
                    new InventoryServlet(InventoryReport.json(inventory, extension.beanPolicies(),
                            config.observe().names()), role));
            requireMapping(servlet, config.inventory().endpointPath(), context);
            bulwarkServlets.put(servlet.getName(), "Bulwark's inventory endpoint (role " + role + ")");
            LOG.info("Bulwark inventory endpoint enabled at " + ResourceScanner.join(context.getContextPath(),
                    config.inventory().endpointPath()) + " for role " + role);
            registerPosture(context, config, model, contract, bulwarkServlets);
        }

        VersioningSettings versioning = config.versioning();
        if (versioning.endpointEnabled() && !versioning.schedule().isEmpty()) {
            ServletRegistration.Dynamic servlet = context.addServlet("bulwark-versions",
                    new VersionScheduleServlet(ScheduleDocument.json(versioning)));
            requireMapping(servlet, versioning.endpointPath(), context);
            bulwarkServlets.put(servlet.getName(), "Bulwark's published version schedule (public)");
        }

        if (config.inventory().log()) {
            // The rest of the server is logged once every servlet of the module is registered.
            Set<String> jaxrsServlets = new HashSet<>();
            for (Class<?> c : found) {
                if (Application.class.isAssignableFrom(c)) {
                    jaxrsServlets.add(c.getName());
                }
            }
            context.setAttribute(ServerInventoryListener.FACTS_ATTRIBUTE,
                    new ServerInventoryListener.Facts(Set.copyOf(jaxrsServlets), Map.copyOf(bulwarkServlets)));
        }
    }
}
