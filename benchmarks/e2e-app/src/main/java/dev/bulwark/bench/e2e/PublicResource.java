package dev.bulwark.bench.e2e;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** The public GET: small JSON, no token. */
@Path("/public")
@Produces(MediaType.APPLICATION_JSON)
public class PublicResource {

    @GET
    @PermitAll
    public Map<String, String> status() {
        return Map.of("status", "UP");
    }
}
