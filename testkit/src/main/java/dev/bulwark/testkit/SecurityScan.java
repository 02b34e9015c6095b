package dev.bulwark.testkit;

import dev.bulwark.testkit.checks.Checks;
import dev.bulwark.testkit.engine.ApiModel;
import dev.bulwark.testkit.engine.Check;
import dev.bulwark.testkit.engine.Exchange;
import dev.bulwark.testkit.engine.Identities;
import dev.bulwark.testkit.engine.Identity;
import dev.bulwark.testkit.engine.Probe;
import dev.bulwark.testkit.engine.Request;
import dev.bulwark.testkit.engine.ScanContext;
import dev.bulwark.testkit.engine.Tls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * Runs the kit's checks against an API: loads its endpoints (inventory and/or OpenAPI document), makes the
 * identities, then runs each enabled check in order through one paced, budgeted probe.
 *
 * <pre>{@code
 * ScanReport report = SecurityScan.run(ScanSettings.builder("https://localhost:9443")
 *         .inventory("/bulwark/inventory").insecureTls(true)
 *         .mint(new ScanSettings.Minting(key, issuer, audience, List.of("customer"), "", List.of("admin"), ""))
 *         .build());
 * }</pre>
 */
public final class SecurityScan {

    private SecurityScan() {
    }

    /** Thrown when the scan cannot start at all (no endpoints to read, a key that does not load). */
    public static final class ScanException extends Exception {
        public ScanException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static ScanReport run(ScanSettings settings) throws ScanException {
        return run(settings, d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000));
    }

    /** Like {@link #run(ScanSettings)} with the probe's pacing given (tests pass one that does not sleep). */
    public static ScanReport run(ScanSettings settings, Probe.Pacer pacer) throws ScanException {
        Instant started = settings.clock().instant();
        SSLContext tls;
        Identities identities;
        try {
            tls = Tls.context(settings.insecureTls(), settings.trustedCertificate());
            identities = Identities.of(settings);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new ScanException("cannot prepare the scan: " + e.getMessage(), e);
        }
        Probe probe = new Probe(settings.baseUrl(), tls, settings.requestsPerSecond(), settings.maxRequests(),
                settings.allowDestructive(), settings.timeout(), settings.clock(), pacer);
        Map<String, String> notRun = new LinkedHashMap<>();
        ApiModel model = load(settings, identities, probe).only(settings.include());
        ScanContext context = new ScanContext(settings, model, identities, probe, tls);
        if (model.endpoints().isEmpty() && (settings.inventory() != null || settings.openApi() != null)) {
            notRun.put("endpoints", "error: the inventory or OpenAPI document named no endpoint"
                    + (settings.include().isEmpty() ? "" : " under " + settings.include()) + ": nothing was tested");
        } else if (model.endpoints().isEmpty()) {
            notRun.put("endpoints", "no endpoints: give the inventory or the OpenAPI document; only service-wide "
                    + "checks ran");
        }
        if (!identities.hasUsers()) {
            notRun.put("identities", "no ordinary users' tokens or signing key: only anonymous checks ran");
        }
        boolean budget = true;
        for (Check check : Checks.all()) {
            if (!settings.runs(check.id())) {
                continue;
            }
            if (!budget) {
                notRun.put(check.id(), "not run: the request budget was spent");
                continue;
            }
            try {
                check.run(context);
            } catch (Probe.BudgetExhausted e) {
                budget = false;
                notRun.put(check.id(), "stopped: " + e.getMessage());
            } catch (RuntimeException e) {
                notRun.put(check.id(), "error: " + e);
            }
        }
        context.notRun().forEach(notRun::putIfAbsent);
        unreachable(settings, probe).ifPresent(why -> notRun.put("connection", why));
        List<Finding> open = new ArrayList<>();
        List<ScanReport.AcceptedFinding> accepted = new ArrayList<>();
        for (Finding f : context.findings()) {
            settings.accepted().stream().filter(a -> a.covers(f)).findFirst().ifPresentOrElse(
                    a -> accepted.add(new ScanReport.AcceptedFinding(f, a.reason())), () -> open.add(f));
        }
        List<ScanReport.TestedSubject> tested = context.testedSubjects().stream()
                .map(t -> new ScanReport.TestedSubject(t.check(), t.subject())).toList();
        return new ScanReport(settings.baseUrl().toString(), started,
                Duration.between(started, settings.clock().instant()), probe.sent(), open, accepted, tested, notRun);
    }

