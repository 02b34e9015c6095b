package dev.bulwark.internal.authz;

import dev.bulwark.api.OwnedBy;
import dev.bulwark.api.RequiresScopes;
import dev.bulwark.internal.pipeline.EndpointSite;
import dev.bulwark.internal.pipeline.PolicyResolver;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.AnnotatedElement;

/**
 * The access part of an endpoint's policy ({@link AccessRule}), with the annotations that cannot mean what they
 * say reported at deployment: contradicting decisions on one element, a role list or a scope requirement that names
 * nothing, and an ownership rule on a bean method (ownership is checked on resource methods, where the id is).
 */
public final class AccessResolver implements PolicyResolver<AccessRule> {

    @Override
    public Class<AccessRule> part() {
        return AccessRule.class;
    }

    @Override
    public String label() {
        return "access";
    }

    @Override
    public AccessRule resolve(EndpointSite site, Problems problems) {
        AnnotatedElement security = AccessRule.security(site);
        if (security != null) {
            int decisions = (security.isAnnotationPresent(DenyAll.class) ? 1 : 0)
                    + (security.isAnnotationPresent(RolesAllowed.class) ? 1 : 0)
                    + (security.isAnnotationPresent(PermitAll.class)
                    || security.isAnnotationPresent(dev.bulwark.api.Public.class) ? 1 : 0);
            if (decisions > 1) {
                problems.add(site, security.isAnnotationPresent(DenyAll.class) ? DenyAll.class : RolesAllowed.class,
                        "contradicts another access annotation on the same element (@DenyAll, @RolesAllowed,"
                                + " @PermitAll/@Public: choose one)");
            }
            RolesAllowed roles = security.getAnnotation(RolesAllowed.class);
            if (roles != null && roles.value().length == 0) {
                problems.add(site, RolesAllowed.class, "names no role (use @DenyAll to refuse everyone)");
            }
        }
        RequiresScopes scopes = site.annotation(RequiresScopes.class);
        if (scopes != null && scopes.value().length == 0 && scopes.anyOf().length == 0) {
            problems.add(site, RequiresScopes.class, "names no scope (value or anyOf)");
        }
        if (site.kind() == EndpointSite.Kind.BEAN && site.annotation(OwnedBy.class) != null) {
            // (on a resource class called as a bean, ownership is checked where JAX-RS dispatches to it)
            problems.add(site, OwnedBy.class, "is checked on JAX-RS resource methods only, not on a CDI bean");
        }
        AccessRule rule = AccessRule.of(site);
        // deny by default is for resource methods; a bean method without a decision is not Bulwark's to guard
        return site.intercepted() && !rule.decided() ? null : rule;
    }
}
