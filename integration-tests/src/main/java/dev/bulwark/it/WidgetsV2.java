package dev.bulwark.it;

import dev.bulwark.api.RequiresScopes;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

/** v2 of the widgets (VersioningIT: each version is at another stage of its schedule in /it-versions). */
@Path("/v2/widgets")
@Produces("text/plain")
public class WidgetsV2 {

    @GET
    @PermitAll
    public String list() {
        return "widgets";
    }

    @GET
    @Path("/{id}")
    @RolesAllowed("user")
    @RequiresScopes("widgets:read")
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

    /** The application announces its own deprecation and links: Bulwark keeps them and adds what is missing. */
    @GET
    @Path("/own-headers")
    @PermitAll
    public Response ownHeaders() {
        return Response.ok("widgets").header("Deprecation", "@1700000000")
                .header("Link", "</it-versions/api/v2/widgets?page=2>; rel=\"next\"").build();
    }
}