    /**
     * An error when requests went to the base URL and not one of them got an HTTP answer (nothing listening, a
     * certificate not trusted, a wrong host): every check would otherwise pass on silence.
     */
    static java.util.Optional<String> unreachable(ScanSettings settings, Probe probe) {
        String origin = settings.baseUrl().getScheme() + "://" + settings.baseUrl().getRawAuthority();
        List<Exchange> toBase = probe.exchanges().stream().filter(x -> x.url().startsWith(origin)).toList();
        if (toBase.isEmpty() || toBase.stream().anyMatch(Exchange::answered)) {
            return java.util.Optional.empty();
        }
        Exchange first = toBase.get(0);
        String hint = first.failure() != null && first.failure().contains("SSL")
                ? " (a self-signed test certificate: --trust-cert FILE or --insecure)" : "";
        return java.util.Optional.of("error: none of the " + toBase.size() + " requests to " + origin
                + " got an answer, so no check could conclude; the first: " + first.failure() + hint);
    }

    private static ApiModel load(ScanSettings s, Identities identities, Probe probe) throws ScanException {
        ApiModel model = null;
        if (s.inventory() != null) {
            String text = read(s.inventory(), identities, probe, "inventory");
            try {
                model = ApiModel.fromInventory(text);
            } catch (RuntimeException e) {
                throw new ScanException("the inventory from " + s.inventory() + " is not Bulwark's inventory: " + e,
                        e);
            }
        }
        if (s.openApi() != null) {
            String text = read(s.openApi(), identities, probe, "OpenAPI document");
            ApiModel document;
            try {
                document = ApiModel.fromOpenApi(text, null);
            } catch (RuntimeException e) {
                throw new ScanException("the OpenAPI document from " + s.openApi() + " cannot be read: " + e, e);
            }
            model = model == null ? document : ApiModel.merge(model, document);
        }
        return model == null ? new ApiModel(List.of(), Map.of()) : model;
    }

    /** A file, or a URL (a path under the base URL, fetched as the admin when there is one, else as user1). */
    private static String read(String location, Identities identities, Probe probe, String what)
            throws ScanException {
        Path file = Path.of(location.startsWith("file:") ? location.substring(5) : location);
        if (!location.startsWith("http") && !location.startsWith("/") || Files.isRegularFile(file)) {
            try {
                return Files.readString(file);
            } catch (IOException | RuntimeException e) {
                throw new ScanException("cannot read the " + what + " from " + location + ": " + e.getMessage(), e);
            }
        }
        Identity as = identities.admin().orElse(identities.hasUsers() ? identities.user1() : Identity.ANONYMOUS);
        Exchange e = probe.fetchDocument(new Request("GET", location, Map.of("Accept", "application/json"), null, as));
        if (e.status() == 200 && dev.bulwark.testkit.engine.Json.tryParse(e.body()) == null
                && !location.contains("format=")) {
            String json = location + (location.contains("?") ? "&" : "?") + "format=JSON";
            e = probe.fetchDocument(new Request("GET", json, Map.of("Accept", "application/json"), null, as));
        }
        if (e.status() != 200 || dev.bulwark.testkit.engine.Json.tryParse(e.body()) == null) {
            throw new ScanException("cannot read the " + what + " at " + e.url() + " as " + as.name() + ": "
                    + (e.answered() ? "status " + e.status() : e.failure()), null);
        }
        return e.body();
    }
}
