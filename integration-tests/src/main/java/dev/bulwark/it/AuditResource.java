package dev.bulwark.it;

import dev.bulwark.api.Public;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Public at the resource: the audit service it calls enforces its own roles. */
@Path("/audit")
@RequestScoped
@Public
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditService audit;

    @GET
    public String trail() {
        return audit.trail();
    }

    @GET
    @Path("/summary")
    public String summary() {
        return audit.summary();
    }

    @DELETE
    public String erase() {
        return audit.erase();
    }
}
