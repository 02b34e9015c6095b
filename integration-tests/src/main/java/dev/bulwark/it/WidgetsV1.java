package dev.bulwark.it;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

/** v1 of the widgets: its item lookup lacks the scope v2 requires (the planted regression the versioning lint reports). */
@Path("/v1/widgets")
@Produces("text/plain")
public class WidgetsV1 {

    @GET
    @PermitAll
    public String list() {
        return "widgets";
    }

    @GET
    @Path("/{id}")
    @RolesAllowed("user")
    public String get(@PathParam("id") String id) {
        return "widget " + id;
    }

    /** An application error on a deprecated version: the generic problem carries the lifecycle headers too. */
    @GET
    @Path("/missing")
    @PermitAll
    public Response missing() {
        return Response.status(404).build();
    }
}
