package dev.bulwark.internal.exposure;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One {@code @ResponseFields} view: the names it lets out and who gets it (any of {@code roles}, all of
 * {@code scopes}; neither: any authenticated caller; {@code anonymous}: every caller).
 */
public record ResponseView(FieldPaths paths, Set<String> roles, Set<String> scopes, boolean anonymous) {

    public ResponseView {
        roles = Set.copyOf(roles);
        scopes = Set.copyOf(scopes);
    }

    /** True when the caller gets this view. */
    public boolean matches(Caller caller) {
        if (anonymous) {
            return true;
        }
        if (!caller.authenticated()) {
            return false;
        }
        if (!roles.isEmpty()) {
            boolean any = false;
            for (String role : roles) {
                if (caller.inRole(role)) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                return false;
            }
        }
        return caller.scopes().containsAll(scopes);
    }

    /** Who gets the view, for the inventory. */
    public String who() {
        if (anonymous) {
            return "anyone";
        }
        List<String> parts = new ArrayList<>();
        if (!roles.isEmpty()) {
            parts.add("roles " + new TreeSet<>(roles));
        }
        if (!scopes.isEmpty()) {
            parts.add("scopes " + new TreeSet<>(scopes));
        }
        return parts.isEmpty() ? "authenticated" : String.join(" + ", parts);
    }

    /** The caller a view is chosen for. */
    public interface Caller {

        /** True when the request has an authenticated caller. */
        boolean authenticated();

        /** True when the caller is in the role. */
        boolean inRole(String role);

        /** The scopes of the caller's token (empty without one). */
        Set<String> scopes();
    }
}
