package dev.bulwark.it;

import dev.bulwark.api.RequiresScopes;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A bean whose own methods need the read scope; the purge() it inherits keeps the admin scope of the class that
 * declares it (Jakarta Annotations: a class-level annotation covers the methods that class declares).
 */
@ApplicationScoped
@RequiresScopes("reports:read")
public class ReadOps extends AdminOps {

    public String read() {
        return "{\"read\":true}";
    }
}
