package dev.bulwark.it;

import dev.bulwark.api.RequiresScopes;

/** Operations that need the admin scope, declared here and inherited by a bean with a weaker class scope. */
@RequiresScopes("reports:admin")
public abstract class AdminOps {

    public String purge() {
        return "{\"purged\":true}";
    }
}
