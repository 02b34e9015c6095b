package dev.bulwark.it;

import dev.bulwark.api.OwnedBy;
import dev.bulwark.api.RequiresScopes;
import dev.bulwark.api.ResponseFields;
import dev.bulwark.it.PlantedLedger.PlantedInvoice;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
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
 * The planted-bug application's invoices (PlantedBugsScanIT): the <b>correct twins</b> of the planted orders bugs, which the
 * security test kit must not flag. {@code GET /planted/invoices/{id}} declares {@code @OwnedBy} (another customer's
 * invoice answers 404 like a missing one); {@code POST /planted/invoices} is documented as needing
 * {@code invoices:write} and enforces it with {@code @RequiresScopes} (403 without it).
 */
@Path("planted/invoices")
@RolesAllowed("customer")
@Produces(MediaType.APPLICATION_JSON)
public class PlantedInvoicesResource {

    /** A new (empty) invoice for a billing period. */
    public record NewInvoice(
            @Schema(description = "The billing period, yyyy-MM") @NotBlank @Pattern(regexp = "[0-9]{4}-[0-9]{2}")
            String period) {
    }

    @Inject
    PlantedLedger ledger;

    @Context
    SecurityContext security;

    @GET
    @ResponseFields({"id", "period", "amount"})
    public List<PlantedInvoice> mine() {
        return ledger.invoices(PlantedLedger.subject(security));
    }

    @GET
    @Path("{id}")
    @OwnedBy(value = "id", policy = PlantedInvoiceAccess.class)
    @ResponseFields({"id", "period", "amount"})
    public PlantedInvoice get(@PathParam("id") @Size(max = 64) String id) {
        return ledger.invoice(id).orElseThrow(NotFoundException::new);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresScopes("invoices:write")
    @SecurityRequirement(name = "bulwark-bearer", scopes = "invoices:write")
    @ResponseFields({"id", "period", "amount"})
    public Response create(@Valid NewInvoice invoice) {
        PlantedInvoice created = ledger.createInvoice(PlantedLedger.subject(security), invoice.period())
                .orElseThrow(() -> new ClientErrorException(Response.Status.CONFLICT));
        return Response.status(Response.Status.CREATED).entity(created).build();
    }
}
