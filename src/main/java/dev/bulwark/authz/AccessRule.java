package dev.bulwark.authz;

import dev.bulwark.api.OwnedBy;
import dev.bulwark.api.Public;
import dev.bulwark.api.RequiresScopes;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
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
                         Set<String> anyScopes, OwnedBy owner) {

    public AccessRule {
        roles = Set.copyOf(roles);
        allScopes = Set.copyOf(allScopes);
        anyScopes = Set.copyOf(anyScopes);
    }

    public static AccessRule of(Class<?> resource, Method method) {
        boolean methodLevel = method.isAnnotationPresent(RolesAllowed.class) || method.isAnnotationPresent(PermitAll.class)
                || method.isAnnotationPresent(DenyAll.class) || method.isAnnotationPresent(Public.class);
        java.lang.reflect.AnnotatedElement security = methodLevel ? method : resource;
        boolean isPublic = security.isAnnotationPresent(PermitAll.class) || security.isAnnotationPresent(Public.class);
        boolean denyAll = security.isAnnotationPresent(DenyAll.class);
        RolesAllowed roles = security.getAnnotation(RolesAllowed.class);
        RequiresScopes scopes = method.isAnnotationPresent(RequiresScopes.class)
                ? method.getAnnotation(RequiresScopes.class) : resource.getAnnotation(RequiresScopes.class);
        OwnedBy owner = method.isAnnotationPresent(OwnedBy.class) ? method.getAnnotation(OwnedBy.class)
                : resource.getAnnotation(OwnedBy.class);
        return new AccessRule(isPublic, denyAll, roles == null ? Set.of() : Set.of(roles.value()),
                scopes == null ? Set.of() : Set.of(scopes.value()), scopes == null ? Set.of() : Set.of(scopes.anyOf()),
                owner);
    }

    /**
     * The rule of a CDI bean method. The bean's runtime class may be a container-made subclass (an interceptor or
     * proxy subclass that carries no annotations), and the method may be inherited: the class-level decision is the
     * one of the nearest class, from {@code beanType} up, that carries a security annotation.
     */
    public static AccessRule ofBean(Class<?> beanType, Method method) {
        Class<?> secured = beanType;
        for (Class<?> c = beanType; c != null && c != Object.class; c = c.getSuperclass()) {
            if (c.isAnnotationPresent(RolesAllowed.class) || c.isAnnotationPresent(PermitAll.class)
                    || c.isAnnotationPresent(DenyAll.class) || c.isAnnotationPresent(Public.class)) {
                secured = c;
                break;
            }
        }
        return of(secured, method);
    }

    /** True when the method carries an explicit decision. */
    public boolean decided() {
        return isPublic || denyAll || !roles.isEmpty() || !allScopes.isEmpty() || !anyScopes.isEmpty();
    }

    public boolean needsScopes() {
        return !allScopes.isEmpty() || !anyScopes.isEmpty();
    }

    /** For the inventory: "public", "deny-all", "roles(admin) scopes(all: a; any: b|c)", or the missing decision. */
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
