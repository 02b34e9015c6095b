package dev.bulwark.it;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A sub-resource for users and admins. */
@RolesAllowed({"user", "admin"})
@Produces(MediaType.APPLICATION_JSON)
public class Panel {

    @GET
    public String show() {
        return "{\"panel\":\"" + getClass().getSimpleName() + "\"}";
    }
}
