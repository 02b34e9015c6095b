package dev.bulwark.it;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * A JAX-RS edge: a public resource method with no interceptor binding (its dispatch record is never consumed) that calls
 * the same method of a bean subclass which guards its override.
 */
@Path("/edge/stale")
@RequestScoped
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class EdgeStaleResource {

    @Inject
    EdgeStaleAdmin admin;

    @GET
    @Path("/item")
    public String item() {
        return "{\"item\":\"public\",\"admin\":" + admin.item() + "}";
    }
}
