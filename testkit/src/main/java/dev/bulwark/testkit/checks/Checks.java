package dev.bulwark.testkit.checks;

import dev.bulwark.testkit.engine.Check;
import java.util.List;

/** Every check of the kit, in the order a scan runs them (discovery first: the others use what it saw). */
public final class Checks {

    private Checks() {
    }

    /** In {@link dev.bulwark.testkit.ScanSettings#ALL_CHECKS} order. */
    public static List<Check> all() {
        return List.of(
                new Discovery(),
                new Drift(),
                new JwtCheck(),
                new BflaCheck(),
                new Bola(),
                new MassAssignment(),
                new Exposure(),
                new Errors(),
                new Injection(),
                new CorsCheck(),
                new TransportCheck(),
                new HeadersCheck(),
                new RateLimit());
    }
}
