package dev.bulwark.it;

import jakarta.annotation.security.DenyAll;
import jakarta.ws.rs.Path;

/** Closed for everyone: every inherited endpoint is refused unless it says otherwise. */
@Path("/archive")
@DenyAll
public class ArchiveResource extends ListingResource {

    @Override
    protected String name() {
        return "archive";
    }
}
