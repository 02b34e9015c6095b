package dev.bulwark.it;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A service-layer CDI bean (not an EJB, so no container enforces its security annotations): the auditor role is
 * needed whichever resource calls it, one method is open to anyone and one to nobody.
 */
@ApplicationScoped
@RolesAllowed("auditor")
public class AuditService {

    public String trail() {
        return "{\"trail\":[\"login\",\"export\"]}";
    }

    @PermitAll
    public String summary() {
        return "{\"entries\":2}";
    }

    @DenyAll
    public String erase() {
        return "{\"erased\":true}";
    }
}
