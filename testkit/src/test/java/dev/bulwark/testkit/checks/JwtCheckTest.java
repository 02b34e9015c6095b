package dev.bulwark.testkit.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.testkit.FakeApi;
import dev.bulwark.testkit.Finding;
import dev.bulwark.testkit.OwaspCategory;
import dev.bulwark.testkit.Severity;
import dev.bulwark.testkit.engine.ApiModel;
import dev.bulwark.testkit.engine.Json;
import dev.bulwark.testkit.engine.ScanContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtCheckTest {

    static final ApiModel MODEL = ApiModel.fromInventory("""
            {"endpoints":[{"method":"GET","path":"/api/orders","access":"roles(customer)","handler":"a.O#list"},
             {"method":"GET","path":"/api/status","access":"public"}]}""");

    @TempDir
    Path keys;

    /** Accepts exactly the tokens the kit minted, with the Bearer scheme in any case: a correct verifier. */
    @Test
    void aCorrectVerifierRefusesTheWholeCatalogue() {
        try (FakeApi api = new FakeApi()) {
            ScanContext ctx = api.context(api.settings(keys).build(), MODEL);
            Set<String> valid = Set.of(ctx.identities().user1().token(), ctx.identities().user2().token());
            api.on("GET", "/api/orders", (m, c) -> {
                String auth = c.header("Authorization");
                boolean ok = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)
                        && valid.contains(auth.substring(7)) && c.query() == null;
                return ok ? FakeApi.Answer.json(200, "[]") : FakeApi.Answer.json(401, "{\"title\":\"Unauthorized\"}");
            });
            new JwtCheck().run(ctx);
            assertThat(ctx.findings()).isEmpty();
            assertThat(ctx.notRun()).isEmpty();
            assertThat(ctx.testedSubjects()).extracting(ScanContext.Tested::subject).containsExactly("GET /api/orders");
            List<String> auths = api.calls().stream().map(c -> String.valueOf(c.header("Authorization"))).toList();
            assertThat(auths).anyMatch(a -> a.startsWith("Token ")).noneMatch(a -> a.startsWith("bearer "));
            assertThat(api.calls()).hasSizeGreaterThan(35);
        }
    }

    /** Reads the payload without verifying anything, and fails on what it cannot parse: the classic bugs. */
    @Test
    void aVerifierThatOnlyDecodesIsCaught() {
        try (FakeApi api = new FakeApi()) {
            ScanContext ctx = api.context(api.settings(keys).build(), MODEL);
            api.on("GET", "/api/orders", (m, c) -> {
                String auth = c.header("Authorization");
                if (auth == null || !auth.startsWith("Bearer ")) {
                    return FakeApi.Answer.json(401, "{}");
                }
                String[] p = auth.substring(7).split("\\.");
                try {
                    Json.parse(new String(Base64.getUrlDecoder().decode(p[1]), StandardCharsets.UTF_8));
                    return FakeApi.Answer.json(200, "[]");
                } catch (RuntimeException e) {
                    return FakeApi.Answer.json(500, "{\"error\":\"" + e.getClass().getSimpleName() + "\"}");
                }
            });
            new JwtCheck().run(ctx);
            List<String> rules = ctx.findings().stream().map(Finding::rule).toList();
            assertThat(rules).contains("jwt.alg-none", "jwt.signature-stripped", "jwt.payload-tampered",
                    "jwt.weak-hmac", "jwt.embedded-jwk", "jwt.key-url", "jwt.expired", "jwt.wrong-issuer",
                    "jwt.key-confusion", "jwt.typ-confusion", "jwt.server-error")
                    .doesNotContain("jwt.token-in-query", "jwt.scheme");
            Finding none = ctx.findings().stream().filter(f -> f.rule().equals("jwt.alg-none")).findFirst()
                    .orElseThrow();
            assertThat(none.category()).isEqualTo(OwaspCategory.API2);
            assertThat(none.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(none.subject()).isEqualTo("GET /api/orders");
            assertThat(none.handler()).isEqualTo("a.O#list");
            assertThat(none.evidence()).contains("-> 200").contains("alg none");
        }
    }

    @Test
    void tokensOutsideTheAuthorizationHeaderAreFindings() {
        try (FakeApi api = new FakeApi()) {
            ScanContext ctx = api.context(api.settings(keys).build(), MODEL);
            String user1 = ctx.identities().user1().token();
            api.on("GET", "/api/orders", (m, c) -> {
                String cookie = String.valueOf(c.header("Cookie"));
                boolean ok = ("Bearer " + user1).equals(c.header("Authorization"))
                        || String.valueOf(c.query()).contains(user1) || cookie.contains(user1);
                return ok ? FakeApi.Answer.json(200, "[]") : FakeApi.Answer.status(401);
            });
            new JwtCheck().run(ctx);
            assertThat(ctx.findings()).extracting(Finding::rule)
                    .containsExactlyInAnyOrder("jwt.token-in-query", "jwt.token-in-cookie");
        }
    }

    @Test
    void aTokenRefusedFromTheStartMeansTheCheckCouldNotRun() {
        try (FakeApi api = new FakeApi()) {
            ScanContext ctx = api.context(api.settings(keys).build(), MODEL);
            api.on("GET", "/api/orders", (m, c) -> FakeApi.Answer.status(401));
            new JwtCheck().run(ctx);
            assertThat(ctx.findings()).isEmpty();
            assertThat(ctx.notRun().get("jwt")).contains("not accepted");
        }
    }

    @Test
    void givenTokensWithoutAKeyStillGetTheUnkeyedCatalogue() {
        try (FakeApi api = new FakeApi()) {
            ScanContext minted = api.context(api.settings(keys).build(), MODEL);
            var settings = dev.bulwark.testkit.ScanSettings.builder(api.baseUrl()).requestsPerSecond(1000)
                    .user1Token(minted.identities().user1().token())
                    .user2Token(minted.identities().user2().token()).build();
            ScanContext ctx = api.context(settings, MODEL);
            String user1 = ctx.identities().user1().token();
            api.on("GET", "/api/orders", (m, c) -> ("Bearer " + user1).equals(c.header("Authorization"))
                    ? FakeApi.Answer.json(200, "[]") : FakeApi.Answer.status(401));
            new JwtCheck().run(ctx);
            assertThat(ctx.findings()).isEmpty();
            assertThat(ctx.identities().canMint()).isFalse();
            assertThat(api.calls()).hasSizeBetween(25, 35);
        }
    }
}
