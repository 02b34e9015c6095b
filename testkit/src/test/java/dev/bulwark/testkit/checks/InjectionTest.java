package dev.bulwark.testkit.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.testkit.FakeApi;
import dev.bulwark.testkit.FakeApi.Answer;
import dev.bulwark.testkit.OwaspCategory;
import dev.bulwark.testkit.Severity;
import dev.bulwark.testkit.engine.ScanContext;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InjectionTest {

    @TempDir
    static Path keys;

    @Test
    void anApiThatBindsItsInputGivesNoFinding() {
        try (FakeApi api = Shop.correct()) {
            ScanContext ctx = Shop.scan(api, keys, new Injection());
            assertThat(ctx.findings()).isEmpty();
            assertThat(ctx.testedSubjects()).extracting(t -> t.subject())
                    .contains("GET /shop/api/orders/{id}", "GET /shop/api/orders", "POST /shop/api/orders");
            assertThat(api.calls().stream().map(c -> java.net.URLDecoder.decode(c.path(),
                    java.nio.charset.StandardCharsets.UTF_8))).anyMatch(p -> p.matches("/shop/api/orders/\\d+' OR '1'='1"));
            assertThat(api.calls()).anyMatch(c -> "customerId[$ne]=1".equals(c.query()));
            assertThat(api.calls()).anyMatch(c -> c.body().contains("{\"$gt\":\"\"}"));
            assertThat(api.calls()).anyMatch(c -> c.query() != null && c.query().contains("%0d%0aX-Bulwark"));
        }
    }

    @Test
    void sqlErrorsAndAnIdLookupThatReturnsEverythingAreReported() {
        FakeApi api = new FakeApi().on("GET", "/shop/api/orders/(.*%27.*)", (m, c) -> m.group(1).contains("OR")
                ? Answer.json(200, "[" + Shop.order("101", "a") + "," + Shop.order("202", "b") + "]")
                : new Answer(500, Map.of("Content-Type", "text/plain"), "org.h2.jdbc.JdbcSQLSyntaxErrorException"));
        try (FakeApi shop = Shop.routes(api)) {
            ScanContext ctx = Shop.scan(shop, keys, new Injection());
            assertThat(ctx.findings()).extracting(f -> f.rule()).containsOnly("injection.sql");
            assertThat(ctx.findings()).allSatisfy(f -> {
                assertThat(f.category()).isEqualTo(OwaspCategory.API8);
                assertThat(f.severity()).isEqualTo(Severity.HIGH);
                assertThat(f.subject()).isEqualTo("GET /shop/api/orders/{id}");
            });
            assertThat(ctx.findings()).anySatisfy(f -> assertThat(f.message()).contains("more objects (2)"));
            assertThat(ctx.findings()).anySatisfy(f -> assertThat(f.message()).contains("database error"));
        }
    }

    @Test
    void pathTraversalAndServerErrorsAreReported() {
        FakeApi api = new FakeApi().on("GET", "/shop/api/orders", (m, c) -> c.query() != null
                && c.query().contains("etc") ? new Answer(200, Map.of("Content-Type", "text/plain"),
                "root:x:0:0:root:/root:/bin/bash") : c.query() != null && c.query().contains("%24ne")
                || c.query() != null && c.query().contains("$ne") ? Answer.status(500)
                : Answer.json(200, "[" + Shop.order(Shop.orderOf(c.subject()), c.subject()) + "]"));
        try (FakeApi shop = Shop.routes(api)) {
            ScanContext ctx = Shop.scan(shop, keys, new Injection());
            assertThat(Shop.rules(ctx)).containsOnly("injection.path-traversal", "injection.server-error");
            assertThat(ctx.findings()).allSatisfy(f -> assertThat(f.subject()).isEqualTo("GET /shop/api/orders"));
        }
    }

    @Test
    void aQueryValueCopiedIntoAHeaderIsReported() throws Exception {
        // The JDK server refuses CR/LF in header values, so this API is a raw socket that copies the query into one.
        try (java.net.ServerSocket server = new java.net.ServerSocket(0, 50,
                java.net.InetAddress.getLoopbackAddress()); FakeApi unused = new FakeApi()) {
            Thread serving = new Thread(() -> serve(server));
            serving.setDaemon(true);
            serving.start();
            String openApi = """
                    {"openapi":"3.0.3","paths":{"/search":{"get":{"x-bulwark-access":"public","parameters":[
                     {"name":"q","in":"query","schema":{"type":"string"}}],"responses":{"200":{"description":"ok"}}}}}}
                    """;
            ScanContext ctx = unused.context(dev.bulwark.testkit.ScanSettings.builder("http://127.0.0.1:"
                    + server.getLocalPort()).requestsPerSecond(1000).build(),
                    dev.bulwark.testkit.engine.ApiModel.fromOpenApi(openApi, ""));
            new Injection().run(ctx);
            assertThat(ctx.findings()).filteredOn(f -> f.rule().equals("injection.header")).singleElement()
                    .satisfies(f -> {
                        assertThat(f.subject()).isEqualTo("GET /search");
                        assertThat(f.evidence()).contains("X-Bulwark-Injected");
                    });
        }
    }

    private static void serve(java.net.ServerSocket server) {
        while (!server.isClosed()) {
            try (java.net.Socket s = server.accept()) {
                var in = new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream(),
                        java.nio.charset.StandardCharsets.ISO_8859_1));
                String line = in.readLine();
                for (String h = in.readLine(); h != null && !h.isEmpty(); h = in.readLine()) {
                    // the request's headers
                }
                String q = line == null || !line.contains("?q=") ? "" : line.substring(line.indexOf("?q=") + 3,
                        line.lastIndexOf(' '));
                String value = java.net.URLDecoder.decode(q, java.nio.charset.StandardCharsets.ISO_8859_1);
                s.getOutputStream().write(("HTTP/1.1 200 OK\r\nX-Query: " + value + "\r\nContent-Type: "
                        + "application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n[]")
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            } catch (java.io.IOException | IllegalArgumentException e) {
                // the next connection
            }
        }
    }
}
