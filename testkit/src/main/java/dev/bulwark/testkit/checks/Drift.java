package dev.bulwark.testkit.checks;

import dev.bulwark.testkit.Finding;
import dev.bulwark.testkit.OwaspCategory;
import dev.bulwark.testkit.Severity;
import dev.bulwark.testkit.engine.ApiEndpoint;
import dev.bulwark.testkit.engine.ApiModel;
import dev.bulwark.testkit.engine.Check;
import dev.bulwark.testkit.engine.ScanContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Access drift (API5, API1, API9), when the settings name a reviewed inventory: a file the team committed after a
 * review (a saved {@code /bulwark/inventory} answer, or the posture report's JSON). Sends nothing. For every endpoint
 * the scan has, compared with the reviewed one of the same method and path:
 * <ul>
 * <li>{@code drift.access-weakened} (HIGH, API5): it now admits a caller the review did not: public where it was not,
 * deny-all lifted, a role added, a needed scope dropped. A role widened in the code shows here, where the other checks
 * (which take who may call an endpoint from the live inventory) cannot see it;</li>
 * <li>{@code drift.owner-check-removed} (HIGH, API1): the reviewed endpoint had an object-level owner check and
 * this one has none;</li>
 * <li>{@code drift.unreviewed-endpoint} (LOW, API9): an endpoint the reviewed inventory does not list.</li>
 * </ul>
 * Narrower access, and reviewed endpoints that are gone, are no findings: update the reviewed file to record them.
 */
public final class Drift implements Check {

    @Override
    public String id() {
        return "drift";
    }

    @Override
    public String title() {
        return "Access drift from the reviewed inventory";
    }

    @Override
    public void run(ScanContext ctx) {
        String file = ctx.settings().reviewedInventory();
        if (file == null) {
            return;
        }
        ApiModel reviewed;
        try {
            reviewed = ApiModel.fromInventory(Files.readString(Path.of(file)));
        } catch (IOException | RuntimeException e) {
            ctx.notRun(id(), "error: cannot read the reviewed inventory " + file + ": " + e.getMessage());
            return;
        }
        for (ApiEndpoint live : ctx.api().endpoints()) {
            if (!live.access().known()) {
                continue;
            }
            ctx.tested(id(), live.subject());
            Optional<ApiEndpoint> before = reviewed.endpoints().stream()
                    .filter(r -> live.sameOperation(r.method(), r.path())).findFirst();
            if (before.isEmpty()) {
                ctx.report(id(), "drift.unreviewed-endpoint", OwaspCategory.API9, Severity.LOW, live, "the endpoint is"
                        + " not in the reviewed inventory (" + live.access().describe() + "): review it and add it to "
                        + file, "");
                continue;
            }
            ApiEndpoint r = before.get();
            if (live.access().weakerThan(r.access())) {
                ctx.report(new Finding(id(), "drift.access-weakened", OwaspCategory.API5, Severity.HIGH, live.subject(),
                        live.handler(), "the endpoint admits more callers than the review did: reviewed "
                        + r.access().describe() + ", now " + live.access().describe() + ". Restore the rule, or"
                        + " review the change and record it in " + file, ""));
            }
            if (r.access().owned() && !live.access().owned()) {
                ctx.report(new Finding(id(), "drift.owner-check-removed", OwaspCategory.API1, Severity.HIGH,
                        live.subject(), live.handler(), "the reviewed endpoint checked the caller owns the object"
                        + " and this one does not: restore the owner check (Bulwark: @OwnedBy)", ""));
            }
        }
    }
}
