package dev.bulwark.testkit.checks;

import dev.bulwark.testkit.engine.ApiEndpoint;
import dev.bulwark.testkit.engine.Exchange;
import dev.bulwark.testkit.engine.Identity;
import dev.bulwark.testkit.engine.ScanContext;
import java.util.List;
import java.util.Optional;

/** Endpoints several checks pick as their target. */
final class Targets {

    private Targets() {
    }

    /** GETs without path variables and without required query parameters, in the model's order. */
    static List<ApiEndpoint> plainGets(ScanContext ctx) {
        return ctx.api().endpoints().stream().filter(e -> e.method().equals("GET") && !e.hasPathVariables()
                && e.query().stream().noneMatch(p -> p.required())).toList();
    }

    /**
     * An authenticated GET without path variables that {@code who} is admitted to and that answered it 2xx in
     * discovery; else any known-authenticated GET without path variables that admits {@code who}.
     */
    static Optional<ApiEndpoint> authenticatedGet(ScanContext ctx, Identity who) {
        List<ApiEndpoint> candidates = plainGets(ctx).stream().filter(e -> e.access().known()
                && !e.access().isPublic() && !e.access().denyAll() && e.access().admits(who)).toList();
        for (ApiEndpoint e : candidates) {
            Exchange sample = ctx.sampleOf(e, who);
            if (sample != null && sample.success()) {
                return Optional.of(e);
            }
        }
        return candidates.stream().findFirst();
    }

    /** Public GETs without path variables. */
    static List<ApiEndpoint> publicGets(ScanContext ctx) {
        return plainGets(ctx).stream().filter(e -> e.access().known() && e.access().isPublic()).toList();
    }
}
