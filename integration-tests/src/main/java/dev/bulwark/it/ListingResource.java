package dev.bulwark.it;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Listing endpoints shared by several resources through inheritance: each subclass's class-level annotation decides
 * who may call the inherited methods. Liberty's own check reads the class that declares the method (this one, which
 * carries no class-level annotation) and so lets everyone through: only Bulwark enforces these subclass rules.
 */
@Produces(MediaType.APPLICATION_JSON)
public abstract class ListingResource {

    @GET
    public String list() {
        return "{\"listing\":\"" + name() + "\"}";
    }

    @GET
    @Path("/count")
    @PermitAll
    public String count() {
        return "{\"count\":3}";
    }

    @GET
    @Path("/mine")
    @RolesAllowed("user")
    public String mine() {
        return "{\"mine\":\"" + name() + "\"}";
    }

    @DELETE
    @DenyAll
    public String purge() {
        return "{\"purged\":\"" + name() + "\"}";
    }

    protected abstract String name();
}
