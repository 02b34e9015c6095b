package dev.bulwark.it;

import static dev.bulwark.it.ItSupport.assertProblem;
import static dev.bulwark.it.ItSupport.sendTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The central baseline on a real server: node 2 runs with {@code -Dbulwark.baseline} (src/test/liberty-node2/
 * baseline.properties, as operations would mount one for every service). An application that loosens it fails its
 * deployment naming every loosened key and the baseline; one that tightens it deploys, and both the baseline's
 * settings and its own stricter ones are in force; the baseline's route policy holds node 2's own applications.
 */
class BaselineIT {

    private static final String NODE2 = System.getProperty("it.node2.url", "https://localhost:9544");
    private static final Path LOG2 = Path.of(System.getProperty("it.log2", "messages2.log"));

    private static String log() {
        try {
            return Files.exists(LOG2) ? Files.readString(LOG2, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long count(String fragment) {
        return log().lines().filter(l -> l.contains(fragment)).count();
    }

    @Test
    void aServiceThatLoosensTheBaselineFailsItsDeploymentNamingEachKey() throws Exception {
        long refused = count("Bulwark refuses to deploy this application");
        Path dropIn = ItSupport.dropIn(LOG2, "itLoose", "/it-loose",
                "bulwark.transport.https-only", "false", "bulwark.ratelimit.anonymous", "off",
                "bulwark.headers.strict-transport-security", "max-age=31536000", "bulwark.routes.ops.access", "public");
        try {
            ItSupport.awaitMoreLines(BaselineIT::log, "Bulwark refuses to deploy this application", refused);
            String line = log().lines().filter(l -> l.contains("Bulwark refuses to deploy this application"))
                    .reduce((a, b) -> b).orElseThrow();
            assertThat(line).contains("'bulwark.transport.https-only': loosens the central baseline",
                    "'bulwark.ratelimit.anonymous': loosens the central baseline",
                    "'bulwark.headers.strict-transport-security': loosens the central baseline",
                    "'bulwark.routes.ops.access': loosens the central baseline", "baseline.properties");
            HttpResponse<String> r = sendTo(NODE2, "GET", "/it-loose/api/errors/ok", null);
            assertThat(r.statusCode()).as("the loosening application serves nothing").isEqualTo(404);
        } finally {
            Files.deleteIfExists(dropIn);
        }
    }

    @Test
    void aServiceThatTightensTheBaselineDeploysWithBothInForce() throws Exception {
        long started = count("CWWKZ0001I: Application itTight started");
        Path dropIn = ItSupport.dropIn(LOG2, "itTight", "/it-tight", "bulwark.ratelimit.anonymous", "2/1m",
                "bulwark.headers.strict-transport-security", "max-age=63072000; includeSubDomains; preload");
        try {
            ItSupport.awaitMoreLines(BaselineIT::log, "CWWKZ0001I: Application itTight started", started);
            HttpResponse<String> ok = sendTo(NODE2, "GET", "/it-tight/api/errors/ok", null);
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.headers().firstValue("Strict-Transport-Security"))
                    .hasValue("max-age=63072000; includeSubDomains; preload");
            sendTo(NODE2, "GET", "/it-tight/api/errors/ok", null);
            assertProblem(sendTo(NODE2, "GET", "/it-tight/api/errors/ok", null), 429); // its own 2/1m, not the baseline's 100000/1m
            // the baseline's route policy, which the application never names, refuses its ops paths
            assertProblem(sendTo(NODE2, "GET", "/it-tight/api/ops/anything", null), 403);
        } finally {
            Files.deleteIfExists(dropIn);
        }
    }

    @Test
    void theBaselinesRoutePolicyHoldsTheServersOwnApplications() {
        // itRedis never names the route: the baseline's policy (access=deny on /api/ops/*) is in force there
        assertProblem(sendTo(NODE2, "GET", "/it-redis/api/ops/anything", null), 403);
        assertThat(sendTo(NODE2, "GET", "/it-redis/api/errors/ok", null).statusCode()).isEqualTo(200);
    }
}
