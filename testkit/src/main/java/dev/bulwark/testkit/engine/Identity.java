package dev.bulwark.testkit.engine;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who a request is sent as: a name for the report ({@code user1}, {@code user2}, {@code admin}, {@code anonymous}),
 * the bearer token (null for anonymous), and the roles ({@code groups}) and scopes the token carries, read from its
 * payload (not verified: the kit only needs to know what the token claims).
 */
public record Identity(String name, String token, Set<String> roles, Set<String> scopes) {

    public static final Identity ANONYMOUS = new Identity("anonymous", null, Set.of(), Set.of());

    public Identity {
        roles = Set.copyOf(roles);
        scopes = Set.copyOf(scopes);
    }

    /** An identity for a token: roles from {@code groups}, scopes from {@code scope} / {@code scp}. */
    public static Identity of(String name, String token) {
        Set<String> roles = new LinkedHashSet<>();
        Set<String> scopes = new LinkedHashSet<>();
        String[] parts = token.split("\\.");
        if (parts.length >= 2) {
            try {
                String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
                jakarta.json.JsonObject claims = Json.parse(payload).asJsonObject();
                roles.addAll(Json.strings(claims.get("groups")));
                for (String claim : List.of("scope", "scp")) {
                    for (String s : Json.strings(claims.get(claim))) {
                        scopes.addAll(List.of(s.trim().split("\\s+")));
                    }
                }
                scopes.remove("");
            } catch (RuntimeException notJson) {
                // An opaque token: no roles or scopes known.
            }
        }
        return new Identity(name, token, roles, scopes);
    }

    public boolean anonymous() {
        return token == null;
    }

    /** The token's subject claim, or null. */
    public String subject() {
        if (token == null) {
            return null;
        }
        String[] parts = token.split("\\.");
        try {
            jakarta.json.JsonObject claims = Json.parse(new String(Base64.getUrlDecoder().decode(parts[1]),
                    StandardCharsets.UTF_8)).asJsonObject();
            return claims.containsKey("sub") ? claims.getString("sub", null) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
