package dev.bulwark.it;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Path;

/** The admin-only customer list: every inherited endpoint needs the admin role unless it says otherwise. */
@Path("/customers")
@RolesAllowed("admin")
public class CustomersResource extends ListingResource {

    @Override
    protected String name() {
        return "customers";
    }
}
