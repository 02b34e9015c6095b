package dev.bulwark.internal.authz;

import dev.bulwark.api.OwnedBy;
import dev.bulwark.api.Public;
import dev.bulwark.api.RequiresScopes;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import dev.bulwark.internal.pipeline.EndpointSite;
import dev.bulwark.internal.pipeline.PolicyPart;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The access decision of one resource method, worked out at deployment with Jakarta's rule (the method's
 * security annotations replace the class's): public ({@code @PermitAll} or {@code @Public}), deny-all, roles,
 * scopes, and the ownership rule. A method with none of these has no decision and is refused (deny by default).
 */
public record AccessRule(boolean isPublic, boolean denyAll, Set<String> roles, Set<String> allScopes,
                         Set<String> anyScopes, OwnedBy owner) implements PolicyPart {

    public AccessRule {
        roles = Set.copyOf(roles);
        allScopes = Set.copyOf(allScopes);
        anyScopes = Set.copyOf(anyScopes);
    }

    /** The rule of a resource method (class-level annotations of the resource class itself). */
    public static AccessRule of(Class<?> resource, Method method) {
        return of(new EndpointSite(EndpointSite.Kind.RESOURCE, resource, method, method, null, null, List.of(),
                List.of(), null));
    }

    /**
     * The rule of a CDI bean method. The method may be inherited: the class-level decision is the one of the
     * nearest class, from {@code beanType} up, that carries a security annotation.
     */
    public static AccessRule ofBean(Class<?> beanType, Method method) {
        return of(EndpointSite.bean(beanType, method));
    }

    /** The rule of an endpoint: its security annotations as a group, the method's replacing the class's. */
    public static AccessRule of(EndpointSite site) {
        AnnotatedElement security = security(site);
        boolean isPublic = security != null
                && (security.isAnnotationPresent(PermitAll.class) || security.isAnnotationPresent(Public.class));
        boolean denyAll = security != null && security.isAnnotationPresent(DenyAll.class);
        RolesAllowed roles = security == null ? null : security.getAnnotation(RolesAllowed.class);
        RequiresScopes scopes = site.annotation(RequiresScopes.class);
        return new AccessRule(isPublic, denyAll, roles == null ? Set.of() : Set.of(roles.value()),
                scopes == null ? Set.of() : Set.of(scopes.value()), scopes == null ? Set.of() : Set.of(scopes.anyOf()),
                site.annotation(OwnedBy.class));
    }

    /** Where the annotations that decide who may call an endpoint are read: the method's replace the class's. */
    static AnnotatedElement security(EndpointSite site) {
        return site.holder(RolesAllowed.class, PermitAll.class, DenyAll.class, Public.class);
    }

    /** True when the method carries an explicit decision. */
    public boolean decided() {
        return isPublic || denyAll || !roles.isEmpty() || !allScopes.isEmpty() || !anyScopes.isEmpty();
    }

    public boolean needsScopes() {
        return !allScopes.isEmpty() || !anyScopes.isEmpty();
    }

    /** For the inventory: "public", "deny-all", "roles(admin) scopes(all: a; any: b|c)", or the missing decision. */
    @Override
    public String describe() {
        if (denyAll) {
            return "deny-all";
        }
        List<String> parts = new ArrayList<>();
        if (isPublic) {
            parts.add("public");
        }
        if (!roles.isEmpty()) {
            parts.add("roles(" + String.join(",", roles.stream().sorted().toList()) + ")");
        }
        if (needsScopes()) {
            List<String> s = new ArrayList<>();
            if (!allScopes.isEmpty()) {
                s.add("all: " + String.join(" ", allScopes.stream().sorted().toList()));
            }
            if (!anyScopes.isEmpty()) {
                s.add("any: " + String.join("|", anyScopes.stream().sorted().toList()));
            }
            parts.add("scopes(" + String.join("; ", s) + ")");
        }
        if (owner != null) {
            parts.add("owner(" + owner.source().name().toLowerCase(java.util.Locale.ROOT) + " " + owner.value() + " by "
                    + owner.policy().getSimpleName() + ")");
        }
        return parts.isEmpty() ? "NONE: denied by default" : String.join(" ", parts);
    }
}
