package dev.bulwark.it;

import dev.bulwark.api.EgressAllowed;
import dev.bulwark.api.ResponseFields;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The planted-bug application's reports (PlantedBugsScanIT, issue 20).
 * <p>
 * <b>A deliberate bug, planted for the kit's integration test; never copy this class:</b> {@code GET
 * /planted/reports/{name}} answers a name it does not know (anything but {@code monthly} and {@code yearly}) with a
 * 500 whose problem {@code detail} is the exception's stack trace (OWASP API8, security misconfiguration: error
 * leakage).
 * <p>
 * Why Bulwark does not stop it: Bulwark replaces an error response whose body is not a problem (a plain-text or HTML
 * 500 with a stack trace becomes the generic problem), but an application's own {@code application/problem+json} is
 * its choice and goes out; what would still catch the trace is the egress check, which removes stack traces from
 * every JSON response ("[removed]"). The developer, tired of seeing "[removed]" while debugging reports, put
 * {@code @EgressAllowed(kinds = STACK_TRACE)} on the method, which turns exactly that detector off for it. The
 * annotation is meant for endpoints whose job is to return such a value; here it ships every stack trace to clients.
 * <p>
 * {@code GET /planted/statements/{name}} is the correct twin: an unknown name is a 404 with Bulwark's generic problem.
 */
@Path("planted")
@RolesAllowed("customer")
@Produces(MediaType.APPLICATION_JSON)
public class PlantedReportsResource {

    enum Period { MONTHLY, YEARLY }

    /** A report: how many orders the caller has, for a period. */
    public record PlantedReport(@Schema(description = "monthly or yearly") String name,
                                @Schema(description = "How many orders the caller has") int orders) {
    }

    @Inject
    PlantedLedger ledger;

    @Context
    SecurityContext security;

    /** PLANTED BUG (error leakage): the stack trace of a name it cannot parse goes to the client. */
    @GET
    @Path("reports/{name}")
    @EgressAllowed(kinds = EgressAllowed.Kind.STACK_TRACE)
    @ResponseFields({"name", "orders"})
    public Response report(@PathParam("name") String name) {
        try {
            return Response.ok(report(Period.valueOf(name.toUpperCase(Locale.ROOT)))).build();
        } catch (IllegalArgumentException e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            return Response.serverError().type("application/problem+json").entity(Json.createObjectBuilder()
                    .add("title", "Report failed").add("status", 500).add("detail", trace.toString()).build()).build();
        }
    }

    /** The correct twin: an unknown name is a 404 (Bulwark's generic problem), nothing of the exception leaves. */
    @GET
    @Path("statements/{name}")
    @ResponseFields({"name", "orders"})
    public PlantedReport statement(@PathParam("name") String name) {
        try {
            return report(Period.valueOf(name.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
    }

    private PlantedReport report(Period period) {
        return new PlantedReport(period.name().toLowerCase(Locale.ROOT),
                ledger.orders(PlantedLedger.subject(security)).size());
    }
}
