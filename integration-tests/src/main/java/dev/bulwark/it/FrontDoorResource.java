package dev.bulwark.it;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A public resource that calls guarded methods of other classes: the bean interceptors must guard each call. */
@Path("/front-door")
@PermitAll
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class FrontDoorResource {

    @Inject
    InternalReportResource internalReport;

    @Inject
    ReadOps readOps;

    @Inject
    SharedLimit.First first;

    @Inject
    SharedLimit.Second second;

    @Inject
    InheritedGuards.AdminTools adminTools;

    @Inject
    InheritedGuards.Eraser eraser;

    @GET
    @Path("/admin-purge")
    public String adminPurge() {
        return adminTools.purge();
    }

    @GET
    @Path("/erase")
    public String erase() {
        return eraser.erase();
    }

    @GET
    @Path("/report")
    public String report() {
        return internalReport.read();
    }

    @GET
    @Path("/read")
    public String read() {
        return readOps.read();
    }

    @GET
    @Path("/purge")
    public String purge() {
        return readOps.purge();
    }

    @GET
    @Path("/work/{which}")
    public String work(@PathParam("which") String which) {
        return "first".equals(which) ? first.work() : second.work();
    }
}
