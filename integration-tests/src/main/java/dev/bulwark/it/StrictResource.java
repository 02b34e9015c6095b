package dev.bulwark.it;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@PermitAll
@Path("/things")
@Produces(MediaType.APPLICATION_JSON)
public class StrictResource {

    @GET
    public String list() {
        return "[]";
    }

    @GET
    @Path("/boom")
    public String boom() {
        throw new IllegalArgumentException("strict app failure: jdbc:postgresql://db.internal:5432/prod");
    }
}
