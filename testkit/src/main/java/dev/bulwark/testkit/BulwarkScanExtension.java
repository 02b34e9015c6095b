package dev.bulwark.testkit;

import dev.bulwark.testkit.report.Reports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs the kit against the application under test from a JUnit 5 test: the scan runs once per test class (on first
 * use), writes its reports to the settings' output directory, and becomes one dynamic test per check and subject, so
 * a finding fails a named test ({@code bola > GET /api/orders/{id}}) in the build's own test report.
 *
 * <pre>{@code
 * class ApiSecurityIT {
 *     @RegisterExtension
 *     static final BulwarkScanExtension scan = BulwarkScanExtension.of(() -> ScanSettings
 *             .builder(System.getProperty("api.url")).inventory("/shop/bulwark/inventory").insecureTls(true)
 *             .mint(new ScanSettings.Minting(Path.of("target/keys/private.pem"), ISSUER, AUDIENCE,
 *                     List.of("customer"), "", List.of("admin"), ""))
 *             .build());
 *
 *     @TestFactory
 *     Stream<DynamicNode> owaspApiTop10() {
 *         return scan.tests();
 *     }
 * }
 * }</pre>
 *
 * A test method may also take the {@link ScanReport} as a parameter to assert on it directly.
 */
public final class BulwarkScanExtension implements ParameterResolver {

    private final Supplier<ScanSettings> settings;
    private ScanReport report;

    private BulwarkScanExtension(Supplier<ScanSettings> settings) {
        this.settings = settings;
    }

    /** An extension that builds its settings when the scan first runs (ports and URLs are known by then). */
    public static BulwarkScanExtension of(Supplier<ScanSettings> settings) {
        return new BulwarkScanExtension(settings);
    }

    /** The scan's report (the scan runs on the first call; its reports are written then). */
    public synchronized ScanReport report() {
        if (report == null) {
            ScanSettings s = settings.get();
            try {
                report = SecurityScan.run(s);
                Reports.write(report, s.outputDirectory(), s.sourceRoot());
            } catch (SecurityScan.ScanException e) {
                throw new IllegalStateException("the security scan could not run: " + e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return report;
    }

    /**
     * One container per check with one test per subject: it fails with the subject's open findings (at or above the
     * settings' {@code failOn}), is skipped with the reason when its findings were all accepted; a check that could
     * not run is a failing test saying why.
     */
    public Stream<DynamicNode> tests() {
        ScanReport r = report();
        Severity failOn = settings.get().failOn();
        Map<String, Set<String>> subjects = new LinkedHashMap<>();
        r.tested().forEach(t -> subjects.computeIfAbsent(t.check(), k -> new LinkedHashSet<>()).add(t.subject()));
        r.findings().forEach(f -> subjects.computeIfAbsent(f.check(), k -> new LinkedHashSet<>()).add(f.subject()));
        r.notRun().keySet().forEach(k -> subjects.computeIfAbsent(k, x -> new LinkedHashSet<>()));
        List<DynamicNode> containers = new ArrayList<>();
        subjects.forEach((check, names) -> {
            List<DynamicNode> tests = new ArrayList<>();
            for (String subject : names) {
                tests.add(DynamicTest.dynamicTest(subject, () -> {
                    List<Finding> open = r.findingsOf(check, subject).stream()
                            .filter(f -> f.severity().compareTo(failOn) >= 0).toList();
                    if (!open.isEmpty()) {
                        StringBuilder message = new StringBuilder();
                        open.forEach(f -> message.append(f.line()).append("\n    evidence: ").append(f.evidence())
                                .append('\n'));
                        Assertions.fail(message.toString());
                    }
                }));
            }
            String why = r.notRun().get(check);
            if (why != null) {
                tests.add(DynamicTest.dynamicTest(check + " ran", () -> {
                    if (ScanReport.failure(why)) {
                        Assertions.fail(check + ": " + why);
                    }
                    org.junit.jupiter.api.Assumptions.abort(check + ": " + why);
                }));
            }
            containers.add(DynamicContainer.dynamicContainer(check, tests));
        });
        return containers.stream();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ScanReport.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return report();
    }
}
