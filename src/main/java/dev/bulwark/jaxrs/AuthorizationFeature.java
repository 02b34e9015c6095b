package dev.bulwark.jaxrs;

import dev.bulwark.authz.AccessRule;
import dev.bulwark.authz.AuthzSettings;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;

/**
 * Binds the authorization filters each resource method needs, from its {@link AccessRule}: the deny-by-default
 * refusal for a method with no decision, the {@code @DenyAll} refusal, the role check, the scope check, and the
 * ownership check. Bulwark makes these checks itself, so that they hold on runtimes (or resource shapes) where the
 * container enforces none of them.
 */
final class AuthorizationFeature implements DynamicFeature {

    private final AuthzSettings config;
    private final boolean tokenPolicyInUse;

    /** @param tokenPolicyInUse true when Bulwark checks bearer tokens (MicroProfile JWT is configured) */
    AuthorizationFeature(AuthzSettings config, boolean tokenPolicyInUse) {
        this.config = config;
        this.tokenPolicyInUse = tokenPolicyInUse;
    }

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        AccessRule rule = AccessRule.of(resourceInfo.getResourceClass(), resourceInfo.getResourceMethod());
        String endpoint = resourceInfo.getResourceClass().getName() + "#" + resourceInfo.getResourceMethod().getName();
        if (!rule.decided()) {
            context.register(new AccessFilters.Refused(endpoint
                    + " has no access decision (annotate it with @RolesAllowed, @RequiresScopes, @PermitAll or @Public)"));
            return;
        }
        if (rule.denyAll()) {
            context.register(new AccessFilters.Refused(endpoint + " is @DenyAll"));
            return;
        }
        if (!rule.roles().isEmpty()) {
            context.register(new AccessFilters.RoleCheck(rule, endpoint, tokenPolicyInUse));
        }
        if (rule.needsScopes()) {
            context.register(new AccessFilters.ScopeCheck(rule, config.scopeClaim()));
        }
        if (rule.owner() != null) {
            context.register(new OwnershipFilter(rule.owner(), resourceInfo.getResourceMethod(), endpoint, config));
        }
    }
}
