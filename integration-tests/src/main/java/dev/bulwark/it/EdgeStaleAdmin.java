package dev.bulwark.it;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;

/** A JAX-RS edge: the admin variant of the public resource's method, as a bean. */
@RequestScoped
public class EdgeStaleAdmin extends EdgeStaleResource {

    @Override
    @RolesAllowed("admin")
    public String item() {
        return "\"admin-only\"";
    }
}
