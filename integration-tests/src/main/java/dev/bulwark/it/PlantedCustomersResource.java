package dev.bulwark.it;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The planted-bug application's customer record (PlantedBugsScanIT, issue 20).
 * <p>
 * <b>A deliberate bug, planted for the kit's integration test; never copy this class:</b> {@code GET
 * /planted/customers/me} returns {@link PlantedCustomer#dateOfBirth()}, a personal field that the OpenAPI document
 * does not describe ({@code @Schema(hidden = true)}: the developer hid it from the documentation, not from the
 * response) and that no allow-list stops (the method has no {@code @ResponseFields}). Bulwark's default sensitive
 * names are about secrets (passwords, tokens, keys, card numbers, SSNs...), not about personal data such as a date of
 * birth, so it leaves (OWASP API3, excessive data exposure). {@code displayName} is the correct twin field: documented
 * and harmless.
 */
@Path("planted/customers")
@RolesAllowed("customer")
@Produces(MediaType.APPLICATION_JSON)
public class PlantedCustomersResource {

    /** The caller's customer record as the API returns it. */
    public record PlantedCustomer(
            @Schema(description = "The customer's number") String number,
            @Schema(description = "The name shown to other customers") String displayName,
            /* PLANTED BUG: hidden from the document, still written (no allow-list on the endpoint). */
            @Schema(hidden = true) LocalDate dateOfBirth) {
    }

    @Inject
    PlantedLedger ledger;

    @Context
    SecurityContext security;

    /** PLANTED BUG (data exposure): no {@code @ResponseFields}, and an undocumented personal field in the type. */
    @GET
    @Path("me")
    public PlantedCustomer me() {
        String subject = PlantedLedger.subject(security);
        PlantedLedger.Account account = ledger.account(subject).orElseThrow(ServiceUnavailableException::new);
        return new PlantedCustomer("C-" + account.tag(), subject, PlantedLedger.birthDate(subject));
    }
}
