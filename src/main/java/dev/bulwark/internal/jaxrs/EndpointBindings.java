package dev.bulwark.internal.jaxrs;

import dev.bulwark.api.ObjectAccessPolicy;
import dev.bulwark.internal.authz.AccessRule;
import dev.bulwark.internal.controls.BulwarkConfig;
import dev.bulwark.internal.headers.SecurityHeaderOverrides;
import dev.bulwark.internal.pipeline.EndpointPolicy;
import dev.bulwark.internal.pipeline.Phase;
import dev.bulwark.internal.ratelimit.Limiter;
import dev.bulwark.internal.ratelimit.RateLimitPolicy;
import dev.bulwark.internal.validation.JsonBodyRules;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Binds the JAX-RS filters each resource method needs from its {@link EndpointPolicy}, each at the priority of its
 * {@link Phase}. The list in {@link #configure} is every endpoint-level control, in the checklist's order; Bulwark
 * makes these checks itself, so they hold on runtimes (or resource shapes) where the container enforces none.
 */
final class EndpointBindings implements DynamicFeature {

    /** One control's binding: registers its filter (or nothing) for a method's policy. */
    private interface Binding {
        void bind(EndpointPolicy policy, Registrar registrar);
    }

    /** Registers a filter at its phase's priority. */
    private interface Registrar {
        void register(Object filter, Phase phase);
    }

    private final BiFunction<Class<?>, java.lang.reflect.Method, EndpointPolicy> policies;
    private final BulwarkConfig config;
    private final Supplier<Limiter> limiter;
    private final Function<Class<? extends ObjectAccessPolicy>, ObjectAccessPolicy> beans;
    private final List<Binding> bindings = List.of(this::access, this::rateLimit, this::body, this::ownership,
            this::headers);

    /**
     * @param policies the policy of a resource method (the deployment's endpoint model)
     * @param limiter  the deployment's rate limiter, created on first use
     * @param beans    the application's object access policies (CDI beans)
     */
    EndpointBindings(BiFunction<Class<?>, java.lang.reflect.Method, EndpointPolicy> policies, BulwarkConfig config,
                     Supplier<Limiter> limiter, Function<Class<? extends ObjectAccessPolicy>, ObjectAccessPolicy> beans) {
        this.policies = policies;
        this.config = config;
        this.limiter = limiter;
        this.beans = beans;
    }

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        EndpointPolicy policy = policies.apply(resourceInfo.getResourceClass(), resourceInfo.getResourceMethod());
        for (Binding binding : bindings) {
            binding.bind(policy, (filter, phase) -> context.register(filter, phase.priority()));
        }
    }

    /** Deny by default, {@code @DenyAll}, roles and scopes. */
    private void access(EndpointPolicy policy, Registrar registrar) {
        AccessRule rule = policy.get(AccessRule.class);
        String endpoint = policy.site().name();
        if (rule == null || !rule.decided()) {
            registrar.register(new AccessFilters.Refused(endpoint + " has no access decision (annotate it with"
                    + " @RolesAllowed, @RequiresScopes, @PermitAll or @Public)"), Phase.DENY);
            return;
        }
        if (rule.denyAll()) {
            registrar.register(new AccessFilters.Refused(endpoint + " is @DenyAll"), Phase.DENY);
            return;
        }
        if (!rule.roles().isEmpty()) {
            registrar.register(new AccessFilters.RoleCheck(rule, endpoint, config.jwt().inUse()), Phase.ROLES);
        }
        if (rule.needsScopes()) {
            registrar.register(new AccessFilters.ScopeCheck(rule, config.authz().scopeClaim()), Phase.SCOPES);
        }
    }

    private void rateLimit(EndpointPolicy policy, Registrar registrar) {
        RateLimitPolicy limits = policy.get(RateLimitPolicy.class);
        if (limits != null && config.rateLimiting().enabled()) {
            registrar.register(new RateLimitFilter(limits, limiter.get(), config.rateLimiting().headersOnSuccess()),
                    Phase.RATE_LIMIT);
        }
    }

    private void body(EndpointPolicy policy, Registrar registrar) {
        JsonBodyRules.BodyPolicy body = policy.get(JsonBodyRules.BodyPolicy.class);
        if (body != null && body.rule() != null) {
            registrar.register(new JsonBodyFilter(body.rule(), config.validation()), Phase.JSON_BODY);
        }
    }

    private void ownership(EndpointPolicy policy, Registrar registrar) {
        AccessRule rule = policy.get(AccessRule.class);
        if (rule != null && rule.decided() && !rule.denyAll() && rule.owner() != null) {
            registrar.register(new OwnershipFilter(rule.owner(), policy.site().method(), policy.site().name(),
                    config.authz(), beans), Phase.OWNERSHIP);
        }
    }

    private void headers(EndpointPolicy policy, Registrar registrar) {
        SecurityHeaderOverrides.Overrides overrides = policy.get(SecurityHeaderOverrides.Overrides.class);
        if (overrides != null) {
            registrar.register(new SecurityHeaderFilter(overrides), Phase.HEADER_OVERRIDES);
        }
    }
}
