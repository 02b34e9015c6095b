package dev.bulwark.testkit.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.testkit.FakeApi;
import dev.bulwark.testkit.FakeApi.Answer;
import dev.bulwark.testkit.OwaspCategory;
import dev.bulwark.testkit.engine.ScanContext;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErrorsTest {

    @TempDir
    static Path keys;

    private static final String PROBLEM = "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
            + "\"correlationId\":\"c-1\"}";

    /** The correct shop, with generic problems for bad input as Bulwark answers them. */
    private static FakeApi generic() {
        FakeApi api = new FakeApi().on("GET", "/shop/api/orders/([^/]*[^0-9/][^/]*|[0-9]{19,})",
                (m, c) -> new Answer(400, Map.of("Content-Type", "application/problem+json"), PROBLEM));
        return Shop.routes(api).otherwise(c -> new Answer(404, Map.of("Content-Type", "application/problem+json"),
                PROBLEM.replace("Bad Request", "Not Found").replace("400", "404")));
    }

    @Test
    void genericProblemsGiveNoFindingAndEveryProvocationIsSent() {
        try (FakeApi api = generic()) {
            ScanContext ctx = Shop.scan(api, keys, new Errors());
            assertThat(ctx.findings()).isEmpty();
            assertThat(api.calls()).anyMatch(c -> c.body().startsWith("{\"bulwarkkit"));
            assertThat(api.calls()).anyMatch(c -> "text/plain".equals(c.header("Content-Type")));
            assertThat(api.calls()).anyMatch(c -> c.body().length() > Errors.LARGE_BODY);
            assertThat(api.calls()).anyMatch(c -> "image/png".equals(c.header("Accept")));
            assertThat(api.calls()).anyMatch(c -> c.path().matches("/shop/api/orders/9{10000}"));
            assertThat(api.calls()).anyMatch(c -> c.method().equals("PATCH"));
            assertThat(ctx.testedSubjects()).extracting(t -> t.subject()).contains("GET /shop/api/orders/{id}");
        }
    }

    @Test
    void aStackTraceInA500IsReportedAsApi8() {
        String trace = "java.lang.NumberFormatException: For input string: \"x\"\n"
                + "\tat java.base/java.lang.Long.parseLong(Long.java:711)\n\tat com.shop.Orders.get(Orders.java:42)";
        FakeApi api = new FakeApi().on("GET", "/shop/api/orders/([^/]*[^0-9/][^/]*)",
                (m, c) -> new Answer(500, Map.of("Content-Type", "text/plain"), trace));
        try (FakeApi shop = Shop.routes(api)) {
            ScanContext ctx = Shop.scan(shop, keys, new Errors());
            assertThat(ctx.findings()).anySatisfy(f -> {
                assertThat(f.rule()).isEqualTo("errors.stack-trace");
                assertThat(f.category()).isEqualTo(OwaspCategory.API8);
                assertThat(f.subject()).isEqualTo("GET /shop/api/orders/{id}");
                assertThat(f.message()).contains("NumberFormatException");
            });
            assertThat(Shop.rules(ctx)).contains("errors.unhandled-5xx");
        }
    }

    @Test
    void productNamesAndReflectedInputInHtmlAreReported() {
        FakeApi api = new FakeApi().otherwise(c -> new Answer(404, Map.of("Content-Type", "text/html"),
                "<html><h1>Not found: " + java.net.URLDecoder.decode(c.path(), java.nio.charset.StandardCharsets.UTF_8)
                        + "</h1><hr>Apache Tomcat/10.1</html>"));
        try (FakeApi shop = Shop.routes(api)) {
            ScanContext ctx = Shop.scan(shop, keys, new Errors());
            assertThat(ctx.findings()).anySatisfy(f -> {
                assertThat(f.rule()).isEqualTo("errors.reflected-html");
                assertThat(f.severity()).isEqualTo(dev.bulwark.testkit.Severity.HIGH);
            });
            assertThat(Shop.rules(ctx)).contains("errors.product-disclosure");
        }
    }

    @Test
    void aJsonProblemNamingTheClientsFieldIsFineAnEscapedHtmlPageQuotingThePathIsLow() {
        // Bulwark names an unknown member in its validation problem; a container's own page quotes the path escaped.
        FakeApi api = new FakeApi().on("POST", "/shop/api/orders", (m, c) -> new Answer(400,
                Map.of("Content-Type", "application/problem+json"), "{\"status\":400,\"errors\":[{\"field\":"
                        + dev.bulwark.testkit.engine.Json.quote(c.body().replaceAll("[{}\":]", "")) + "}]}"))
                .otherwise(c -> new Answer(400, Map.of("Content-Type", "text/html"), "<H1>CWWWC0005I: The request "
                        + "URI has invalid or improperly encoded characters: [" + c.path().replace("%", "&#37;")
                        .replace("<", "&lt;") + "]</H1>"));
        try (FakeApi shop = Shop.routes(api)) {
            ScanContext ctx = Shop.scan(shop, keys, new Errors());
            assertThat(ctx.findings()).filteredOn(f -> f.rule().equals("errors.reflected-input"))
                    .isNotEmpty()
                    .allSatisfy(f -> {
                        assertThat(f.severity()).isEqualTo(dev.bulwark.testkit.Severity.LOW);
                        assertThat(f.evidence()).contains("CWWWC0005I");
                    });
        }
    }
}
