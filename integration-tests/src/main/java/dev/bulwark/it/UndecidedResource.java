package dev.bulwark.it;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** No access decision at all: Bulwark refuses it and reports it (deny by default). */
@Path("/undecided")
@Produces(MediaType.APPLICATION_JSON)
public class UndecidedResource {

    @GET
    public String forgotten() {
        return "{\"leak\":true}";
    }
}
