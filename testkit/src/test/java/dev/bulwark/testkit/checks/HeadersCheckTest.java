package dev.bulwark.testkit.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.testkit.FakeApi;
import dev.bulwark.testkit.Finding;
import dev.bulwark.testkit.OwaspCategory;
import dev.bulwark.testkit.engine.ApiModel;
import dev.bulwark.testkit.engine.ScanContext;
import java.nio.file.Path;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeadersCheckTest {

    static final ApiModel MODEL = ApiModel.fromInventory("""
            {"endpoints":[{"method":"GET","path":"/api/orders","access":"roles(customer)"},
             {"method":"POST","path":"/api/orders","consumes":["application/json"],"access":"roles(customer)"},
             {"method":"GET","path":"/api/status","access":"public"}]}""");

    @TempDir
    Path keys;

    /** A small API answering 200, 401, 404, 405, 406, 415 like a JAX-RS one would. */
    private static FakeApi api(Function<FakeApi.Answer, FakeApi.Answer> headers) {
        return new FakeApi().otherwise(c -> {
            boolean orders = c.path().equals("/api/orders");
            FakeApi.Answer a;
            if (c.path().equals("/api/status")) {
                a = FakeApi.Answer.json(200, "{\"up\":true}");
            } else if (!orders) {
                a = FakeApi.Answer.json(404, "{\"title\":\"Not Found\"}");
            } else if (c.subject() == null) {
                a = FakeApi.Answer.json(401, "{\"title\":\"Unauthorized\"}");
            } else if (c.method().equals("POST")) {
                a = FakeApi.Answer.json("application/json".equals(c.header("Content-Type")) ? 201 : 415, "{}");
            } else if (!c.method().equals("GET")) {
                a = FakeApi.Answer.json(405, "{\"title\":\"Method Not Allowed\"}");
            } else if ("image/png".equals(c.header("Accept"))) {
                a = FakeApi.Answer.json(406, "{\"title\":\"Not Acceptable\"}");
            } else {
                a = FakeApi.Answer.json(200, "[]");
            }
            return headers.apply(a);
        });
    }

    private static FakeApi.Answer secure(FakeApi.Answer a) {
        return a.with("X-Content-Type-Options", "nosniff").with("Cache-Control", "no-store")
                .with("Content-Security-Policy", "frame-ancestors 'none'").with("Server", "Open Liberty");
    }

    @Test
    void secureHeadersOnEveryStatusGiveNoFinding() {
        try (FakeApi api = api(HeadersCheckTest::secure)) {
            ScanContext ctx = api.context(api.settings(keys).build(), MODEL);
            new HeadersCheck().run(ctx);
            assertThat(ctx.findings()).isEmpty();
            assertThat(ctx.testedSubjects()).extracting(ScanContext.Tested::subject)
                    .containsExactlyInAnyOrder("2xx answers", "4xx answers");
            assertThat(ctx.probe().exchanges()).extracting(x -> x.status())
                    .contains(200, 401, 404, 405, 406, 415);
        }
    }

    @Test
    void missingHeadersAreAggregatedPerStatusClassAndVersionsPerValue() {
        try (FakeApi api = api(a -> a.status() >= 400 ? a.with("Server", "Jetty(9.4.51)")
                : secure(a).with("X-Powered-By", "Servlet/6.0"))) {
            ScanContext ctx = api.context(api.settings(keys).build(), MODEL);
            new HeadersCheck().run(ctx);
            assertThat(ctx.findings()).extracting(Finding::rule, Finding::subject).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple("headers.nosniff", "4xx answers"),
                    org.assertj.core.groups.Tuple.tuple("headers.framing", "4xx answers"),
                    org.assertj.core.groups.Tuple.tuple("headers.version-disclosure", "Server: Jetty(9.4.51)"),
                    org.assertj.core.groups.Tuple.tuple("headers.version-disclosure", "X-Powered-By: Servlet/6.0"));
            assertThat(ctx.findings()).allMatch(f -> f.category() == OwaspCategory.API8);
            assertThat(ctx.findings()).filteredOn(f -> f.rule().equals("headers.nosniff")).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("on 5 answer(s)"));
        }
    }

    @Test
    void authenticatedAnswersWithoutNoStoreAreAFinding() {
        try (FakeApi api = api(a -> a.with("X-Content-Type-Options", "nosniff").with("X-Frame-Options", "DENY"))) {
            ScanContext ctx = api.context(api.settings(keys).build(), MODEL);
            new HeadersCheck().run(ctx);
            assertThat(ctx.findings()).extracting(Finding::rule, Finding::subject).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("headers.cache-control", "2xx answers"));
        }
    }
}
