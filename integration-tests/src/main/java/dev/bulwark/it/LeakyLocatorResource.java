package dev.bulwark.it;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A sub-resource locator that calls a guarded resource bean while JAX-RS matches: that call is guarded. */
@Path("/leaky-locator")
@PermitAll
@RequestScoped
public class LeakyLocatorResource {

    @Inject
    InternalReportResource internalReport;

    @Path("/leak")
    public Echo leak() {
        return new Echo(internalReport.read());
    }

    /** Serves what the locator computed. */
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    public static class Echo {
        private final String value;

        public Echo(String value) {
            this.value = value;
        }

        @GET
        public String get() {
            return value;
        }
    }
}
