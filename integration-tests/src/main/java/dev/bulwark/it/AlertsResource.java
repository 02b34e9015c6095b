package dev.bulwark.it;

import dev.bulwark.api.SecurityAlert;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The alerts the application observed, for the admin (AuditIT). */
@Path("/alerts")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class AlertsResource {

    @Inject
    AlertInbox inbox;

    @GET
    public String received() {
        JsonArrayBuilder all = Json.createArrayBuilder();
        for (SecurityAlert a : inbox.received()) {
            all.add(Json.createObjectBuilder().add("detector", a.detector().name()).add("key", a.key())
                    .add("observed", a.observed()).add("threshold", a.threshold())
                    .add("windowSeconds", a.window().toSeconds())
                    .add("clientAddress", a.clientAddress() == null ? "" : a.clientAddress())
                    .add("subject", a.subject() == null ? "" : a.subject())
                    .add("correlationId", a.correlationId() == null ? "" : a.correlationId()));
        }
        return all.build().toString();
    }
}
