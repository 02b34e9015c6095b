package dev.bulwark.it;

import dev.bulwark.api.RateLimit;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** A JAX-RS edge: a class-level rate limit and a @QueryParam setter: one count per request. */
@Path("/edge/counted-query")
@RequestScoped
@PermitAll
@RateLimit(rate = "4/1m", key = RateLimit.Key.PRINCIPAL)
@Produces(MediaType.APPLICATION_JSON)
public class EdgeCountedQueryResource {

    private String page;

    @QueryParam("page")
    public void setPage(String page) {
        this.page = page;
    }

    @GET
    public String get() {
        return "{\"page\":\"" + page + "\"}";
    }

    @GET
    @Path("/other")
    public String other() {
        return "{\"other\":\"" + page + "\"}";
    }
}
