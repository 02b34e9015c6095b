package dev.bulwark.testkit.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.testkit.BulwarkScanExtension;
import dev.bulwark.testkit.FakeApi;
import dev.bulwark.testkit.FakeApi.Answer;
import dev.bulwark.testkit.OwaspCategory;
import dev.bulwark.testkit.ScanReport;
import dev.bulwark.testkit.ScanSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** The whole scan through the JUnit extension, against the shop with and without a missing owner check. */
class ScanExtensionTest {

    @TempDir
    static Path keys;

    private static ScanSettings settings(FakeApi api, Path out) throws Exception {
        Path document = Files.writeString(out.resolve("openapi.json"), Shop.OPENAPI);
        return api.settings(keys).openApi(document.toString()).checks(List.of("discovery", "bola", "transport"))
                .outputDirectory(out).build();
    }

    private static List<DynamicTest> flat(List<DynamicNode> nodes, List<String> names) {
        List<DynamicTest> out = new ArrayList<>();
        for (DynamicNode n : nodes) {
            if (n instanceof DynamicContainer c) {
                List<DynamicNode> children = c.getChildren().map(x -> (DynamicNode) x).toList();
                children.forEach(x -> names.add(c.getDisplayName() + " > " + x.getDisplayName()));
                out.addAll(flat(children, new ArrayList<>()));
            } else if (n instanceof DynamicTest t) {
                out.add(t);
            }
        }
        return out;
    }

    @Test
    void aCorrectShopPassesEveryTestAndAnHttpBaseSkipsTheTransportCheck(@TempDir Path out) throws Throwable {
        try (FakeApi api = Shop.correct()) {
            BulwarkScanExtension scan = BulwarkScanExtension.of(() -> {
                try {
                    return settings(api, out);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            List<String> names = new ArrayList<>();
            List<DynamicTest> tests = flat(scan.tests().toList(), names);
            assertThat(names).contains("bola > GET /shop/api/orders/{id}", "transport > transport ran");
            for (DynamicTest t : tests) {
                if (t.getDisplayName().equals("transport ran")) {
                    assertThatThrownBy(t.getExecutable()::execute).isInstanceOf(TestAbortedException.class);
                } else {
                    t.getExecutable().execute();
                }
            }
            ScanReport report = scan.report();
            assertThat(report.findings()).isEmpty();
            assertThat(Files.readString(out.resolve("bulwark-scan.txt"))).contains("0 findings");
        }
    }

    @Test
    void aMissingOwnerCheckFailsItsEndpointsTestWithTheFinding(@TempDir Path out) throws Throwable {
        FakeApi bug = new FakeApi().on("GET", "/shop/api/orders/([^/]+)",
                (m, c) -> Answer.json(200, Shop.order(m.group(1), Shop.owner(m.group(1)))));
        try (FakeApi api = Shop.routes(bug)) {
            BulwarkScanExtension scan = BulwarkScanExtension.of(() -> {
                try {
                    return settings(api, out);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            DynamicTest bola = flat(scan.tests().toList(), new ArrayList<>()).stream()
                    .filter(t -> t.getDisplayName().equals("GET /shop/api/orders/{id}")).findFirst().orElseThrow();
            assertThatThrownBy(bola.getExecutable()::execute).isInstanceOf(AssertionFailedError.class)
                    .hasMessageContaining("API1:2023 bola.path GET /shop/api/orders/{id}")
                    .hasMessageContaining("evidence: GET " + api.baseUrl() + "/shop/api/orders/101 as user2 -> 200");
            assertThat(scan.report().findings()).singleElement()
                    .satisfies(f -> assertThat(f.category()).isEqualTo(OwaspCategory.API1));
            assertThat(Files.readString(out.resolve("bulwark-scan.sarif"))).contains("\"ruleId\":\"bola.path\"");
        }
    }
}
