package dev.bulwark.internal.authz.jaxrs;

import dev.bulwark.api.ObjectAccessPolicy;
import dev.bulwark.internal.authz.AccessRule;
import dev.bulwark.internal.authz.AuthzSettings;
import dev.bulwark.internal.pipeline.Binding;
import dev.bulwark.internal.pipeline.EndpointPolicy;
import dev.bulwark.internal.pipeline.Phase;
import java.util.function.Function;

/**
 * The access part of a resource method's policy as JAX-RS filters: deny by default and {@code @DenyAll} (before
 * anything else about the caller matters), the role check, the scope check, and the ownership check. Bulwark
 * makes these checks itself, so they hold on runtimes (or resource shapes) where the container enforces none.
 */
public final class AccessBinding implements Binding {

    private final AuthzSettings config;
    private final boolean tokenPolicyInUse;
    private final Function<Class<? extends ObjectAccessPolicy>, ObjectAccessPolicy> policies;

    /**
     * @param tokenPolicyInUse true when Bulwark checks bearer tokens (MicroProfile JWT is configured)
     * @param policies         the application's object access policies (CDI beans), looked up on first use
     */
    public AccessBinding(AuthzSettings config, boolean tokenPolicyInUse,
                         Function<Class<? extends ObjectAccessPolicy>, ObjectAccessPolicy> policies) {
        this.config = config;
        this.tokenPolicyInUse = tokenPolicyInUse;
        this.policies = policies;
    }

    @Override
    public void bind(EndpointPolicy policy, Registrar registrar) {
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
            registrar.register(new AccessFilters.RoleCheck(rule, endpoint, tokenPolicyInUse), Phase.ROLES);
        }
        if (rule.needsScopes()) {
            registrar.register(new AccessFilters.ScopeCheck(rule, config.scopeClaim()), Phase.SCOPES);
        }
        if (rule.owner() != null) {
            registrar.register(new OwnershipFilter(rule.owner(), policy.site().method(), endpoint, config, policies),
                    Phase.OWNERSHIP);
        }
    }
}
