package dev.bulwark.internal.posture;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostureCliTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    private static final String CONFIG = "mp.jwt.verify.publickey.location=/k.pem\n"
            + "mp.jwt.verify.issuer=https://issuer.example\nmp.jwt.verify.audiences=api\n";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** A WAR holding PostureReportTest's application and resource classes and the given packaged config. */
    private Path war(String config) throws IOException {
        Path war = dir.resolve("shop.war");
        Path classes = Path.of(PostureReportTest.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(war))) {
            try (var files = Files.list(classes.resolve("dev/bulwark/internal/posture"))) {
                for (Path f : files.filter(f -> f.getFileName().toString().startsWith("PostureReportTest$"))
                        .toList()) {
                    zip.putNextEntry(new ZipEntry("WEB-INF/classes/dev/bulwark/internal/posture/" + f.getFileName()));
                    Files.copy(f, zip);
                }
            }
            zip.putNextEntry(new ZipEntry("WEB-INF/classes/META-INF/microprofile-config.properties"));
            zip.write(config.getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("index.html"));
            zip.write("<p>hi</p>".getBytes(StandardCharsets.UTF_8));
        }
        return war;
    }

    private int run(String... args) {
        return PostureCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), CLOCK);
    }

    @Test
    void writesTheReportOfTheWarAndPassesWithinItsThresholds() throws IOException {
        Path war = war(CONFIG);
        Path json = dir.resolve("posture.json");
        Path html = dir.resolve("reports/new/posture.html");
        assertThat(run(war.toString(), "--json", json.toString(), "--html", html.toString(), "--context-root",
                "/shop", "--fail-on", "API7")).isZero();
        JsonObject report = Json.createReader(new StringReader(Files.readString(json))).readObject();
        assertThat(report.getString("application")).isEqualTo("shop.war");
        assertThat(report.getString("generated")).isEqualTo("2026-12-01T10:00:00Z");
        assertThat(report.getJsonArray("endpoints").getValuesAs(JsonObject.class))
                .extracting(e -> e.getString("path")).contains("/shop/api/v1/items/{id}", "/shop/api/v1/items");
        assertThat(Files.readString(html)).contains("/shop/api/v1/items/{id}").contains("Findings (");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Bulwark posture of shop.war: 4 endpoints")
                .contains("API7   -     Server Side Request Forgery (not judged by Bulwark)");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aBrokenThresholdExitsOneNamingIt() throws IOException {
        Path war = war(CONFIG);
        assertThat(run(war.toString(), "--fail-on", "API1,api5", "--fail-above", "0")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("FAILED: ").contains("(--fail-above 0)")
                .contains("API1:2023 Broken Object Level Authorization (--fail-on API1), first: GET /api/v1/items/{id}")
                .contains("(--fail-on API5)");
    }

    @Test
    void settingsOnTheCommandLineWinOverThePackagedOnes() throws IOException {
        Path war = war(CONFIG);
        assertThat(run(war.toString(), "--fail-on", "API8")).isZero();
        assertThat(run(war.toString(), "--fail-on", "API8", "--property", "bulwark.transport.https-only=false"))
                .isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("bulwark.transport.https-only");
    }

    @Test
    void aWarThatWouldNotDeployExitsTwoNamingTheKey() throws IOException {
        Path war = war(CONFIG + "bulwark.cors.allowed-origin=https://x.example\n");
        assertThat(run(war.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("would not deploy")
                .contains("bulwark.cors.allowed-origin");
    }

    @Test
    void aFileThatIsNoWarExitsTwo() throws IOException {
        Path notAZip = Files.writeString(dir.resolve("broken.war"), "not a zip");
        assertThat(run(notAZip.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("posture: cannot read or write");
    }

    @Test
    void wrongOptionsExitTwoWithTheUsage() throws IOException {
        Path war = war(CONFIG);
        assertThat(run(war.toString(), "--fail-on", "API11")).isEqualTo(2);
        assertThat(run(war.toString(), "--fail-above", "-3")).isEqualTo(2);
        assertThat(run(dir.resolve("missing.war").toString())).isEqualTo(2);
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("API1..API10").contains("from 0")
                .contains("no such file").contains("no WAR given").contains("usage: PostureCli");
    }
}
