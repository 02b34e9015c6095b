package dev.bulwark.it;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A JAX-RS edge: admin resource with one public status method; a @HeaderParam setter. */
@Path("/edge/roles-setter")
@RequestScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class EdgeRolesSetterResource {

    private String lang;

    @HeaderParam("Accept-Language")
    public void setLang(String lang) {
        this.lang = lang;
    }

    @GET
    @Path("/status")
    @PermitAll
    public String status() {
        return "{\"status\":\"up\"}";
    }

    @GET
    @Path("/admin")
    public String admin() {
        return "{\"admin\":true}";
    }
}
