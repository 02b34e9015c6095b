package dev.bulwark.it;

import static dev.bulwark.it.ItSupport.AUDIENCE;
import static dev.bulwark.it.ItSupport.BASE;
import static dev.bulwark.it.ItSupport.ISSUER;
import static dev.bulwark.it.ItSupport.KEYS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.devtools.DevTokens;
import dev.bulwark.testkit.Finding;
import dev.bulwark.testkit.engine.ApiEndpoint;
import dev.bulwark.testkit.engine.ApiModel;
import dev.bulwark.testkit.OwaspCategory;
import dev.bulwark.testkit.ScanReport;
import dev.bulwark.testkit.ScanSettings;
import dev.bulwark.testkit.SecurityScan;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The security test kit against the planted-bug application (issue 20): {@code /it/api/planted} is correct except for
 * four deliberate bugs (PlantedOrdersResource, PlantedCustomersResource, PlantedReportsResource), each of which the
 * kit must report with the right check and OWASP category, and correct twins (PlantedInvoicesResource, the statements
 * endpoint, the customer's documented fields) on which it must report nothing. The kit mints its callers with the
 * IT's signing key: two customers ({@code bulwark-kit-user1}, {@code bulwark-kit-user2}, scope {@code orders:read}
 * only) and an admin that may read the inventory ({@code bulwark-admin}).
 */
class PlantedBugsScanIT {

    private static final String PLANTED = "/it/api/planted";
    private static final String BOLA = "GET " + PLANTED + "/orders/{id}";
    private static final String EXPOSURE = "GET " + PLANTED + "/customers/me";
    private static final String BFLA = "POST " + PLANTED + "/orders";
    private static final String ERRORS = "GET " + PLANTED + "/reports/{name}";
    /** The correct endpoints: the twins of the planted bugs and the lists. */
    private static final List<String> CORRECT = List.of("GET " + PLANTED + "/invoices/{id}",
            "POST " + PLANTED + "/invoices", "GET " + PLANTED + "/statements/{name}", "GET " + PLANTED + "/orders",
            "GET " + PLANTED + "/invoices");

    /**
     * The planted API's documented contract (scopes, schemas), as its team would keep it: the server's own /openapi
     * merges the documents of the ~30 applications deployed from this WAR, and which application a shared path is
     * attributed to changes as the tests deploy more of them, so the scan reads the contract from a file.
     */
    private static final Path CONTRACT = Path.of("src", "test", "resources", "planted-openapi.json").toAbsolutePath();
    private static final Path OUTPUT = Path.of("target", "bulwark-scan", "planted").toAbsolutePath();
    private static ScanReport report;

    /**
     * The scan, run once for the tests that need it, its reports written to target/bulwark-scan/planted. The kit reads
     * the IT server's OpenAPI document itself: the server merges the documents of its ~30 deployments into one of
     * about 1.7 MB, which the kit's document reading takes (up to 32 MiB, unlike its probes' 256 KiB).
     */
    private static synchronized ScanReport report() throws Exception {
        if (report == null) {
            report = SecurityScan.run(ScanSettings.builder(BASE)
                    .inventory("/it/bulwark/inventory")
                    .openApi(CONTRACT.toString())
                    .include(PLANTED)
                    .insecureTls(true)
                    .mint(new ScanSettings.Minting(KEYS.resolve(DevTokens.PRIVATE_KEY_FILE), ISSUER, AUDIENCE,
                            List.of("customer"), "orders:read", List.of("admin", "bulwark-admin"), ""))
                    .accept("errors.reflected-input", "GET " + PLANTED, "Open Liberty answers a URI it cannot decode (%00) "
                            + "itself, before any web module, with its CWWWC0005I page quoting the path HTML-encoded "
                            + "(docs/errors.md); not the application's doing")
                    .accept("headers.nosniff", "4xx answers", "that same Liberty page: this server runs without "
                            + "liberty-config/bulwark-container-headers.xml (node 2 has it, ContainerResponsesIT)")
                    .accept("headers.framing", "4xx answers", "that same Liberty page, as above")
                    .outputDirectory(OUTPUT)
                    .build());
            dev.bulwark.testkit.report.Reports.write(report, OUTPUT);
            System.out.println(report.summary());
        }
        return report;
    }

