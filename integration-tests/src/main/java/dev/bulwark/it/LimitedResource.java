package dev.bulwark.it;

import dev.bulwark.api.RateLimit;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Endpoints with small limits, one per test scenario so that their counts never mix. */
@Path("/limited")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class LimitedResource {

    @GET
    @Path("/spoof")
    @RateLimit(rate = "5/1m")
    public String spoof() {
        return "{\"ok\":true}";
    }

    @GET
    @Path("/items/{id}")
    @RateLimit(rate = "5/1m")
    public String item(@PathParam("id") String id) {
        return "{\"ok\":true}";
    }

    @GET
    @Path("/head")
    @RateLimit(rate = "5/1m")
    public String head() {
        return "{\"ok\":true}";
    }

    @GET
    @Path("/fields")
    @RateLimit(name = "burst", rate = "3/10s")
    @RateLimit(name = "hourly", rate = "100/1h")
    public String fields() {
        return "{\"ok\":true}";
    }

    @GET
    @Path("/principal")
    @RolesAllowed("user")
    @RateLimit(rate = "5/1m", key = RateLimit.Key.PRINCIPAL)
    public String principal() {
        return "{\"ok\":true}";
    }

    @GET
    @Path("/tenant")
    @RateLimit(rate = "3/1m", key = RateLimit.Key.CUSTOM, resolver = TenantKey.class)
    public String tenant() {
        return "{\"ok\":true}";
    }

    @GET
    @Path("/key")
    @RateLimit(rate = "3/1m", key = RateLimit.Key.API_KEY)
    public String apiKey() {
        return "{\"ok\":true}";
    }
}
