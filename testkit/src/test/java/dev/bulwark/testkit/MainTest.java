package dev.bulwark.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void usageErrorsExitTwoWithAMessage() {
        assertThat(run()).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage:");
        assertThat(run("scan")).isEqualTo(2);
        assertThat(err()).contains("--base-url is required");
        assertThat(run("scan", "--base-url", "https://h:1", "--bogus", "x")).isEqualTo(2);
        assertThat(err()).contains("unknown option(s): --bogus x");
        assertThat(run("scan", "--base-url", "https://h:1", "--checks", "bola,telepathy")).isEqualTo(2);
        assertThat(err()).contains("unknown check telepathy");
        assertThat(run("scan", "--base-url", "https://h:1", "--skip", "discovery")).isEqualTo(2);
        assertThat(err()).contains("discovery cannot be skipped");
        assertThat(run("scan", "--base-url", "https://h:1", "--user1-token", "a")).isEqualTo(2);
        assertThat(err()).contains("two ordinary users' tokens are needed");
        assertThat(run("scan", "--base-url", "https://h:1", "--rate", "0")).isEqualTo(2);
        assertThat(err()).contains("requests per second");
        assertThat(run("fly")).isEqualTo(2);
    }

    @Test
    void badValuesNameTheOptionAndWhatItTakes(@TempDir Path dir) {
        assertThat(run("scan", "--base-url", "https://h:1", "--fail-on", "severe")).isEqualTo(2);
        assertThat(err()).contains("--fail-on must be low, medium, high, critical or never, not severe")
                .doesNotContain("enum constant");
        assertThat(run("scan", "--base-url", "https://h:1", "--rate", "abc")).isEqualTo(2);
        assertThat(err()).contains("--rate needs a number, not abc");
        assertThat(run("scan", "--base-url", "https://h:1", "--max-requests", "1e3")).isEqualTo(2);
        assertThat(err()).contains("--max-requests needs a number, not 1e3");
        assertThat(run("scan", "--base-url", "https://h:1", "--accepted", dir.resolve("none.txt").toString()))
                .isEqualTo(2);
        assertThat(err()).contains("no such file: " + dir.resolve("none.txt"));
    }

    @Test
    void aScanWhoseRequestsAllGoUnansweredExitsTwo(@TempDir Path dir) throws Exception {
        Path inventory = dir.resolve("inventory.json");
        Files.writeString(inventory, """
                {"endpoints":[{"method":"GET","path":"/status","consumes":[],"access":"public",
                 "handler":"x.Status#get"}]}""");
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        int status = run("scan", "--base-url", "http://127.0.0.1:" + port, "--inventory", inventory.toString(),
                "--checks", "headers", "--rate", "1000", "--out", dir.resolve("out").toString());
        assertThat(status).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("connection: error: none of the").contains("got an answer");
    }

    @Test
    void acceptedFileNeedsAReasonOnEveryLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("accepted.txt");
        Files.writeString(file, "# comment\nheaders.server-version | GET / | the load balancer rewrites it\n"
                + "bola.path | GET /x\n");
        assertThat(run("scan", "--base-url", "https://h:1", "--accepted", file.toString())).isEqualTo(2);
        assertThat(err()).contains("line 3: expected RULE | SUBJECT-PREFIX | REASON");
    }

    @Test
    void anInventoryOfTheWrongShapeExitsTwoInsteadOfCrashing(@TempDir Path dir) throws Exception {
        try (FakeApi api = new FakeApi()) {
            Path inventory = Files.writeString(dir.resolve("inventory.json"), "{\"endpoints\": [{\"method\": 5}]}");
            assertThat(run("scan", "--base-url", api.baseUrl(), "--inventory", inventory.toString(),
                    "--out", dir.resolve("out").toString())).isEqualTo(2);
            assertThat(err()).contains("is not Bulwark's inventory");
        }
    }

    @Test
    void unreadableInventoryExitsTwo(@TempDir Path dir) {
        try (FakeApi api = new FakeApi()) {
            assertThat(run("scan", "--base-url", api.baseUrl(), "--inventory", "/nowhere",
                    "--out", dir.toString())).isEqualTo(2);
            assertThat(err()).contains("cannot read the inventory at " + api.baseUrl() + "/nowhere as anonymous: "
                    + "status 404");
        }
    }

    @Test
    void aScanWritesItsReportsAndExitsByTheFindings(@TempDir Path dir) throws Exception {
        try (FakeApi api = new FakeApi()) {
            api.on("GET", "/inventory", (m, c) -> FakeApi.Answer.json(200, """
                    {"endpoints":[{"method":"GET","path":"/status","consumes":[],"access":"public",
                     "handler":"x.Status#get"}]}"""));
            api.on("GET", "/status", (m, c) -> FakeApi.Answer.json(200, "{\"up\":true}"));
            Path out = dir.resolve("out");
            int status = run("scan", "--base-url", api.baseUrl(), "--inventory", "/inventory", "--checks",
                    "discovery", "--rate", "1000", "--out", out.toString());
            assertThat(err()).isEmpty();
            assertThat(status).isZero();
            assertThat(Files.readString(out.resolve("bulwark-scan.txt"))).contains("0 findings");
            assertThat(Files.readString(out.resolve("bulwark-scan.sarif"))).contains("\"results\":[]");
            assertThat(Files.readString(out.resolve("TEST-bulwark-scan.xml"))).contains("<testsuites");
        }
    }
}
