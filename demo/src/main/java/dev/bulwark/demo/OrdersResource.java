package dev.bulwark.demo;

import dev.bulwark.api.OwnedBy;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * Orders. Customers see and create only their own; admins see all. Another customer's order looks exactly like
 * a missing one (404, Bulwark's {@code @OwnedBy}), so ids cannot be probed.
 */
@Path("/orders")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({DemoApplication.CUSTOMER, DemoApplication.ADMIN})
public class OrdersResource {

    @Inject
    Store store;

    @GET
    public List<Order> list(@Context SecurityContext security) {
        return security.isUserInRole(DemoApplication.ADMIN) ? store.orders()
                : store.ordersOf(Caller.subject(security));
    }

    /** Bulwark asks {@link OrderAccess} before this runs: another customer's order never gets here. */
    @GET
    @Path("/{id}")
    @OwnedBy(value = "id", policy = OrderAccess.class)
    public Order get(@PathParam("id") long id) {
        return store.order(id).orElseThrow(NotFoundException::new);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(DemoApplication.CUSTOMER)
    public Response create(@Valid @NotNull NewOrder body, @Context SecurityContext security, @Context UriInfo uri) {
        Order order = store.addOrder(Caller.subject(security), body.getItem(), body.getQuantity());
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(order.id())).build())
                .entity(order).build();
    }
}
