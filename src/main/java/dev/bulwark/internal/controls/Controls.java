package dev.bulwark.internal.controls;

import dev.bulwark.api.ObjectAccessPolicy;
import dev.bulwark.api.OwnedBy;
import dev.bulwark.api.RateLimit;
import dev.bulwark.api.RateLimits;
import dev.bulwark.api.RequiresScopes;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.annotation.Annotation;
import dev.bulwark.internal.auth.JwtKeys;
import dev.bulwark.internal.authz.jaxrs.AccessBinding;
import dev.bulwark.internal.exposure.egress.EgressAllowances;
import dev.bulwark.internal.exposure.egress.EgressKeys;
import dev.bulwark.internal.exposure.egress.jaxrs.EgressAllowedBinding;
import dev.bulwark.internal.headers.jaxrs.HeaderOverridesBinding;
import dev.bulwark.internal.pipeline.Binding;
import dev.bulwark.internal.ratelimit.Limiter;
import dev.bulwark.internal.ratelimit.jaxrs.RateLimitBinding;
import dev.bulwark.internal.validation.jaxrs.JsonBodyBinding;
import java.util.function.Function;
import java.util.function.Supplier;
import dev.bulwark.internal.authz.AccessResolver;
import dev.bulwark.internal.authz.AuthzKeys;
import dev.bulwark.internal.config.ConfigConcern;
import dev.bulwark.internal.cors.CorsKeys;
import dev.bulwark.internal.correlation.CorrelationKeys;
import dev.bulwark.internal.errors.ErrorKeys;
import dev.bulwark.internal.exposure.ExposureKeys;
import dev.bulwark.internal.exposure.ExposureResolver;
import dev.bulwark.internal.exposure.jaxrs.ExposureBinding;
import dev.bulwark.internal.headers.HeaderKeys;
import dev.bulwark.internal.inventory.InventoryKeys;
import dev.bulwark.internal.ratelimit.RateLimitKeys;
import dev.bulwark.internal.transport.MethodKeys;
import dev.bulwark.internal.transport.TransportKeys;
import dev.bulwark.internal.validation.ValidationKeys;
import dev.bulwark.internal.headers.SecurityHeaderOverrides;
import dev.bulwark.internal.pipeline.PolicyResolver;
import dev.bulwark.internal.ratelimit.RateLimitResolver;
import dev.bulwark.internal.ratelimit.RateLimitSettings;
import dev.bulwark.internal.ratelimit.RatePolicy;
import dev.bulwark.internal.validation.JsonBodyRules;
import dev.bulwark.internal.validation.TypeShapes;
import dev.bulwark.internal.validation.ValidationSettings;
import dev.bulwark.internal.versioning.VersionResolver;
import dev.bulwark.internal.versioning.VersioningKeys;
import java.util.List;

/**
 * The one list of Bulwark's controls: the concerns whose settings are read ({@link #CONCERNS}, in the order
 * docs/configuration.md lists their keys) and, for a deployment's validated configuration, the endpoint-level
 * concerns whose resolvers make each endpoint's policy ({@link #resolvers()}, in the order the inventory shows
 * them). The order in which the steps run is {@link dev.bulwark.internal.pipeline.Phase}. A new control adds its keys and,
 * when it acts per endpoint, its resolver here.
 */
public final class Controls {

    /** Every concern whose settings Bulwark reads. */
    public static final List<ConfigConcern<?>> CONCERNS = List.of(ErrorKeys.CONCERN, CorrelationKeys.CONCERN,
            InventoryKeys.CONCERN, TransportKeys.CONCERN, HeaderKeys.CONCERN, CorsKeys.CONCERN, MethodKeys.CONCERN,
            ValidationKeys.CONCERN, JwtKeys.CONCERN, AuthzKeys.CONCERN, RateLimitKeys.CONCERN,
            VersioningKeys.CONCERN, ExposureKeys.CONCERN,
            EgressKeys.CONCERN, dev.bulwark.internal.audit.AuditKeys.CONCERN,
            dev.bulwark.internal.alerts.AlertKeys.CONCERN, dev.bulwark.internal.alerts.WebhookKeys.CONCERN,
            dev.bulwark.internal.secrets.SecretsKeys.CONCERN,
            dev.bulwark.internal.apikeys.ApiKeyKeys.CONCERN, dev.bulwark.internal.observe.ObserveKeys.CONCERN,
            dev.bulwark.internal.apidoc.OpenApiKeys.CONCERN, dev.bulwark.internal.network.NetworkKeys.CONCERN);

    /**
     * The annotations that make a CDI bean's methods Bulwark's to guard: the CDI extension builds the policies of
     * every class carrying one (on the class, a superclass or a method), so their problems fail the deployment.
     */
    public static final List<Class<? extends Annotation>> BEAN_ANNOTATIONS = List.of(RolesAllowed.class,
            DenyAll.class, PermitAll.class, RequiresScopes.class, RateLimit.class, RateLimits.class, OwnedBy.class);

    private final BulwarkConfig config;
    private final List<PolicyResolver<?>> resolvers;

    public Controls(BulwarkConfig config) {
        this.config = config;
        RateLimitSettings rl = config.rateLimiting();
        ValidationSettings validation = config.validation();
        this.resolvers = List.of(
                new AccessResolver(),
                new RateLimitResolver(rl.anonymous() == null ? null : RatePolicy.parse("default", rl.anonymous()),
                        rl.authenticated() == null ? null : RatePolicy.parse("default", rl.authenticated())),
                new JsonBodyRules(validation.limits(), new TypeShapes(validation.rejectUnknownProperties(),
                        validation.rejectMismatchedTypes())),
                new SecurityHeaderOverrides(),
                new VersionResolver(config.versioning()),
                new ExposureResolver(config.exposure()),
                new EgressAllowances(),
                new dev.bulwark.internal.network.RoleAddressResolver(
                        config.settings(dev.bulwark.internal.network.NetworkKeys.CONCERN)));
    }

    /**
     * The endpoint-level controls' JAX-RS bindings (each registers its filters at its phase's priority).
     *
     * @param limiter the deployment's rate limiter, created on first use
     * @param beans   the application's beans (object access policies)
     * @param addresses the deployment's address rules (they reload), looked up on first use
     * @param contract  the deployment's compiled OpenAPI document, null when validation is off
     */
    public List<Binding> bindings(Supplier<Limiter> limiter,
                                  Function<Class<? extends ObjectAccessPolicy>, ObjectAccessPolicy> beans,
                                  Supplier<dev.bulwark.internal.network.AddressRules> addresses,
                                  Supplier<dev.bulwark.internal.contract.Contract> contract) {
        return List.of(
                new AccessBinding(config.authz(), config.jwt().inUse(), beans),
                new dev.bulwark.internal.network.jaxrs.RoleAddressBinding(addresses),
                new RateLimitBinding(config.rateLimiting(), limiter),
                new JsonBodyBinding(config.validation()),
                new dev.bulwark.internal.contract.jaxrs.ContractBinding(contract),
                new HeaderOverridesBinding(),
                new ExposureBinding(config.exposure(), config.authz().scopeClaim()),
                new EgressAllowedBinding());
    }

    /** The resolvers of the endpoint-level concerns, in inventory order. */
    public List<PolicyResolver<?>> resolvers() {
        return resolvers;
    }
}
