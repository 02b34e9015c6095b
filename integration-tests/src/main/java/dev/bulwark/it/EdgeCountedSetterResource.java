package dev.bulwark.it;

import dev.bulwark.api.RateLimit;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** A JAX-RS edge: a class-level rate limit and a @Context setter: one count per request. */
@Path("/edge/counted-setter")
@RequestScoped
@PermitAll
@RateLimit(rate = "3/1m", key = RateLimit.Key.PRINCIPAL)
@Produces(MediaType.APPLICATION_JSON)
public class EdgeCountedSetterResource {

    private HttpHeaders headers;

    @Context
    public void setHeaders(HttpHeaders headers) {
        this.headers = headers;
    }

    @GET
    public String get() {
        return "{\"ok\":" + (headers != null) + "}";
    }
}
