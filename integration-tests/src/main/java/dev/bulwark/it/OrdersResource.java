package dev.bulwark.it;

import dev.bulwark.api.OwnedBy;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Owned objects: the id arrives in the path, the query or the body, and ItOrders decides. */
@Path("/orders")
@RolesAllowed({"user", "admin"})
@Produces(MediaType.APPLICATION_JSON)
public class OrdersResource {

    public static class Lookup {
        public String orderId;
    }

    private static String order(long id) {
        String owner = ItOrders.OWNERS.get(Long.toString(id));
        if (owner == null) {
            throw new NotFoundException();
        }
        return "{\"id\":" + id + ",\"owner\":\"" + owner + "\"}";
    }

    @GET
    @Path("/{id}")
    @OwnedBy(value = "id", policy = ItOrders.class)
    public String get(@PathParam("id") long id) {
        return order(id);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @OwnedBy(value = "id", policy = ItOrders.class)
    public String update(@PathParam("id") long id, Lookup ignored) {
        return order(id);
    }

    @DELETE
    @Path("/{id}")
    @OwnedBy(value = "id", policy = ItOrders.class)
    public String delete(@PathParam("id") long id) {
        return order(id);
    }

    @GET
    @OwnedBy(value = "id", source = OwnedBy.Source.QUERY, policy = ItOrders.class)
    public String byQuery(@QueryParam("id") long id) {
        return order(id);
    }

    @POST
    @Path("/lookup")
    @Consumes(MediaType.APPLICATION_JSON)
    @OwnedBy(value = "orderId", source = OwnedBy.Source.BODY, policy = ItOrders.class)
    public String byBody(Lookup lookup) {
        return order(Long.parseLong(lookup.orderId));
    }

    /** An id in the path with no ownership rule: the inventory must flag it. */
    @GET
    @Path("/{id}/unguarded")
    public String unguarded(@PathParam("id") long id) {
        return order(id);
    }
}
