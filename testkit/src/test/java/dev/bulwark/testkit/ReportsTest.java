package dev.bulwark.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.testkit.engine.Json;
import dev.bulwark.testkit.report.JUnitXml;
import dev.bulwark.testkit.report.Reports;
import dev.bulwark.testkit.report.Sarif;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class ReportsTest {

    private static final Finding BOLA = new Finding("bola", "bola.path", OwaspCategory.API1, Severity.HIGH,
            "GET /shop/orders/{id}", "com.example.shop.OrdersResource#get", "user2 read user1's order",
            "GET https://h/shop/orders/7 as user2 -> 200 {\"id\":7}");
    private static final Finding LEAK = new Finding("errors", "errors.stack-trace", OwaspCategory.API8,
            Severity.MEDIUM, "GET /shop/reports/{name}", null, "a stack trace <at java.lang> & \u0001 in the body",
            "");

    private static ScanReport report() {
        return new ScanReport("https://h", Instant.parse("2026-12-01T10:00:00Z"), Duration.ofSeconds(3), 42,
                List.of(BOLA), List.of(new ScanReport.AcceptedFinding(LEAK, "the debug endpoint is off in production")),
                List.of(new ScanReport.TestedSubject("bola", "GET /shop/orders/{id}"),
                        new ScanReport.TestedSubject("bola", "GET /shop/invoices/{id}")),
                Map.of("rate-limit", "stopped: the scan's request budget (42 requests) is spent"));
    }

    @Test
    void sarifNamesRulesCategoriesLocationsAndSuppressions() {
        JsonObject sarif = Json.parse(Sarif.write(report(), "1.2.3")).asJsonObject();
        assertThat(sarif.getString("version")).isEqualTo("2.1.0");
        JsonObject run = sarif.getJsonArray("runs").getJsonObject(0);
        JsonObject driver = run.getJsonObject("tool").getJsonObject("driver");
        assertThat(driver.getString("name")).isEqualTo("bulwark-testkit");
        assertThat(driver.getJsonArray("rules")).hasSize(2);
        JsonObject rule = driver.getJsonArray("rules").getJsonObject(0);
        assertThat(rule.getString("id")).isEqualTo("bola.path");
        assertThat(rule.getString("helpUri")).contains("0xa1-broken-object-level-authorization");
        assertThat(rule.getJsonObject("properties").getJsonArray("tags").toString()).contains("API1:2023");
        assertThat(rule.getJsonObject("properties").getString("security-severity")).isEqualTo("8.0");
        JsonObject result = run.getJsonArray("results").getJsonObject(0);
        assertThat(result.getString("level")).isEqualTo("error");
        assertThat(result.getInt("ruleIndex")).isZero();
        JsonObject location = result.getJsonArray("locations").getJsonObject(0);
        assertThat(location.getJsonObject("physicalLocation").getJsonObject("artifactLocation").getString("uri"))
                .isEqualTo("src/main/java/com/example/shop/OrdersResource.java");
        assertThat(location.getJsonArray("logicalLocations").getJsonObject(0).getString("fullyQualifiedName"))
                .isEqualTo("GET /shop/orders/{id}");
        assertThat(result.getJsonObject("partialFingerprints").getString("bulwarkFinding/v1")).hasSize(32);
        JsonObject accepted = run.getJsonArray("results").getJsonObject(1);
        assertThat(accepted.getJsonArray("suppressions").getJsonObject(0).getString("justification"))
                .isEqualTo("the debug endpoint is off in production");
        // Every result has a physical location (GitHub code scanning rejects a file with one that has none): a finding
        // without a handler is located at the module's pom.xml.
        assertThat(accepted.getJsonArray("locations").getJsonObject(0).getJsonObject("physicalLocation")
                .getJsonObject("artifactLocation").getString("uri")).isEqualTo("pom.xml");
        JsonObject inModule = Json.parse(Sarif.write(report(), "1.2.3", "demo/src/main/java/")).asJsonObject()
                .getJsonArray("runs").getJsonObject(0);
        assertThat(inModule.getJsonArray("results").getValuesAs(JsonObject.class)).extracting(r -> r
                .getJsonArray("locations").getJsonObject(0).getJsonObject("physicalLocation")
                .getJsonObject("artifactLocation").getString("uri"))
                .containsExactly("demo/src/main/java/com/example/shop/OrdersResource.java", "demo/pom.xml");
        assertThat(inModule.getJsonArray("results").getJsonObject(0).getJsonArray("locations").getJsonObject(0)
                .getJsonObject("physicalLocation").getJsonObject("region").getInt("startLine")).isEqualTo(1);
    }

    @Test
    void junitXmlIsWellFormedWithAFailurePerFindingAndAnErrorPerCheckNotRun() throws Exception {
        String xml = JUnitXml.write(report());
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element root = doc.getDocumentElement();
        assertThat(root.getAttribute("tests")).isEqualTo("4");
        assertThat(root.getAttribute("failures")).isEqualTo("1");
        assertThat(root.getAttribute("errors")).isEqualTo("1");
        assertThat(root.getAttribute("skipped")).isEqualTo("1");
        assertThat(doc.getElementsByTagName("failure").item(0).getAttributes().getNamedItem("type").getNodeValue())
                .isEqualTo("bola.path");
        assertThat(xml).contains("accepted: errors.stack-trace: the debug endpoint is off in production");
        assertThat(xml).doesNotContain("\u0001");
    }

    @Test
    void summaryListsFindingsAcceptedAndNotRun(@TempDir Path dir) throws Exception {
        List<Path> files = Reports.write(report(), dir);
        assertThat(files).extracting(p -> p.getFileName().toString())
                .containsExactly("bulwark-scan.txt", "bulwark-scan.sarif", "TEST-bulwark-scan.xml");
        String summary = Files.readString(dir.resolve(Reports.SUMMARY));
        assertThat(summary).contains("1 finding, 1 accepted, 2 subjects tested, 42 requests")
                .contains("API1:2023 Broken Object Level Authorization: 1")
                .contains("[HIGH] API1:2023 bola.path GET /shop/orders/{id}: user2 read user1's order")
                .contains("[accepted] [MEDIUM] API8:2023 errors.stack-trace")
                .contains("[not run] rate-limit: stopped");
    }

    @Test
    void aLoneSurrogateFromAHostileAnswerStillGivesEveryReport(@TempDir Path dir) throws Exception {
        Finding odd = new Finding("exposure", "exposure.sensitive-field", OwaspCategory.API3, Severity.MEDIUM,
                "GET /x", null, "field \ud800 leaked", "GET /x -> 200 {\"\ud800\":1}");
        ScanReport r = new ScanReport("https://h", Instant.parse("2026-12-01T10:00:00Z"), Duration.ZERO, 1,
                List.of(odd), List.of(), List.of(), Map.of());
        Reports.write(r, dir);
        assertThat(Files.readString(dir.resolve(Reports.SUMMARY))).contains("field ? leaked");
        assertThat(Json.parse(Files.readString(dir.resolve(Reports.SARIF)))).isNotNull();
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve(Reports.JUNIT).toFile());
    }
}
