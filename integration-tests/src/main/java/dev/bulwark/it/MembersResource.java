package dev.bulwark.it;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Path;

/** For any authenticated caller, whatever its roles (Jakarta's "**"). */
@Path("/members")
@RolesAllowed("**")
public class MembersResource extends ListingResource {

    @Override
    protected String name() {
        return "members";
    }
}
