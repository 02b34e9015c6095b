package dev.bulwark.testkit.engine;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who an endpoint is meant for, as the inventory ({@code access}: {@code public}, {@code roles(admin)},
 * {@code scopes(all: a b; any: c|d)}, {@code owner(path id by X)}, {@code deny-all}) or the OpenAPI document (its
 * security requirement's scopes) says.
 *
 * @param known      false when neither source said anything (the kit then only tries anonymous access)
 * @param allScopes  scopes all of which are needed; {@code anyScopes}: one of which is needed
 * @param owned      an object-level owner check is declared (informational: BOLA is tested either way)
 */
public record Access(boolean known, boolean isPublic, boolean denyAll, Set<String> roles, Set<String> allScopes,
                     Set<String> anyScopes, boolean owned) {

    public static final Access UNKNOWN = new Access(false, false, false, Set.of(), Set.of(), Set.of(), false);
    private static final Pattern ROLES = Pattern.compile("roles\\(([^)]*)\\)");
    private static final Pattern SCOPES = Pattern.compile("scopes\\(([^)]*)\\)");

    public Access {
        roles = Set.copyOf(roles);
        allScopes = Set.copyOf(allScopes);
        anyScopes = Set.copyOf(anyScopes);
    }

    /** Reads the inventory's {@code access} text. */
    public static Access parse(String text) {
        if (text == null || text.isBlank()) {
            return UNKNOWN;
        }
        String t = text.trim();
        if (t.startsWith("NONE")) {
            return new Access(true, false, true, Set.of(), Set.of(), Set.of(), false);
        }
        Set<String> roles = new LinkedHashSet<>();
        Matcher m = ROLES.matcher(t);
        if (m.find()) {
            for (String r : m.group(1).split(",")) {
                if (!r.isBlank()) {
                    roles.add(r.trim());
                }
            }
        }
        Set<String> all = new LinkedHashSet<>();
        Set<String> any = new LinkedHashSet<>();
        Matcher s = SCOPES.matcher(t);
        if (s.find()) {
            for (String part : s.group(1).split(";")) {
                String p = part.trim();
                if (p.startsWith("all:")) {
                    all.addAll(words(p.substring(4), "\\s+"));
                } else if (p.startsWith("any:")) {
                    any.addAll(words(p.substring(4), "\\|"));
                }
            }
        }
        return new Access(true, t.startsWith("public") || t.contains(" public"), t.startsWith("deny-all"), roles, all,
                any, t.contains("owner("));
    }

    private static List<String> words(String s, String separator) {
        return java.util.Arrays.stream(s.trim().split(separator)).map(String::trim).filter(w -> !w.isEmpty()).toList();
    }

    /** The rule in the inventory's words ({@code roles(admin) scopes(all: a) owner}), for messages. */
    public String describe() {
        if (!known) {
            return "unknown";
        }
        if (denyAll) {
            return "deny-all";
        }
        List<String> parts = new java.util.ArrayList<>();
        if (isPublic) {
            parts.add("public");
        }
        if (!roles.isEmpty()) {
            parts.add("roles(" + String.join(",", new java.util.TreeSet<>(roles)) + ")");
        }
        if (!allScopes.isEmpty()) {
            parts.add("scopes(all: " + String.join(" ", new java.util.TreeSet<>(allScopes)) + ")");
        }
        if (!anyScopes.isEmpty()) {
            parts.add("scopes(any: " + String.join("|", new java.util.TreeSet<>(anyScopes)) + ")");
        }
        if (owned) {
            parts.add("owner check");
        }
        return parts.isEmpty() ? "authenticated" : String.join(" ", parts);
    }

    /**
     * True when this rule admits a caller that {@code reviewed} did not: public where it was not, deny-all lifted,
     * a role added or the roles dropped, a needed scope dropped, the one-of scopes widened. (The owner check is
     * compared on its own.)
     */
    public boolean weakerThan(Access reviewed) {
        if (!known || !reviewed.known) {
            return false;
        }
        if (reviewed.denyAll) {
            return !denyAll;
        }
        if (isPublic) {
            return !reviewed.isPublic;
        }
        boolean roleWidened = !reviewed.roles.isEmpty() && (roles.isEmpty() || !reviewed.roles.containsAll(roles));
        boolean scopeDropped = !allScopes.containsAll(reviewed.allScopes);
        boolean anyWidened = !reviewed.anyScopes.isEmpty()
                && (anyScopes.isEmpty() ? !allScopes.stream().anyMatch(reviewed.anyScopes::contains)
                : !reviewed.anyScopes.containsAll(anyScopes));
        return roleWidened || scopeDropped || anyWidened;
    }

    /** True when the endpoint needs a caller at all (not public, or unknown). */
    public boolean authenticated() {
        return !isPublic;
    }

    /** True when {@code who} holds what this endpoint asks for (a role, when roles are named; every scope needed). */
    public boolean admits(Identity who) {
        if (!known || isPublic) {
            return true;
        }
        if (denyAll || who.anonymous()) {
            return false;
        }
        boolean role = roles.isEmpty() || roles.stream().anyMatch(who.roles()::contains);
        boolean scopes = who.scopes().containsAll(allScopes)
                && (anyScopes.isEmpty() || anyScopes.stream().anyMatch(who.scopes()::contains));
        return role && scopes;
    }

    /** Merges what another source says (the OpenAPI document's scopes into the inventory's roles). */
    public Access and(Access other) {
        if (!other.known) {
            return this;
        }
        if (!known) {
            return other;
        }
        Set<String> r = new LinkedHashSet<>(roles);
        r.addAll(other.roles);
        Set<String> a = new LinkedHashSet<>(allScopes);
        a.addAll(other.allScopes);
        Set<String> y = new LinkedHashSet<>(anyScopes);
        y.addAll(other.anyScopes);
        return new Access(true, isPublic && other.isPublic, denyAll || other.denyAll, r, a, y, owned || other.owned);
    }
}
