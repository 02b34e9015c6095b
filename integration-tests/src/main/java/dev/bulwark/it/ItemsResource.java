package dev.bulwark.it;

import dev.bulwark.api.JsonBodyLimits;
import dev.bulwark.api.JsonSchema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.annotation.security.PermitAll;
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
import java.util.List;

@PermitAll
@Path("/items")
@Produces(MediaType.APPLICATION_JSON)
public class ItemsResource {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid Item item) {
        return Response.status(201).entity("{\"name\":\"ok\"}").build();
    }

    /** The same item, also checked against a JSON Schema the team keeps. */
    @POST
    @Path("/strict")
    @Consumes(MediaType.APPLICATION_JSON)
    @JsonSchema("schemas/item-strict.json")
    public Response createStrict(@Valid Item item) {
        return Response.status(201).entity("{\"name\":\"ok\"}").build();
    }

    /** A bulk import that needs more than the default limits. */
    @POST
    @Path("/bulk")
    @Consumes(MediaType.APPLICATION_JSON)
    @JsonBodyLimits(maxBytes = 4_194_304, maxArrayLength = 200_000)
    public String bulk(List<@Valid Item> items) {
        return "{\"count\":" + items.size() + "}";
    }

    @GET
    @Path("/{id}")
    public String get(@PathParam("id") @Min(1) long id, @QueryParam("limit") @DefaultValue("10") @Max(50) int limit) {
        return "{\"id\":" + id + ",\"limit\":" + limit + "}";
    }
}
