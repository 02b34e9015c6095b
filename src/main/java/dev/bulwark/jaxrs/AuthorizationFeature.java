package dev.bulwark.jaxrs;

import dev.bulwark.authz.AccessRule;
import dev.bulwark.config.BulwarkConfig;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;

/**
 * Binds the authorization filters each resource method needs, from its {@link AccessRule}: the deny-by-default
 * refusal for a method with no decision, the scope check, and the ownership check.
 */
final class AuthorizationFeature implements DynamicFeature {

    private final BulwarkConfig.Authz config;

    AuthorizationFeature(BulwarkConfig.Authz config) {
        this.config = config;
    }

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        AccessRule rule = AccessRule.of(resourceInfo.getResourceClass(), resourceInfo.getResourceMethod());
        String endpoint = resourceInfo.getResourceClass().getName() + "#" + resourceInfo.getResourceMethod().getName();
        if (!rule.decided()) {
            context.register(new AccessFilters.Undecided(endpoint));
            return;
        }
        if (rule.needsScopes()) {
            context.register(new AccessFilters.ScopeCheck(rule, config.scopeClaim()));
        }
        if (rule.owner() != null) {
            context.register(new OwnershipFilter(rule.owner(), resourceInfo.getResourceMethod(), endpoint, config));
        }
    }
}
