package dev.bulwark.internal.cdi;

import dev.bulwark.api.TokenDenyList;
import dev.bulwark.internal.auth.InMemoryTokenDenyList;
import dev.bulwark.internal.auth.JwtLint;
import dev.bulwark.internal.auth.JwtSettings;
import dev.bulwark.internal.controls.BulwarkConfig;
import dev.bulwark.internal.controls.ConfigLoader;
import dev.bulwark.internal.controls.Controls;
import dev.bulwark.internal.errors.ErrorLog;
import dev.bulwark.internal.errors.ErrorSettings;
import dev.bulwark.internal.pipeline.EndpointModel;
import dev.bulwark.internal.pipeline.EndpointPolicy;
import dev.bulwark.internal.pipeline.EndpointSite;
import dev.bulwark.internal.ratelimit.Limiter;
import dev.bulwark.internal.ratelimit.RateLimitMetrics;
import dev.bulwark.internal.ratelimit.RateLimitSettings;
import dev.bulwark.internal.resources.ResourceScanner;
import dev.bulwark.internal.ratelimit.SharedStores;
import dev.bulwark.internal.config.ConfigProblem;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterTypeDiscovery;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.util.Nonbinding;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessBean;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
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
    private volatile boolean applicationDenyList;
    /** The application's classes that carry a Bulwark-enforced annotation, collected as the container finds them. */
    private final Set<Class<?>> guardedBeans = ConcurrentHashMap.newKeySet();
    private volatile Controls controls;
    private volatile EndpointModel beanModel;
    private volatile EndpointModel resourceModel;
    private volatile dev.bulwark.internal.contract.Contract contract;
    /** The JAX-RS applications and resource classes CDI discovered (for {@link #resourceModel()} before it is published). */
    private final Set<Class<?>> restTypes = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private EndpointModel earlyResourceModel;
    /** Policies of methods the deployment-time models did not hold (a class the container made up later). */
    private final Map<Late, EndpointPolicy> latePolicies = new ConcurrentHashMap<>();

    /** A method of a class, as one kind of site: the key of what is worked out once per method. */
    private record Late(EndpointSite.Kind kind, Class<?> type, Method method) {
    }
    /** Whether a method is a sub-resource locator, worked out once per method. */
    private final Map<Late, Boolean> locators = new ConcurrentHashMap<>();
    /** Whether a method is a JAX-RS property setter, worked out once per method. */
    private final Map<Method, Boolean> setters = new ConcurrentHashMap<>();

    /** The runtime installs MicroProfile JWT only for a {@code @LoginConfig} bean ({@link LoginConfigApplications}). */
    private volatile boolean loginConfigNeedsBean;
    /** The module's MP-JWT application classes found before discovery (only where the runtime needs a bean). */
    private volatile List<Class<?>> loginConfigApplications = List.of();
    /** Every class the container discovered (a type it will consider as a bean), of those above. */
    private final Set<Class<?>> discoveredApplications = ConcurrentHashMap.newKeySet();
    /** The MP-JWT application classes that became CDI beans. */
    private final Set<Class<?>> loginConfigBeans = ConcurrentHashMap.newKeySet();
    /** This instance in a holder for beans to keep ({@link #direct()}). */
    private final Direct direct = new Direct(this);

    /**
     * Registers Bulwark's interceptors: this jar is not a bean archive, so they are added here. {@code @RolesAllowed}
     * and {@code @DenyAll} become interceptor bindings (the roles are non-binding), so that Bulwark enforces them on
     * CDI beans, which only an EJB container would otherwise do.
     */
    void addInterceptor(@Observes BeforeBeanDiscovery event, BeanManager beanManager) {
        event.configureInterceptorBinding(RolesAllowed.class).methods()
                .forEach(m -> m.add(Nonbinding.Literal.INSTANCE));
        event.addInterceptorBinding(DenyAll.class);
        event.addAnnotatedType(beanManager.createAnnotatedType(RolesAllowedInterceptor.class),
                "dev.bulwark.RolesAllowedInterceptor");
        event.addAnnotatedType(beanManager.createAnnotatedType(DenyAllInterceptor.class),
                "dev.bulwark.DenyAllInterceptor");
        event.addAnnotatedType(beanManager.createAnnotatedType(RequiresScopesInterceptor.class),
                "dev.bulwark.RequiresScopesInterceptor");
        event.addAnnotatedType(beanManager.createAnnotatedType(RateLimitInterceptor.class),
                "dev.bulwark.RateLimitInterceptor");
        if (metricsApiPresent()) {
            event.addAnnotatedType(beanManager.createAnnotatedType(MetricsBridge.class),
                    "dev.bulwark.MetricsBridge");
        }
        if (healthApiPresent()) {
            event.addAnnotatedType(beanManager.createAnnotatedType(BulwarkReadiness.class),
                    "dev.bulwark.BulwarkReadiness");
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        boolean needsBean = LoginConfigApplications.runtimeNeedsBean(loader);
        loginConfigApplications(needsBean, needsBean ? LoginConfigApplications.find(loader) : List.of());
    }

    /** What the runtime needs and which MP-JWT application classes the module holds (before discovery). */
    void loginConfigApplications(boolean needsBean, List<Class<?>> applications) {
        loginConfigNeedsBean = needsBean;
        loginConfigApplications = List.copyOf(applications);
    }

    /**
     * Makes each MP-JWT application class that the container did not discover a CDI bean (dependent, nothing else
     * changes), on a runtime that installs MicroProfile JWT only for a {@code @LoginConfig} bean.
     */
    void addLoginConfigBeans(@Observes AfterTypeDiscovery event) {
        for (Class<?> application : loginConfigApplications) {
            if (!discoveredApplications.contains(application)) {
                event.addAnnotatedType(application, "dev.bulwark.LoginConfig." + application.getName());
                LOG.info("Bulwark makes " + application.getName() + " a CDI bean: this server installs MicroProfile"
                        + " JWT authentication only for a @LoginConfig class that is a bean");
            }
        }
    }

    /** Notes the MP-JWT application classes that are beans (the runtime's JWT extension sees the same event). */
    void detectLoginConfigBean(@Observes ProcessBean<?> event) {
        if (event.getAnnotated() instanceof jakarta.enterprise.inject.spi.AnnotatedType<?> type
                && LoginConfigApplications.isMpJwtApplication(type.getJavaClass())) {
            loginConfigBeans.add(type.getJavaClass());
        }
    }

    /** True when the runtime installs MicroProfile JWT only for a {@code @LoginConfig} class that is a CDI bean. */
    public boolean loginConfigNeedsBean() {
        return loginConfigNeedsBean;
    }

    /** True when {@code application} became a CDI bean of this deployment. */
    public boolean isLoginConfigBean(Class<?> application) {
        return loginConfigBeans.contains(application);
    }

    private static boolean healthApiPresent() {
        try {
            Class.forName("org.eclipse.microprofile.health.HealthCheck", false,
                    Thread.currentThread().getContextClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static boolean metricsApiPresent() {
        return dev.bulwark.internal.ratelimit.MetricsAvailability.apiPresent(
                Thread.currentThread().getContextClassLoader());
    }

    /**
     * Notes every application class whose methods Bulwark's interceptors guard, so that their policies are built
     * (and their annotations checked) at deployment. JAX-RS resources are left to the resource model.
     */
    void collectGuardedBeans(@Observes ProcessAnnotatedType<?> event) {
        Class<?> type = event.getAnnotatedType().getJavaClass();
        if (ResourceScanner.resourcePath(type) != null || (jakarta.ws.rs.core.Application.class.isAssignableFrom(type)
                && type.isAnnotationPresent(jakarta.ws.rs.ApplicationPath.class))) {
            restTypes.add(type);
        }
        if (loginConfigApplications.contains(type)) {
            discoveredApplications.add(type);
        }
        if (!type.isInterface() && !type.isAnnotationPresent(Interceptor.class) && carriesBeanAnnotation(type)) {
            guardedBeans.add(type);
            inheritClassBindings(event, type);
        }
    }

    /** The interceptor bindings Bulwark enforces on beans. */
    private static final List<Class<? extends java.lang.annotation.Annotation>> BINDINGS = List.of(
            RolesAllowed.class, DenyAll.class, dev.bulwark.api.RequiresScopes.class, dev.bulwark.api.RateLimit.class,
            dev.bulwark.api.RateLimits.class);

    /**
     * A class-level binding of a superclass binds the subclass's methods only if the annotation is
     * {@code @Inherited}, which {@code @RolesAllowed}, {@code @DenyAll} and {@code @RateLimit} are not: the bean
     * would inherit guarded methods with no interceptor at all. The superclass's binding is added to the bean's
     * type, so the interceptors run and apply the method's policy (which reads the declaring class's decision).
     */
    private static void inheritClassBindings(ProcessAnnotatedType<?> event, Class<?> type) {
        List<java.lang.annotation.Annotation> inherited = new ArrayList<>();
        for (Class<? extends java.lang.annotation.Annotation> binding : BINDINGS) {
            if (type.isAnnotationPresent(binding)) {
                continue;
            }
            for (Class<?> c = type.getSuperclass(); c != null && c != Object.class; c = c.getSuperclass()) {
                java.lang.annotation.Annotation found = c.getDeclaredAnnotation(binding);
                if (found != null) {
                    inherited.add(found);
                    break;
                }
            }
        }
        if (!inherited.isEmpty()) {
            var configurator = event.configureAnnotatedType();
            inherited.forEach(configurator::add);
        }
    }

    /** True when the class, a superclass or one of their methods carries one of {@link Controls#BEAN_ANNOTATIONS}. */
    private static boolean carriesBeanAnnotation(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (carriesAny(c)) {
                return true;
            }
            for (Method m : c.getDeclaredMethods()) {
                if (carriesAny(m)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean carriesAny(java.lang.reflect.AnnotatedElement element) {
        for (Class<? extends java.lang.annotation.Annotation> a : Controls.BEAN_ANNOTATIONS) {
            if (element.isAnnotationPresent(a)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Notes whether the application brings its own {@link TokenDenyList} bean. Bulwark's own default, added below,
     * is announced to this observer too (as a synthetic bean, after the application's): it is not the application's.
     */
    void detectDenyList(@Observes ProcessBean<?> event) {
        var bean = event.getBean();
        if (bean.getTypes().contains(TokenDenyList.class) && bean.getBeanClass() != InMemoryTokenDenyList.class
                && bean.getQualifiers().stream().anyMatch(q -> q.annotationType() == jakarta.enterprise.inject.Default.class)) {
            applicationDenyList = true; // a qualified one (@Named alone keeps @Default) is for something else
        }
    }

    /**
     * Why the token gate could not revoke through this deny-list bean (the one an unqualified injection point gets),
     * or null. The gate keeps the instance it looks up once; only an application-scoped or singleton bean is the
     * same object the application's {@code deny()} calls reach. A dependent one gives each injection point its own
     * instance, a request- or session-scoped one each request or session: revocation would seem to work and do
     * nothing.
     */
    static String denyListProblem(Bean<?> bean) {
        if (bean == null) {
            return "no dev.bulwark.api.TokenDenyList bean without a qualifier for the token gate";
        }
        Class<? extends java.lang.annotation.Annotation> scope = bean.getScope();
        if (bean.getBeanClass() == InMemoryTokenDenyList.class || scope == ApplicationScoped.class
                || scope == jakarta.inject.Singleton.class) {
            return null;
        }
        return "the dev.bulwark.api.TokenDenyList bean of " + bean.getBeanClass().getName() + " is @"
                + scope.getSimpleName() + ": the token gate keeps one instance and the application's deny() calls reach"
                + " others, so a revoked token would still pass; make it @ApplicationScoped";
    }

    /** True when the token gate asks the application's own deny-list bean rather than Bulwark's default. */
    boolean asksApplicationDenyList() {
        return applicationDenyList;
    }

    /**
     * Adds the bean Bulwark's interceptors are given the extension by: {@link Direct}, {@code @Singleton}, so the
     * container injects the holder itself, no client proxy and no context look-up (an interceptor is made with
     * every instance of a guarded request-scoped resource, that is on every request).
     */
    void addDirect(@Observes AfterBeanDiscovery event) {
        event.addBean()
                .beanClass(Direct.class)
                .types(Direct.class)
                .scope(jakarta.inject.Singleton.class)
                .createWith(ctx -> direct);
    }

    /** Adds the bounded in-memory {@link TokenDenyList} unless the application has one. */
    void addDefaultDenyList(@Observes AfterBeanDiscovery event) {
        if (applicationDenyList) {
            return;
        }
        event.addBean()
                .beanClass(InMemoryTokenDenyList.class)
                .types(TokenDenyList.class, Object.class)
                .scope(ApplicationScoped.class)
                .createWith(ctx -> defaultDenyList());
    }

    private InMemoryTokenDenyList defaultDenyList;

    /**
     * The default deny-list, one per deployment: the bean the application injects and the instance the token gate
     * asks on every request without going through the bean's client proxy (a context look-up per call).
     */
    private synchronized InMemoryTokenDenyList defaultDenyList() {
        if (defaultDenyList == null) {
            defaultDenyList = new InMemoryTokenDenyList(config().jwt().denyListMaxEntries(), Clock.systemUTC());
        }
        return defaultDenyList;
    }

    void validate(@Observes AfterDeploymentValidation event, BeanManager manager) {
        Config mpConfig = ConfigProvider.getConfig(Thread.currentThread().getContextClassLoader());
        Function<String, Optional<String>> source = key -> mpConfig.getOptionalValue(key, String.class);
        this.configSource = source;
        // the central baseline's own names are held to it by the loosening check, not reported as unknown keys
        // when a service's lists no longer name them (a route it dropped is a loosening, said as such)
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        for (org.eclipse.microprofile.config.spi.ConfigSource s : mpConfig.getConfigSources()) {
            if (!(s instanceof dev.bulwark.internal.network.BaselineConfigSource)) {
                names.addAll(s.getPropertyNames());
            }
        }
        ConfigLoader.Result result = ConfigLoader.load(source, names);
        java.util.List<ConfigProblem> problems = new java.util.ArrayList<>(result.problems());
        if (result.ok() && result.config().rateLimiting().store() == dev.bulwark.internal.ratelimit.RateLimitStoreKind.REDIS
                && !dev.bulwark.internal.ratelimit.SharedStores.redisAvailable(Thread.currentThread().getContextClassLoader())) {
            problems.add(new ConfigProblem("bulwark.ratelimit.store",
                    "is REDIS but io.lettuce:lettuce-core is not in the application", "MEMORY, or add Lettuce"));
        }
        if (result.ok() && result.config().settings(dev.bulwark.internal.apidoc.OpenApiKeys.CONCERN).validation()) {
            ConfigProblem library = dev.bulwark.internal.contract.ContractCompiler.libraryProblem(
                    Thread.currentThread().getContextClassLoader());
            if (library != null) {
                problems.add(library);
            }
        }
        if (result.ok()) {
            ConfigProblem alertStore = result.config().settings(dev.bulwark.internal.alerts.AlertKeys.CONCERN)
                    .storeProblem(result.config().rateLimiting().store());
            if (alertStore != null) {
                problems.add(alertStore);
            }
        }
        if (result.ok() && result.config().apiKeys().enabled()
                && result.config().apiKeys().store() == dev.bulwark.internal.apikeys.ApiKeyStoreKind.CUSTOM
                && manager.getBeans(dev.bulwark.api.ApiKeyStore.class).isEmpty()) {
            problems.add(new ConfigProblem("bulwark.apikeys.store",
                    "is CUSTOM but the application has no dev.bulwark.api.ApiKeyStore bean", "FILE, JDBC, or add one"));
        }
        if (result.ok() && result.config().secrets().lint()) {
            problems.addAll(packagedSecrets(result.config().secrets(), Thread.currentThread().getContextClassLoader()));
        }
        if (result.ok()) {
            java.nio.file.Path baseline = dev.bulwark.internal.network.Baseline.locate();
            problems.addAll(dev.bulwark.internal.network.Baseline.check(baseline,
                    result.config().settings(dev.bulwark.internal.network.NetworkKeys.CONCERN)));
            problems.addAll(dev.bulwark.internal.controls.BaselineHold.check(baseline, source));
            ConfigProblem observed = dev.bulwark.internal.network.Baseline.observeProblem(baseline,
                    result.config().observe());
            if (observed != null) {
                problems.add(observed);
            }
        }
        if (result.ok()) {
            problems.addAll(secretDirectoryProblems(result.config().secrets(),
                    dev.bulwark.internal.secrets.SecretDirectory.locate()));
        }
        if (result.ok()) {
            JwtLint.Result lint = JwtLint.check(result.config().jwt(), source,
                    Thread.currentThread().getContextClassLoader());
            problems.addAll(lint.problems());
            for (String warning : lint.warnings()) {
                LOG.warning("Bulwark JWT lint: " + warning);
            }
        }
        if (!problems.isEmpty()) {
            // One plain line naming every problem (containers bury deployment exceptions in stack traces), and one
            // deployment problem carrying them all, so that a single deployment attempt shows every bad key.
            String all = String.join("; ", problems.stream().map(ConfigProblem::message).toList());
            LOG.severe("Bulwark refuses to deploy this application (" + problems.size() + " configuration problem"
                    + (problems.size() == 1 ? "" : "s") + "): " + all);
            event.addDeploymentProblem(new DeploymentException(all));
            return;
        }
        List<String> beanProblems = buildBeanModel(result.config());
        if (!beanProblems.isEmpty()) {
            String all = String.join("; ", beanProblems);
            LOG.severe("Bulwark refuses to deploy this application: invalid annotations on CDI beans: " + all);
            event.addDeploymentProblem(new DeploymentException("Bulwark found invalid annotations on CDI beans: "
                    + all));
            return;
        }
        if (result.config().jwt().inUse()) {
            String denyList;
            try {
                denyList = denyListProblem(manager.resolve(manager.getBeans(TokenDenyList.class)));
            } catch (jakarta.enterprise.inject.AmbiguousResolutionException e) {
                denyList = "several dev.bulwark.api.TokenDenyList beans without a qualifier: "
                        + manager.getBeans(TokenDenyList.class).stream().map(b -> b.getBeanClass().getName()).toList();
            }
            if (denyList != null) {
                LOG.severe("Bulwark refuses to deploy this application: " + denyList);
                event.addDeploymentProblem(new DeploymentException("Bulwark: " + denyList));
                return;
            }
        }
        config = result.config();
        redisUrlOrdinal = sourceOrdinal(mpConfig, dev.bulwark.internal.ratelimit.RateLimitKeys.REDIS_URL);
        webhookTokenOrdinal = sourceOrdinal(mpConfig, dev.bulwark.internal.alerts.WebhookKeys.TOKEN);
        LOG.fine("Bulwark configuration validated");
    }

    /**
     * The packaged-secrets lint: a secret-looking value in the application's own
     * {@code META-INF/microprofile-config.properties} is a deployment problem naming the key, unless the key is in
     * {@code bulwark.secrets.lint.allow} (then a WARNING at every start). Never the value.
     */
    static List<ConfigProblem> packagedSecrets(dev.bulwark.internal.secrets.SecretsSettings secrets,
                                               ClassLoader loader) {
        java.util.Map<String, String> packaged = new java.util.TreeMap<>();
        try {
            java.util.Enumeration<java.net.URL> files = loader.getResources("META-INF/microprofile-config.properties");
            while (files.hasMoreElements()) {
                java.util.Properties p = new java.util.Properties();
                try (java.io.InputStream in = files.nextElement().openStream()) {
                    p.load(in);
                }
                p.stringPropertyNames().forEach(name -> packaged.put(name, p.getProperty(name)));
            }
        } catch (java.io.IOException | IllegalArgumentException e) {
            return List.of(new ConfigProblem(dev.bulwark.internal.secrets.SecretsKeys.LINT.name(),
                    "the packaged microprofile-config.properties cannot be read (" + e.getClass().getSimpleName()
                            + ")", "a readable properties file"));
        }
        java.util.Set<String> secretKeys = new java.util.HashSet<>();
        for (dev.bulwark.internal.config.Key<?> k : ConfigLoader.keys()) {
            if (k.type().equals("secret")) {
                secretKeys.add(k.name());
            }
        }
        List<ConfigProblem> problems = new java.util.ArrayList<>();
        for (dev.bulwark.internal.secrets.SecretsLint.Finding f : dev.bulwark.internal.secrets.SecretsLint.check(
                packaged, secretKeys::contains)) {
            if (secrets.lintAllow().contains(f.key())) {
                LOG.warning("Bulwark secrets lint: " + f.key() + " in the packaged microprofile-config.properties"
                        + " looks like a secret (" + f.why() + ") and is let through by "
                        + dev.bulwark.internal.secrets.SecretsKeys.LINT_ALLOW.name());
            } else {
                problems.add(new ConfigProblem(f.key(), "holds a secret-looking value packaged in the application ("
                        + f.why() + ")", "the value from a secret file (bulwark.secrets.dir) or the environment, or"
                        + " the key listed in " + dev.bulwark.internal.secrets.SecretsKeys.LINT_ALLOW.name()));
            }
        }
        return problems;
    }

    /**
     * The secret directory must be where the secret source looks (a system property or the environment: the source
     * cannot read the application's own configuration) and must exist (a volume that was not mounted).
     */
    static List<ConfigProblem> secretDirectoryProblems(dev.bulwark.internal.secrets.SecretsSettings secrets,
                                                      java.nio.file.Path located) {
        String key = dev.bulwark.internal.secrets.SecretsKeys.DIR.name();
        if (secrets.dir() != null && (located == null || !located.toString().equals(java.nio.file.Path.of(
                secrets.dir().strip()).toString()))) {
            return List.of(new ConfigProblem(key, "is set where the secret source cannot see it",
                    "a system property or the environment variable BULWARK_SECRETS_DIR"));
        }
        if (located != null && !java.nio.file.Files.isDirectory(located)) {
            return List.of(new ConfigProblem(key, "'" + located + "' is not a directory (not mounted?)",
                    "an existing directory of secret files"));
        }
        return List.of();
    }

    /**
     * Builds the policies of the guarded beans' methods with the deployment's controls; returns the problems of
     * their annotations (each naming the annotation, the class or method, and what is wrong), empty when valid.
     */
    List<String> buildBeanModel(BulwarkConfig validated) {
        Controls built = new Controls(validated);
        EndpointModel beans = EndpointModel.build(built.resolvers(), beanSites());
        if (beans.problems().isEmpty()) {
            controls = built;
            beanModel = beans;
        }
        return beans.problems();
    }

    /** Every business method of the guarded bean classes (public, protected or package-private; not static). */
    private List<EndpointSite> beanSites() {
        List<EndpointSite> sites = new ArrayList<>();
        List<Class<?>> types = new ArrayList<>(guardedBeans);
        types.sort(Comparator.comparing(Class::getName));
        for (Class<?> type : types) {
            Set<String> seen = new java.util.HashSet<>();
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                Method[] methods = c.getDeclaredMethods();
                java.util.Arrays.sort(methods, Comparator.comparing(Method::toGenericString));
                for (Method m : methods) {
                    int mod = m.getModifiers();
                    if (Modifier.isPrivate(mod) || Modifier.isStatic(mod) || m.isSynthetic() || m.isBridge()
                            || dev.bulwark.internal.resources.JaxRsParameters.isInjectionSetter(m)
                            || !seen.add(m.getName() + java.util.Arrays.toString(m.getParameterTypes()))) {
                        continue;
                    }
                    sites.add(site(type, m));
                }
            }
        }
        return sites;
    }

    /** The controls of this deployment (the endpoint resolvers); only once the deployment passed validation. */
    public Controls controls() {
        config();
        return controls;
    }

    /** The bean model as built. */
    EndpointModel beanModel() {
        return beanModel;
    }

    /**
     * The guarded bean methods' policies, for the inventory (a resource class's methods, which the interceptors also
     * guard when it is called as a bean, are listed as endpoints).
     */
    public List<EndpointPolicy> beanPolicies() {
        EndpointModel model = beanModel;
        if (model == null) {
            throw new IllegalStateException("Bulwark's bean policies were not built for this deployment");
        }
        return model.policies().stream().filter(p -> p.site().kind() == EndpointSite.Kind.BEAN).toList();
    }

    /**
     * Publishes the resource model the servlet initializer built from the module's resource classes (validated
     * there: a problem fails the deployment before this is called).
     */
    public void publishResources(EndpointModel model) {
        resourceModel = model;
    }

    /** The servlet initializer's compiled OpenAPI document, for the JAX-RS bindings ({@code bulwark.openapi.validation}). */
    public void publishContract(dev.bulwark.internal.contract.Contract compiled) {
        contract = compiled;
    }

    /** The compiled OpenAPI document requests are validated against, or null when validation is off. */
    public dev.bulwark.internal.contract.Contract contract() {
        return contract;
    }

    /**
     * The resource model the servlet initializer published; before it did (MicroProfile OpenAPI builds its document
     * before the web module starts on Open Liberty), one built now from the JAX-RS classes CDI discovered, without
     * the context root in its paths. Only once the deployment passed validation.
     */
    public EndpointModel resourceModel() {
        EndpointModel published = resourceModel;
        if (published != null) {
            return published;
        }
        synchronized (restTypes) {
            if (earlyResourceModel == null) {
                earlyResourceModel = EndpointModel.build(controls().resolvers(),
                        new ResourceScanner().sites("", ResourceScanner.applications(List.copyOf(restTypes))));
            }
            return earlyResourceModel;
        }
    }

    /**
     * The policy of a resource method as the JAX-RS runtime matched it: from the resource model, else (a resource
     * the scan could not see, such as one an application only returns from {@code getSingletons()}) resolved now
     * with the same resolvers; a problem then fails the binding, so the method is never served unguarded.
     */
    public EndpointPolicy resourcePolicy(Class<?> resource, Method method) {
        Class<?> type = EndpointSite.userClass(resource); // a sub-resource CDI bean may come as its client proxy
        EndpointModel model = resourceModel;
        EndpointPolicy policy = model == null ? null : model.exact(type, method);
        return policy != null ? policy : late(ResourceScanner.site(type, method));
    }

    /**
     * The policy of an intercepted method: from the bean model (which holds every application class carrying a
     * Bulwark annotation, resource classes included, as they may be called as beans), else resolved now from the
     * instance's class.
     */
    public EndpointPolicy beanPolicy(InvocationContext invocation) {
        Object target = invocation.getTarget();
        Method method = invocation.getMethod();
        // every application class carrying a Bulwark annotation is in the model, its bean subclasses included
        Class<?> type = EndpointSite.userClass(target == null ? method.getDeclaringClass() : target.getClass());
        EndpointPolicy policy = beanModel == null ? null : beanModel.exact(type, method);
        return policy != null ? policy : late(site(type, method));
    }

    /** True when {@code method} is a sub-resource locator of {@code type} (JAX-RS calls it while matching). */
    public boolean isLocator(Class<?> type, Method method) {
        return locators.computeIfAbsent(new Late(EndpointSite.Kind.RESOURCE, type, method),
                k -> ResourceScanner.isLocator(type, method));
    }

    /** True when the JAX-RS runtime calls {@code method} to inject a request value (a property setter). */
    public boolean isInjectionSetter(Method method) {
        return setters.computeIfAbsent(method, dev.bulwark.internal.resources.JaxRsParameters::isInjectionSetter);
    }

    /** The site of an intercepted method: a bean's, or a resource (or sub-resource) class's called as a bean. */
    private static EndpointSite site(Class<?> type, Method method) {
        return ResourceScanner.servesRequests(type) ? EndpointSite.resourceBean(type, method)
                : EndpointSite.bean(type, method);
    }

    private EndpointPolicy late(EndpointSite site) {
        return latePolicies.computeIfAbsent(new Late(site.kind(), site.type(), site.method()), k -> {
                    EndpointModel model = EndpointModel.build(controls().resolvers(), List.of(site));
                    if (!model.problems().isEmpty()) {
                        String all = String.join("; ", model.problems());
                        LOG.severe("Bulwark refuses to serve " + site.name() + ": " + all);
                        throw new IllegalStateException("Bulwark found invalid annotations: " + all);
                    }
                    return model.policies().get(0);
                });
    }

    /** An application bean of the given type (an object access policy, a rate-limit key resolver). */
    public <T> T bean(Class<? extends T> type) {
        return firstSatisfied(CDI.current().select(type), () -> moduleBean(type));
    }

    /**
     * The bean {@code CDI.current()} resolves, else the web module's: on Payara, {@code CDI.current()} called from
     * Bulwark's jar (no bean archive) answers with a bean manager that does not see the application's classes, and
     * an application's {@code @ApplicationScoped} policy is "unsatisfied" there; the module's bean manager
     * ({@code java:comp/BeanManager}) resolves it.
     */
    static <T> T firstSatisfied(jakarta.enterprise.inject.Instance<? extends T> current, java.util.function.Supplier<T> module) {
        if (!current.isUnsatisfied()) {
            return current.get();
        }
        return module.get();
    }

    private static <T> T moduleBean(Class<? extends T> type) {
        BeanManager manager;
        try {
            manager = (BeanManager) new javax.naming.InitialContext().lookup("java:comp/BeanManager");
        } catch (javax.naming.NamingException e) {
            throw new IllegalStateException("no CDI bean of " + type.getName() + " (and no module bean manager)", e);
        }
        jakarta.enterprise.inject.spi.Bean<?> bean = manager.resolve(manager.getBeans(type));
        if (bean == null) {
            throw new IllegalStateException("no CDI bean of " + type.getName());
        }
        return type.cast(manager.getReference(bean, type, manager.createCreationalContext(bean)));
    }

    /** The validated configuration; only available once the deployment passed validation. */
    public BulwarkConfig config() {
        BulwarkConfig c = config;
        if (c == null) {
            throw new IllegalStateException("Bulwark configuration was not validated for this deployment");
        }
        return c;
    }

    private Limiter limiter;
    private ErrorLog errorLog;
    /** The request each thread serves inside the servlet filter, for the interceptors. */
    private final dev.bulwark.internal.pipeline.ServedRequests servedRequests =
            new dev.bulwark.internal.pipeline.ServedRequests();

    /** The request each thread serves inside Bulwark's servlet filter (set by the filter, read by interceptors). */
    public dev.bulwark.internal.pipeline.ServedRequests servedRequests() {
        return servedRequests;
    }
    /** The deployment's configuration, read again by the rules that reload. */
    private volatile Function<String, Optional<String>> configSource;
    private dev.bulwark.internal.network.AddressRules addressRules;

    /** The deployment's address rules (global, per route, per role), read again at their reload interval. */
    public synchronized dev.bulwark.internal.network.AddressRules addressRules() {
        if (addressRules == null) {
            addressRules = new dev.bulwark.internal.network.AddressRules(
                    config().settings(dev.bulwark.internal.network.NetworkKeys.CONCERN), configSource,
                    Clock.systemUTC(), LOG::warning, dev.bulwark.internal.network.Baseline.locate());
        }
        return addressRules;
    }
    private boolean shutDown;

    /** The deployment's one rate limiter (store, metrics), shared by JAX-RS and the CDI interceptor. */
    public synchronized Limiter limiter() {
        if (shutDown) {
            throw new IllegalStateException("Bulwark: the application is stopping");
        }
        if (limiter == null) {
            RateLimitSettings rl = config().rateLimiting();
            RateLimitMetrics metrics = RateLimitMetrics.of(MetricsBridge.lookup());
            limiter = new Limiter(SharedStores.create(rl, metrics, rl.store() == dev.bulwark.internal.ratelimit
                    .RateLimitStoreKind.REDIS ? redisUrl(rl) : null), metrics, rl.apiKeyHeader(), this::bean);
        }
        return limiter;
    }

    private volatile dev.bulwark.internal.versioning.VersionUsage.Counters versionCounters;

    /** The API version usage counters (MicroProfile Metrics when the server has it), made on first use. */
    public dev.bulwark.internal.versioning.VersionUsage.Counters versionCounters() {
        dev.bulwark.internal.versioning.VersionUsage.Counters c = versionCounters;
        if (c == null) {
            synchronized (this) {
                if (versionCounters == null) {
                    versionCounters = metricsApiPresent()
                            ? dev.bulwark.internal.versioning.VersionMetrics.of(MetricsBridge.lookup())
                            : dev.bulwark.internal.versioning.VersionUsage.Counters.NONE;
                }
                c = versionCounters;
            }
        }
        return c;
    }

    private volatile dev.bulwark.internal.auth.TokenGate tokenGate;

    /**
     * The deployment's one token gate (policy, deny-list bean, published keys), shared by the servlet filter, the
     * JAX-RS filter and the CDI interceptors; null when MicroProfile JWT is not in use.
     */
    public dev.bulwark.internal.auth.TokenGate tokenGate() {
        dev.bulwark.internal.auth.TokenGate gate = tokenGate;
        return gate != null ? gate : makeTokenGate();
    }

    private synchronized dev.bulwark.internal.auth.TokenGate makeTokenGate() {
        JwtSettings jwt = config().jwt();
        if (tokenGate == null && jwt.inUse()) {
            // the application's own deny-list through its bean (whatever its scope); Bulwark's own directly
            TokenDenyList denyList = applicationDenyList ? CDI.current().select(TokenDenyList.class).get()
                    : defaultDenyList();
            dev.bulwark.internal.auth.PublishedKeys keys = jwt.remoteKeys() == null ? null
                    : new dev.bulwark.internal.auth.PublishedKeys(new dev.bulwark.internal.auth.JwksFetcher(jwt.remoteKeys()),
                            jwt.jwksMaxAge(), jwt.jwksCooldown(), Clock.systemUTC());
            tokenGate = new dev.bulwark.internal.auth.TokenGate(new dev.bulwark.internal.auth.TokenPolicy(jwt), denyList, keys,
                    Clock.systemUTC(), new dev.bulwark.internal.auth.VerifiedTokens(jwt.verifiedTokensMaxEntries()));
        }
        return tokenGate;
    }

    private volatile dev.bulwark.internal.secrets.SecretFiles secretFiles;
    private volatile boolean secretFilesLooked;

    /**
     * The secret directory as Bulwark's components follow it (rotated secrets used without a restart; each change
     * logged by name), or null when none is configured. Made on first use; the names it holds are logged then.
     */
    public dev.bulwark.internal.secrets.SecretFiles secretFiles() {
        if (secretFilesLooked) {
            return secretFiles;
        }
        synchronized (this) {
            if (!secretFilesLooked) {
                java.nio.file.Path dir = dev.bulwark.internal.secrets.SecretDirectory.locate();
                if (dir != null) {
                    secretFiles = new dev.bulwark.internal.secrets.SecretFiles(dir, Clock.systemUTC(),
                            config().secrets().refresh(), change -> LOG.info("Bulwark secrets in " + dir + ": "
                                    + change + " (the value is never logged)"));
                    LOG.info("Bulwark secrets: " + secretFiles.all().size() + " secret files in " + dir + " "
                            + new java.util.TreeSet<>(secretFiles.all().keySet()) + ", checked for changes every "
                            + config().secrets().refresh().toMillis() + " ms");
                }
                secretFilesLooked = true;
            }
            return secretFiles;
        }
    }

    /** The ordinal of the configuration source the deployment read a key's value from (0: the default). */
    private static int sourceOrdinal(Config mpConfig, dev.bulwark.internal.config.Key<?> key) {
        org.eclipse.microprofile.config.ConfigValue value = mpConfig.getConfigValue(key.name());
        return value == null || value.getValue() == null ? 0 : value.getSourceOrdinal();
    }

    /**
     * The Redis URL now, following the secret files as MicroProfile Config ranks them: a URL from a system property
     * or an environment variable (above the files) is never replaced by them; below them, a valid one from the files.
     */
    private java.util.function.Supplier<String> redisUrl(RateLimitSettings rl) {
        return followed(dev.bulwark.internal.ratelimit.RateLimitKeys.REDIS_URL, rl.redisUrl(), redisUrlOrdinal);
    }

    /**
     * A secret key's value now, following the secret files as MicroProfile Config ranks them
     * ({@link dev.bulwark.internal.secrets.FollowedSecret}); null when there are no secret files.
     *
     * @param deployed the value the deployment read
     * @param ordinal  the ordinal of the source it came from (0: the default)
     */
    private dev.bulwark.internal.secrets.FollowedSecret followed(dev.bulwark.internal.config.Key<String> key,
                                                                 String deployed, int ordinal) {
        dev.bulwark.internal.secrets.SecretFiles files = secretFiles();
        if (files == null) {
            return null;
        }
        dev.bulwark.internal.secrets.FollowedSecret value = new dev.bulwark.internal.secrets.FollowedSecret(key,
                deployed, ordinal, files, problem -> LOG.severe("Bulwark secrets: " + problem));
        if (value.outranked() && files.get(key.name()).isPresent()) {
            LOG.info("Bulwark secrets: " + key.name() + " is set by a source above the secret files (a system"
                    + " property or an environment variable): its secret file is not used");
        }
        return value;
    }

    /** The ordinals of the sources the deployment's Redis URL and webhook token came from (0: the default). */
    private volatile int redisUrlOrdinal;
    private volatile int webhookTokenOrdinal;

    private volatile dev.bulwark.internal.apikeys.ApiKeys apiKeys;

    /**
     * The deployment's API keys (format, store, keyed hash), shared by the servlet filter; made on first use (a JDBC
     * store's data source and a CUSTOM store's bean resolve on the application's threads). Null when API keys are
     * off.
     */
    public dev.bulwark.internal.apikeys.ApiKeys apiKeys() {
        dev.bulwark.internal.apikeys.ApiKeys keys = apiKeys;
        return keys != null ? keys : makeApiKeys();
    }

    private synchronized dev.bulwark.internal.apikeys.ApiKeys makeApiKeys() {
        dev.bulwark.internal.apikeys.ApiKeySettings settings = config().apiKeys();
        if (apiKeys == null && settings.enabled()) {
            dev.bulwark.api.ApiKeyStore store = switch (settings.store()) {
                case FILE -> new dev.bulwark.internal.apikeys.FileApiKeyStore(java.nio.file.Path.of(settings.file()));
                case JDBC -> new dev.bulwark.internal.apikeys.JdbcApiKeyStore(
                        () -> dataSource(settings.dataSource()), settings.table());
                case CUSTOM -> bean(dev.bulwark.api.ApiKeyStore.class);
            };
            dev.bulwark.internal.apikeys.Peppers hasher = new dev.bulwark.internal.apikeys.Peppers(
                    settings.pepper(), settings.previousPepper(), secretFiles(),
                    problem -> LOG.severe("Bulwark secrets: " + problem));
            apiKeys = new dev.bulwark.internal.apikeys.ApiKeys(
                    new dev.bulwark.internal.apikeys.ApiKeyFormat(settings.prefix()), store, hasher,
                    Clock.systemUTC(), settings.cacheTtl(), settings.maxAge(), config().authz().scopeClaim(),
                    settings.audience());
        }
        return apiKeys;
    }

    private static javax.sql.DataSource dataSource(String name) {
        try {
            return (javax.sql.DataSource) new javax.naming.InitialContext().lookup(name);
        } catch (javax.naming.NamingException | ClassCastException e) {
            throw new IllegalStateException("no data source " + name + " (bulwark.apikeys.jdbc.datasource)", e);
        }
    }

    /** The deployment's one error log (its 4xx summary counts every layer's problems together). */
    public synchronized ErrorLog errorLog() {
        if (errorLog == null) {
            ErrorSettings errors = config().errors();
            errorLog = new ErrorLog(errors.clientLogLevel().level(), errors.summaryInterval(), Clock.systemUTC());
        }
        return errorLog;
    }

    private dev.bulwark.internal.audit.AuditLog audit;

    /** Bulwark's state for the readiness check. */
    public synchronized BulwarkState state() {
        dev.bulwark.internal.auth.TokenGate gate = tokenGate;
        return BulwarkState.of(config().rateLimiting(), limiter == null ? null : limiter.store(), config().jwt(),
                gate == null ? null : gate.keysFetched(), audit == null ? 0 : audit.dropped(), config().observe());
    }

    /**
     * The deployment's audit log (access events on its writer thread), started on first use; null when
     * {@code bulwark.audit.enabled} is false.
     */
    public synchronized dev.bulwark.internal.audit.AuditLog audit() {
        dev.bulwark.internal.audit.AuditSettings settings = config().settings(
                dev.bulwark.internal.audit.AuditKeys.CONCERN);
        if (audit == null && !shutDown) {
            List<java.util.function.Consumer<dev.bulwark.internal.audit.AuditEvent>> listeners = new ArrayList<>();
            if (settings.refusalMetrics() && metricsApiPresent()) {
                var counters = dev.bulwark.internal.audit.RefusalMetrics.of(MetricsBridge.lookup());
                if (counters != null) {
                    listeners.add(counters);
                }
            }
            if (config().observe().any() && metricsApiPresent()) {
                var observed = dev.bulwark.internal.audit.ObservedMetrics.of(MetricsBridge.lookup());
                if (observed != null) {
                    listeners.add(observed);
                }
            }
            dev.bulwark.internal.alerts.AlertSettings alerts = config().settings(
                    dev.bulwark.internal.alerts.AlertKeys.CONCERN);
            var made = new java.util.concurrent.atomic.AtomicReference<dev.bulwark.internal.audit.AuditLog>();
            if (alerts.enabled()) {
                dev.bulwark.internal.audit.AlertMetrics counters = metricsApiPresent()
                        ? dev.bulwark.internal.audit.AlertMetrics.of(MetricsBridge.lookup()) : null;
                AlertPublisher publisher = new AlertPublisher(made::get, counters, CDI.current().getBeanManager(),
                        webhook());
                // shared windows: the rate limiter's Redis connection, its store made (not connected) here
                dev.bulwark.internal.ratelimit.RedisScripts shared = alerts.shared(config().rateLimiting().store())
                        && limiter().store() instanceof dev.bulwark.internal.ratelimit.FallbackStore store
                        ? store.scripts() : null;
                listeners.add(new dev.bulwark.internal.alerts.Detectors(alerts, publisher,
                        counters == null ? detector -> { } : counters::suppressed, shared,
                        config().rateLimiting().redisPrefix(), metricsApiPresent()
                                ? dev.bulwark.internal.audit.AlertMetrics.storeErrors(MetricsBridge.lookup())
                                : () -> { }));
                if (shared != null) {
                    LOG.info("Bulwark alerts: the count detectors' windows are shared through the rate limiter's"
                            + " Redis");
                }
            }
            if (settings.enabled() || !listeners.isEmpty()) {
                audit = new dev.bulwark.internal.audit.AuditLog(settings.queueSize(), settings.enabled()
                        ? dev.bulwark.internal.audit.AuditSink.of(settings) : null, listeners, Clock.systemUTC(),
                        alerts.enabled());
                made.set(audit);
                audit.start(Thread::new);
            }
        }
        return audit;
    }

    private dev.bulwark.internal.alerts.AlertWebhook webhook;

    /** The alert webhook, its sender started; null when no URL is configured. */
    private dev.bulwark.internal.alerts.AlertWebhook webhook() {
        dev.bulwark.internal.alerts.WebhookSettings settings = config().settings(
                dev.bulwark.internal.alerts.WebhookKeys.CONCERN);
        if (webhook == null && settings.enabled()) {
            java.util.function.Consumer<String> counters = metricsApiPresent()
                    ? dev.bulwark.internal.alerts.WebhookMetrics.of(MetricsBridge.lookup()) : null;
            java.util.function.Supplier<String> token = followed(dev.bulwark.internal.alerts.WebhookKeys.TOKEN,
                    settings.token(), webhookTokenOrdinal);
            String deployed = settings.token();
            webhook = dev.bulwark.internal.alerts.AlertWebhook.of(settings, token != null ? token : () -> deployed,
                    Clock.systemUTC(), counters != null ? counters : outcome -> { });
            webhook.start(Thread::new);
            LOG.info("Bulwark alerts: each alert is POSTed to " + settings.origin());
        }
        return webhook;
    }

    /**
     * The application stops (undeployed, redeployed or the server shutting down): the rate-limit store lets go of
     * its connection (a Redis client would otherwise stay connected, with its threads, for every redeployment), the
     * 4xx summary of the unfinished interval is written, the audit log writes what is queued, and the alert
     * webhook's sender stops.
     */
    synchronized void shutdown(@Observes BeforeShutdown event) {
        shutDown = true;
        if (limiter != null) {
            limiter.close();
            limiter = null;
        }
        if (errorLog != null) {
            errorLog.flush();
        }
        if (audit != null) {
            audit.close(); // what is queued is written
            audit = null;
        }
        if (webhook != null) {
            webhook.close(); // after the audit log: the alerts of its last events are counted as left at the stop
            webhook = null;
        }
    }

    private volatile jakarta.servlet.http.HttpServletRequest requestProxy;
    private volatile jakarta.enterprise.inject.Instance<jakarta.servlet.http.HttpServletRequest> requests;

    /**
     * The HTTP request being served on this thread, through the built-in request bean, for the interceptors (which
     * then need no injection of their own: the interceptors of a request-scoped resource are made on every
     * request). Where that bean has a normal scope (CDI's request scope, as the specification says), its client
     * proxy stands for whichever request is current, so it is resolved once for the deployment; otherwise on every
     * call. Null where the runtime has no such bean; using it outside a request throws.
     */
    jakarta.servlet.http.HttpServletRequest currentRequest() {
        jakarta.servlet.http.HttpServletRequest proxy = requestProxy;
        if (proxy != null) {
            return proxy;
        }
        var instance = requests;
        if (instance == null) {
            BeanManager manager = CDI.current().getBeanManager();
            var bean = manager.resolve(manager.getBeans(jakarta.servlet.http.HttpServletRequest.class));
            if (bean == null) {
                return null;
            }
            instance = CDI.current().select(jakarta.servlet.http.HttpServletRequest.class);
            if (manager.isNormalScope(bean.getScope())) {
                proxy = instance.get();
                requestProxy = proxy;
                return proxy;
            }
            requests = instance;
        }
        return instance.get();
    }

    /**
     * This instance, for a bean made on every request to keep instead of the client proxy the container injects
     * for an extension (which looks the instance up on every call). It comes in a holder: a client proxy whose call
     * returns the instance itself hands back the proxy instead (Weld does, so that the instance does not escape),
     * and a holder is not the instance. Bulwark's interceptors are injected the holder itself ({@link #addDirect}).
     */
    public Direct direct() {
        return direct;
    }

    /** The extension instance itself, not a client proxy ({@link #direct()}). */
    public record Direct(BulwarkExtension extension) {
    }

    /** The extension instance of the current deployment. */
    public static BulwarkExtension current() {
        return CDI.current().getBeanManager().getExtension(BulwarkExtension.class);
    }
}
