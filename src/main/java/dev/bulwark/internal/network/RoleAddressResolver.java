package dev.bulwark.internal.network;

import dev.bulwark.internal.authz.AccessRule;
import dev.bulwark.internal.pipeline.EndpointSite;
import dev.bulwark.internal.pipeline.PolicyResolver;

/**
 * The address rules of the roles a resource method names in {@code @RolesAllowed} (the method's security
 * annotations replacing the class's, as for the role check itself). Endpoint-based on purpose: which rules apply is
 * decided by the endpoint, at deployment, never by what the caller presents, so no token, role claim or missing
 * credentials walk around it; the check runs before the caller is authenticated. Bean methods get no part: the
 * rule is about the request's address, which a bean call made outside a request does not have.
 */
public final class RoleAddressResolver implements PolicyResolver<RoleAddresses> {

    private final NetworkSettings settings;

    public RoleAddressResolver(NetworkSettings settings) {
        this.settings = settings;
    }

    @Override
    public Class<RoleAddresses> part() {
        return RoleAddresses.class;
    }

    @Override
    public String label() {
        return "addresses";
    }

    @Override
    public RoleAddresses resolve(EndpointSite site, Problems problems) {
        if (site.kind() != EndpointSite.Kind.RESOURCE || settings.roles().isEmpty()) {
            return null;
        }
        return RoleAddresses.of(AccessRule.of(site).roles(), settings);
    }
}
