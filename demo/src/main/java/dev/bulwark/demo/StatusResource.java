package dev.bulwark.demo;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** A public endpoint: answers without a token. */
@Path("/status")
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {

    @GET
    @PermitAll
    public Map<String, String> status() {
        return Map.of("status", "UP");
    }
}
