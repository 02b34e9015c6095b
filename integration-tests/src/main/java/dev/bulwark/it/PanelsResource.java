package dev.bulwark.it;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** A polymorphic sub-resource locator: the admin panel is a subclass with stricter roles that inherits show(). */
@Path("/panels")
@PermitAll
public class PanelsResource {

    @Path("{kind}")
    public Panel panel(@PathParam("kind") String kind) {
        return "admin".equals(kind) ? new AdminPanel() : new Panel();
    }
}
