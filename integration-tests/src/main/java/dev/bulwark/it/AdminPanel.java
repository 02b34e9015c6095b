package dev.bulwark.it;

import jakarta.annotation.security.RolesAllowed;

/** A sub-resource for admins only, serving the show() it inherits: JAX-RS dispatches to this class. */
@RolesAllowed("admin")
public class AdminPanel extends Panel {
}