    @Test
    void theScanReadTheApiAsTheKitsOwnCallers() throws Exception {
        assertThat(report().notRun()).as("what did not run").doesNotContainKeys("endpoints", "identities");
        assertThat(report().requests()).isPositive();
    }

    /**
     * The fixture itself: the document describes every field but the planted one, and the planted scope, in the
     * shape the kit reads it (the server merges its applications' documents).
     */
    @Test
    void theDocumentDescribesTheTwinsAndHidesThePlantedField() throws Exception {
        String text = ItSupport.get("/openapi", "Accept", "application/json").body();
        jakarta.json.JsonObject document = ItSupport.json(text);
        jakarta.json.JsonObject schemas = document.getJsonObject("components").getJsonObject("schemas");
        assertThat(schemas.getJsonObject("PlantedOrder").getJsonObject("properties").keySet())
                .containsExactlyInAnyOrder("id", "item", "quantity", "status");
        assertThat(schemas.getJsonObject("PlantedInvoice").getJsonObject("properties").keySet())
                .containsExactlyInAnyOrder("id", "period", "amount");
        assertThat(schemas.getJsonObject("PlantedCustomer").getJsonObject("properties").keySet())
                .containsExactlyInAnyOrder("number", "displayName");
        assertThat(text).as("the server documents the planted scope it does not enforce")
                .contains("\"orders:write\"").contains("\"invoices:write\"");
        ApiModel contract = ApiModel.fromOpenApi(java.nio.file.Files.readString(CONTRACT), null);
        assertThat(scopes(contract, BFLA)).containsExactly("orders:write");
        assertThat(scopes(contract, "POST " + PLANTED + "/invoices")).containsExactly("invoices:write");
    }

    private static java.util.Set<String> scopes(ApiModel model, String subject) {
        ApiEndpoint e = model.endpoints().stream().filter(x -> x.subject().equals(subject)).findFirst()
                .orElseThrow(() -> new AssertionError(subject + " is not in the document as the kit reads it: "
                        + model.endpoints().stream().map(ApiEndpoint::subject).filter(x -> x.contains("planted"))
                        .toList()));
        return e.access().allScopes();
    }

    @Test
    void theMissingOwnerCheckIsBola() throws Exception {
        assertReported("bola", BOLA, OwaspCategory.API1);
    }

    @Test
    void theUndocumentedPersonalFieldIsExcessiveDataExposure() throws Exception {
        assertThat(report().findingsOf("exposure", EXPOSURE)).as(report().summary()).anySatisfy(f -> {
            assertThat(f.category()).isEqualTo(OwaspCategory.API3);
            assertThat(f.message() + " " + f.evidence()).contains("dateOfBirth");
        });
        assertThat(report().findings()).as("the documented twin field").noneMatch(f -> f.check().equals("exposure")
                && f.message().contains("displayName"));
    }

    @Test
    void theMissingScopeIsBfla() throws Exception {
        assertReported("bfla", BFLA, OwaspCategory.API5);
    }

    @Test
    void theStackTraceInTheBodyIsErrorLeakage() throws Exception {
        assertReported("errors", ERRORS, OwaspCategory.API8);
    }

    @Test
    void theCorrectTwinsHaveNoFinding() throws Exception {
        assertThat(report().findings()).as(report().summary()).extracting(Finding::subject)
                .doesNotContainAnyElementsOf(CORRECT);
    }

    private static void assertReported(String check, String subject, OwaspCategory category) throws Exception {
        assertThat(report().findingsOf(check, subject)).as("%s on %s in%n%s", check, subject, report().summary())
                .anySatisfy(f -> assertThat(f.category()).isEqualTo(category));
    }
}
