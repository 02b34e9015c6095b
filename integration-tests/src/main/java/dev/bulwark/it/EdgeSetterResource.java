package dev.bulwark.it;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/** A JAX-RS edge: JAX-RS property (setter) injection on a class-guarded resource. */
@Path("/edge/setter")
@RequestScoped
@DenyAll
@Produces(MediaType.APPLICATION_JSON)
public class EdgeSetterResource {

    private String q;
    private UriInfo uri;

    @QueryParam("q")
    public void setQ(String q) {
        this.q = q;
    }

    @Context
    public void setUri(UriInfo uri) {
        this.uri = uri;
    }

    @GET
    @Path("/open")
    @PermitAll
    public String open() {
        return "{\"q\":\"" + q + "\"}";
    }

    @GET
    @Path("/users")
    @RolesAllowed("user")
    public String users() {
        return "{\"path\":\"" + (uri == null ? null : uri.getPath()) + "\"}";
    }
}
