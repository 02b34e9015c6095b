package dev.bulwark.demo;

import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling: the token's {@code sub}, the identity Bulwark's {@code @OwnedBy} checks use too. The principal's
 * name is not that on every server: Liberty names the caller by {@code upn} (or {@code preferred_username}), so a
 * token with a different {@code upn} would otherwise act as two people at once. A caller authenticated by an API key
 * is named by the key's owner.
 */
final class Caller {

    private Caller() {
    }

    static String subject(SecurityContext security) {
        java.security.Principal caller = security.getUserPrincipal();
        // an API key's caller is no token: its name is the key's owner, the subject Bulwark's checks use
        return caller instanceof JsonWebToken token ? token.getSubject() : caller.getName();
    }
}
