package dev.bulwark.it;

import dev.bulwark.api.TokenDenyList;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Endpoints that need a verified token with the group "user". */
@Path("/secure")
@RequestScoped
@RolesAllowed("user")
@Produces(MediaType.APPLICATION_JSON)
public class SecureResource {

    @Inject
    TokenDenyList denyList;

    @GET
    public String whoAmI(@Context SecurityContext security) {
        return "{\"sub\":\"" + security.getUserPrincipal().getName() + "\"}";
    }

    /** Revokes the caller's own token: any later use of it must be refused. */
    @POST
    @Path("/logout")
    public String logout(@Context SecurityContext security) {
        JsonWebToken jwt = (JsonWebToken) security.getUserPrincipal();
        denyList.deny(jwt.getTokenID(), Instant.ofEpochSecond(jwt.getExpirationTime()));
        return "{\"revoked\":true}";
    }
}
