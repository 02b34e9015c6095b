package dev.bulwark.it;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Class-level decisions on a superclass, inherited by beans that add none: {@code @RolesAllowed} and
 * {@code @DenyAll} are not {@code @Inherited}, yet the methods they cover stay guarded in the subclass beans.
 */
public final class InheritedGuards {

    private InheritedGuards() {
    }

    /** Admin operations. */
    @RolesAllowed("admin")
    public abstract static class AdminBase {
        public String purge() {
            return "{\"purged\":true}";
        }
    }

    /** A bean inheriting them. */
    @ApplicationScoped
    public static class AdminTools extends AdminBase {
    }

    /** Operations nobody may call. */
    @DenyAll
    public abstract static class ClosedBase {
        public String erase() {
            return "{\"erased\":true}";
        }
    }

    /** A bean inheriting them. */
    @ApplicationScoped
    public static class Eraser extends ClosedBase {
    }
}
