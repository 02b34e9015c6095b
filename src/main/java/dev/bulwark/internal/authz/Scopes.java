package dev.bulwark.internal.authz;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/** OAuth2 scopes of a verified token and the exact-match checks on them. */
public final class Scopes {

    private Scopes() {
    }

    /**
     * The scopes of a token: its {@code claim} (default {@code scope}) as a space-delimited string (RFC 9068) or
     * an array, else {@code scp} as an array or string. Anything else counts as no scope at all.
     */
    public static Set<String> of(JsonObject claims, String claim) {
        JsonValue v = claims.get(claim);
        if (v == null) {
            v = claims.get("scp");
        }
        Set<String> out = new HashSet<>();
        if (v instanceof JsonString s) {
            for (String part : s.getString().split(" ")) {
                if (!part.isEmpty()) {
                    out.add(part);
                }
            }
        } else if (v instanceof JsonArray a) {
            for (JsonValue item : a) {
                if (item instanceof JsonString s && !s.getString().isEmpty() && s.getString().indexOf(' ') < 0) {
                    out.add(s.getString());
                }
            }
        }
        return Set.copyOf(out);
    }

    /** The token's groups (MicroProfile JWT {@code groups} claim). */
    public static Set<String> groups(JsonObject claims) {
        Set<String> out = new HashSet<>();
        anyGroup(claims, group -> {
            out.add(group);
            return false; // every group, none stops the reading
        });
        return Set.copyOf(out);
    }

    /**
     * True when one of the token's groups (its {@code groups} array's strings) satisfies {@code test}, read where
     * they are: a role decision is made on every request, and no set is built for it.
     */
    public static boolean anyGroup(JsonObject claims, java.util.function.Predicate<String> test) {
        if (claims.get("groups") instanceof JsonArray a) {
            for (JsonValue item : a) {
                if (item instanceof JsonString s && test.test(s.getString())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Every scope of {@code allOf}, and one of {@code anyOf} when it is not empty: exact matches only. */
    public static boolean satisfied(Set<String> has, Collection<String> allOf, Collection<String> anyOf) {
        if (!has.containsAll(allOf)) {
            return false;
        }
        if (anyOf.isEmpty()) {
            return true;
        }
        for (String s : anyOf) {
            if (has.contains(s)) {
                return true;
            }
        }
        return false;
    }
}
