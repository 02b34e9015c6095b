package dev.bulwark.testkit.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.testkit.FakeApi;
import dev.bulwark.testkit.Finding;
import dev.bulwark.testkit.OwaspCategory;
import dev.bulwark.testkit.Severity;
import dev.bulwark.testkit.engine.ScanContext;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorsCheckTest {

    @TempDir
    Path keys;

    /** Allows its own front end only (exact match), as a correct allow-list does. */
    @Test
    void anAllowListGivesNoFinding() {
        try (FakeApi api = new FakeApi().otherwise(c -> {
            FakeApi.Answer a = FakeApi.Answer.json(c.method().equals("OPTIONS") ? 204 : 200, "[]");
            return "https://app.example".equals(c.header("Origin"))
                    ? a.with("Access-Control-Allow-Origin", "https://app.example") : a;
        })) {
            ScanContext ctx = api.context(api.settings(keys).build(), JwtCheckTest.MODEL);
            new CorsCheck().run(ctx);
            assertThat(ctx.findings()).isEmpty();
            assertThat(ctx.testedSubjects()).extracting(ScanContext.Tested::subject)
                    .containsExactly("GET /api/status", "GET /api/orders");
            assertThat(api.calls()).hasSize(16).anyMatch(c -> "null".equals(c.header("Origin")))
                    .anyMatch(c -> "https://127.0.0.1.evil.example".equals(c.header("Origin")));
        }
    }

    @Test
    void aReflectedOriginWithCredentialsIsAFinding() {
        try (FakeApi api = new FakeApi().otherwise(c -> FakeApi.Answer.json(200, "[]")
                .with("Access-Control-Allow-Origin", String.valueOf(c.header("Origin")))
                .with("Access-Control-Allow-Credentials", "true"))) {
            ScanContext ctx = api.context(api.settings(keys).build(), JwtCheckTest.MODEL);
            new CorsCheck().run(ctx);
            assertThat(ctx.findings()).extracting(Finding::rule, Finding::subject).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple("cors.origin-reflected", "GET /api/status"),
                    org.assertj.core.groups.Tuple.tuple("cors.null-origin", "GET /api/status"),
                    org.assertj.core.groups.Tuple.tuple("cors.origin-reflected", "GET /api/orders"),
                    org.assertj.core.groups.Tuple.tuple("cors.null-origin", "GET /api/orders"));
            assertThat(ctx.findings()).allMatch(f -> f.category() == OwaspCategory.API8
                    && f.severity() == Severity.HIGH);
        }
    }

    @Test
    void aWildcardWithoutCredentialsIsFineWithCredentialsItIsNot() {
        try (FakeApi api = new FakeApi().otherwise(c -> FakeApi.Answer.json(200, "[]")
                .with("Access-Control-Allow-Origin", "*"))) {
            ScanContext ctx = api.context(api.settings(keys).build(), JwtCheckTest.MODEL);
            new CorsCheck().run(ctx);
            assertThat(ctx.findings()).isEmpty();
        }
        try (FakeApi api = new FakeApi().otherwise(c -> FakeApi.Answer.json(200, "[]")
                .with("Access-Control-Allow-Origin", "*").with("Access-Control-Allow-Credentials", "true"))) {
            ScanContext ctx = api.context(api.settings(keys).build(), JwtCheckTest.MODEL);
            new CorsCheck().run(ctx);
            assertThat(ctx.findings()).extracting(Finding::rule).containsOnly("cors.wildcard-credentials");
        }
    }
}
