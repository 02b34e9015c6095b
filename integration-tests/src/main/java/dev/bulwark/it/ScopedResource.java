package dev.bulwark.it;

import dev.bulwark.api.RequiresScopes;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Scope-protected endpoints, and one that reaches a scope-protected CDI service. */
@Path("/scoped")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ScopedResource {

    @Inject
    ReportService reports;

    @GET
    @RequiresScopes("items:read")
    public String read() {
        return "{\"read\":true}";
    }

    @POST
    @RequiresScopes(value = "items:read", anyOf = {"items:write", "items:admin"})
    public String write() {
        return "{\"written\":true}";
    }

    /** Public at the resource: the service it calls demands reports:read itself. */
    @GET
    @Path("/report")
    @dev.bulwark.api.Public
    public String report() {
        return reports.report();
    }
}
