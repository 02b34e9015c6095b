package dev.bulwark.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.testkit.BulwarkScanExtension;
import dev.bulwark.testkit.ScanReport;
import dev.bulwark.testkit.ScanSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The security test kit against the running demo, through its JUnit 5 extension, as a user would write it: every
 * check (JWT catalogue, BOLA with alice's and bob's orders, BFLA on the admin endpoints, mass assignment, data
 * exposure, error leakage, injection, CORS, HTTPS and TLS, headers, rate limits with a bounded probe) is one dynamic
 * test per endpoint; the demo must come out clean. The reports land in target/bulwark-scan/demo. It runs in a failsafe
 * execution of its own, after the demo's other tests and the scanners (demo/pom.xml).
 */
@Tag("testkit")
class DemoSecurityScanIT {

    private static final Path OUT = Path.of("target", "bulwark-scan", "demo");

    @RegisterExtension
    static final BulwarkScanExtension SCAN = BulwarkScanExtension.of(() -> ScanSettings.builder(DemoIT.HTTPS)
            .httpUrl(System.getProperty("demo.base.url", "http://localhost:9080"))
            .inventory("/bulwark/inventory")
            .reviewedInventory("src/test/testkit/reviewed-inventory.json")
            .insecureTls(true)
            .mint(new ScanSettings.Minting(Path.of(System.getProperty("demo.keys", "target/keys"), "private.pem"),
                    "https://issuer.bulwark.demo", "bulwark-demo-api", List.of("customer"), "", List.of("admin"), "")
                    .withSubjects("alice", "bob"))
            .requestsPerSecond(50)
            .rateLimitProbe(400)
            .accept("errors.reflected-input", "GET /api/", "Open Liberty answers a URI it cannot decode (%00) itself,"
                    + " before any web module, with its CWWWC0005I page quoting the path HTML-encoded"
                    + " (docs/errors.md, What the container still answers itself)")
            .outputDirectory(OUT)
            .sourceRoot("demo/src/main/java")
            .build());

    @TestFactory
    Stream<DynamicNode> owaspApiTop10() {
        return SCAN.tests();
    }

    @Test
    void everyCheckRanOnTheDemosEndpointsAndTheReportsWereWritten(ScanReport report) throws Exception {
        assertThat(report.notRun()).isEmpty();
        assertThat(report.tested()).extracting(ScanReport.TestedSubject::check)
                .contains("drift", "jwt", "bfla", "bola", "mass-assignment", "exposure", "errors", "injection", "cors",
                        "transport", "headers", "rate-limit");
        assertThat(report.tested()).extracting(ScanReport.TestedSubject::subject)
                .contains("GET /api/v1/orders/{id}", "GET /api/v2/customers", "PUT /api/v1/customers/me");
        assertThat(Files.readString(OUT.resolve("bulwark-scan.sarif"))).contains("\"version\":\"2.1.0\"");
        assertThat(Files.readString(OUT.resolve("TEST-bulwark-scan.xml"))).contains("failures=\"0\"");
        assertThat(report.findings()).isEmpty();
        assertThat(report.accepted()).allSatisfy(a -> assertThat(a.finding().evidence()).contains("CWWWC0005I"));
        assertThat(Files.readString(OUT.resolve("bulwark-scan.txt"))).contains("0 findings");
    }
}
