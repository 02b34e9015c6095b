package dev.bulwark.it;

import dev.bulwark.api.RateLimit;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A sub-resource that is a CDI bean, rate limited: each request is counted once, by the JAX-RS filter. */
@Path("/counted-sub")
@PermitAll
@RequestScoped
public class CountedSubResource {

    @Inject
    Counted counted;

    @Path("/s")
    public Counted sub() {
        return counted;
    }

    /** The bean JAX-RS dispatches to through the locator. */
    @RequestScoped
    @Produces(MediaType.APPLICATION_JSON)
    public static class Counted {
        @GET
        @PermitAll
        @RateLimit(rate = "3/1m", key = RateLimit.Key.PRINCIPAL)
        public String get() {
            return "{\"counted\":true}";
        }
    }
}
