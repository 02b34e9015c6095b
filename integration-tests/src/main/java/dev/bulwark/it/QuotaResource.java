package dev.bulwark.it;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/quota")
@PermitAll
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class QuotaResource {

    @Inject
    QuotaService quota;

    @GET
    public String take() {
        return quota.take();
    }

    @GET
    @Path("/twice")
    public String takeTwice() {
        return quota.takeTwice();
    }
}
