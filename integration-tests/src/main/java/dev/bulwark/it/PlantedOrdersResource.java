package dev.bulwark.it;

import dev.bulwark.api.ResponseFields;
import dev.bulwark.it.PlantedLedger.PlantedOrder;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.ClientErrorException;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The planted-bug application's orders (PlantedBugsScanIT, issue 20: the security test kit must find these bugs).
 * <p>
 * <b>Two deliberate bugs, planted for the kit's integration test; never copy this class:</b>
 * <ol>
 *   <li>{@code GET /planted/orders/{id}} has no {@code @OwnedBy}: any customer reads any order by its id (OWASP API1,
 *       BOLA). The list {@code GET /planted/orders} is correct: it returns the caller's own orders only. The correct
 *       twin is {@code GET /planted/invoices/{id}} ({@link PlantedInvoicesResource}).</li>
 *   <li>{@code POST /planted/orders} is documented as needing the scope {@code orders:write}
 *       ({@code @SecurityRequirement}, which Bulwark's OpenAPI filter keeps as the operation's own requirement) but
 *       enforces no scope ({@code @RequiresScopes} is missing): any customer token creates orders (OWASP API5, BFLA).
 *       The correct twin is {@code POST /planted/invoices}.</li>
 * </ol>
 * Everything else here is correct: role {@code customer}, allow-lists on every response, validated bodies.
 */
@Path("planted/orders")
@RolesAllowed("customer")
@Produces(MediaType.APPLICATION_JSON)
public class PlantedOrdersResource {

    /** A new order: what the client may choose (the id, the owner and the status are the server's). */
    public record NewOrder(@Schema(description = "What to order") @NotBlank @Size(max = 64) String item,
                           @Schema(description = "How many") @NotNull @Min(1) @Max(100) Integer quantity) {
    }

    @Inject
    PlantedLedger ledger;

    @Context
    SecurityContext security;

    @GET
    @ResponseFields({"id", "item", "quantity", "status"})
    public List<PlantedOrder> mine() {
        return ledger.orders(PlantedLedger.subject(security));
    }

    /** PLANTED BUG (BOLA): no {@code @OwnedBy}, no owner check in the code either: any order, whoever owns it. */
    @GET
    @Path("{id}")
    @ResponseFields({"id", "item", "quantity", "status"})
    public PlantedOrder get(@PathParam("id") @Size(max = 64) String id) {
        return ledger.order(id).orElseThrow(NotFoundException::new);
    }

    /** PLANTED BUG (BFLA): documented as needing {@code orders:write}, enforced without it (no {@code @RequiresScopes}). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bulwark-bearer", scopes = "orders:write")
    @ResponseFields({"id", "item", "quantity", "status"})
    public Response create(@Valid NewOrder order) {
        PlantedOrder created = ledger.createOrder(PlantedLedger.subject(security), order.item(), order.quantity())
                .orElseThrow(() -> new ClientErrorException(Response.Status.CONFLICT));
        return Response.status(Response.Status.CREATED).entity(created).build();
    }
}
