package dev.bulwark.bench.e2e;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Map;

/** The authenticated JSON POST: a validated order, answered with what was accepted (nothing is stored). */
@Path("/orders")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class OrdersResource {

    @POST
    @RolesAllowed(E2eApplication.USER)
    public Map<String, Object> place(@Valid @NotNull NewOrder order, @Context SecurityContext security) {
        return Map.of("owner", security.getUserPrincipal().getName(), "item", order.item(),
                "quantity", order.quantity());
    }
}
