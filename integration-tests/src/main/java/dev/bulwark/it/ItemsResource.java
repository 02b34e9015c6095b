package dev.bulwark.it;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/items")
@Produces(MediaType.APPLICATION_JSON)
public class ItemsResource {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid Item item) {
        return Response.status(201).entity("{\"name\":\"ok\"}").build();
    }

    @GET
    @Path("/{id}")
    public String get(@PathParam("id") @Min(1) long id, @QueryParam("limit") @DefaultValue("10") @Max(50) int limit) {
        return "{\"id\":" + id + ",\"limit\":" + limit + "}";
    }
}
