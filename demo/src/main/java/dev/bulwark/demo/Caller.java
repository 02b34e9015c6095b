package dev.bulwark.demo;

import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling: the token's {@code sub}, the identity Bulwark's {@code @OwnedBy} checks use too. The principal's
 * name is not that on every server: Liberty names the caller by {@code upn} (or {@code preferred_username}), so a
 * token with a different {@code upn} would otherwise act as two people at once.
 */
final class Caller {

    private Caller() {
    }

    static String subject(SecurityContext security) {
        return ((JsonWebToken) security.getUserPrincipal()).getSubject();
    }
}
