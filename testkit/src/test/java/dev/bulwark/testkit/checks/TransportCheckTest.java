package dev.bulwark.testkit.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.bulwark.testkit.FakeApi;
import dev.bulwark.testkit.Finding;
import dev.bulwark.testkit.OwaspCategory;
import dev.bulwark.testkit.ScanSettings;
import dev.bulwark.testkit.engine.ScanContext;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.HexFormat;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransportCheckTest {

    @TempDir
    Path dir;

    /** A ServerHello for TLS 1.0 choosing TLS_RSA_WITH_AES_128_CBC_SHA (empty session id). */
    static final String SERVER_HELLO_10 = "160301002a" + "020000260301" + "00".repeat(32) + "00" + "002f" + "00";
    static final String ALERT = "15030300020246";

    @Test
    void theParserReadsServerHellosAlertsAndSilence() {
        TlsHello.Answer hello = TlsHello.parse(HexFormat.of().parseHex(SERVER_HELLO_10));
        assertThat(hello.kind()).isEqualTo(TlsHello.Kind.SERVER_HELLO);
        assertThat(hello.agreed(TlsHello.TLS10)).isTrue();
        assertThat(hello.cipher()).isEqualTo(0x002f);
        assertThat(hello.agreed(TlsHello.TLS11)).isFalse();
        assertThat(TlsHello.parse(HexFormat.of().parseHex(ALERT)).kind()).isEqualTo(TlsHello.Kind.ALERT);
        assertThat(TlsHello.parse(new byte[0]).kind()).isEqualTo(TlsHello.Kind.CLOSED);
        assertThat(TlsHello.parse("HTTP/1.1 400 Bad".getBytes(StandardCharsets.US_ASCII)).kind())
                .isEqualTo(TlsHello.Kind.OTHER);
    }

    @Test
    void theClientHelloIsWellFormed() {
        byte[] h = TlsHello.clientHello(TlsHello.TLS11, "api.example");
        assertThat(h[0]).isEqualTo((byte) 0x16);
        assertThat(((h[3] & 0xff) << 8 | (h[4] & 0xff))).isEqualTo(h.length - 5);
        assertThat(h[5]).isEqualTo((byte) 0x01);
        assertThat(((h[6] & 0xff) << 16 | (h[7] & 0xff) << 8 | (h[8] & 0xff))).isEqualTo(h.length - 9);
        assertThat(HexFormat.of().formatHex(h, 9, 11)).isEqualTo("0302");
        assertThat(new String(h, StandardCharsets.US_ASCII)).contains("api.example");
    }

    /** A JDK HTTPS server (keytool certificate) with HSTS: TLS 1.0/1.1 are disabled by the JDK, HTTP gets nothing. */
    @Test
    void aJdkHttpsServerWithHstsIsNotFlagged() throws Exception {
        HttpsServer server = https("max-age=31536000; includeSubDomains");
        try (FakeApi api = new FakeApi()) {
            ScanContext ctx = api.context(settings(server, null), JwtCheckTest.MODEL);
            new TransportCheck().run(ctx);
            assertThat(ctx.findings()).isEmpty();
            assertThat(ctx.testedSubjects()).extracting(ScanContext.Tested::subject)
                    .containsExactlyInAnyOrder("HTTP", "TLS", "HSTS");
            assertThat(ctx.probe().sent()).isGreaterThanOrEqualTo(4);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void plainHttpServingTheApiAndAShortHstsAreFindings() throws Exception {
        HttpsServer server = https("max-age=300");
        try (FakeApi plain = new FakeApi().otherwise(c -> FakeApi.Answer.json(200, "{\"up\":true}"))) {
            ScanContext ctx = plain.context(settings(server, plain.baseUrl()), JwtCheckTest.MODEL);
            new TransportCheck().run(ctx);
            assertThat(ctx.findings()).extracting(Finding::rule)
                    .containsExactlyInAnyOrder("transport.plain-http", "transport.hsts");
            assertThat(ctx.findings()).allMatch(f -> f.category() == OwaspCategory.API8);
        } finally {
            server.stop(0);
        }
    }

    /** A socket that answers every ClientHello with a ServerHello agreeing to the offered version. */
    @Test
    void aServerAgreeingToOldTlsIsFlagged() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress());
             FakeApi api = new FakeApi()) {
            Thread t = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket s = socket.accept()) {
                        InputStream in = s.getInputStream();
                        byte[] head = in.readNBytes(11);
                        String hello = SERVER_HELLO_10.replaceFirst("0301", HexFormat.of().formatHex(head, 9, 11))
                                .replace("020000260301", "02000026" + HexFormat.of().formatHex(head, 9, 11));
                        s.getOutputStream().write(HexFormat.of().parseHex(head[0] == 0x16 ? hello : ALERT));
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            t.setDaemon(true);
            t.start();
            ScanSettings s = ScanSettings.builder("https://127.0.0.1:" + socket.getLocalPort())
                    .timeout(Duration.ofSeconds(2)).requestsPerSecond(1000).insecureTls(true).build();
            ScanContext ctx = api.context(s, JwtCheckTest.MODEL);
            new TransportCheck().run(ctx);
            assertThat(ctx.findings()).extracting(Finding::rule, Finding::subject).contains(
                    org.assertj.core.groups.Tuple.tuple("transport.tls10", "TLS"),
                    org.assertj.core.groups.Tuple.tuple("transport.tls11", "TLS"));
            assertThat(ctx.findings()).filteredOn(f -> f.rule().equals("transport.tls11")).singleElement()
                    .satisfies(f -> assertThat(f.evidence()).contains("ServerHello TLS 1.1"));
        }
    }

    @Test
    void aPlainHttpBaseUrlIsNotTested() {
        try (FakeApi api = new FakeApi()) {
            ScanContext ctx = api.context(api.settings(dir).build(), JwtCheckTest.MODEL);
            new TransportCheck().run(ctx);
            assertThat(ctx.findings()).isEmpty();
            assertThat(ctx.notRun().get("transport")).contains("not https");
        }
    }

    @Test
    void hstsValuesAreJudgedByMaxAge() {
        assertThat(TransportCheck.hstsProblem("max-age=63072000; preload")).isNull();
        assertThat(TransportCheck.hstsProblem("MAX-AGE=\"31536000\"")).isNull();
        assertThat(TransportCheck.hstsProblem("max-age=86400")).contains("under a year");
        assertThat(TransportCheck.hstsProblem(null)).contains("No Strict-Transport-Security");
        assertThat(TransportCheck.hstsProblem("includeSubDomains")).contains("without max-age");
    }

    private ScanSettings settings(HttpsServer server, String httpUrl) {
        return ScanSettings.builder("https://localhost:" + server.getAddress().getPort()).httpUrl(httpUrl)
                .timeout(Duration.ofSeconds(3)).requestsPerSecond(1000).insecureTls(true).build();
    }

    private HttpsServer https(String hsts) throws Exception {
        Path store = dir.resolve("server.p12");
        if (!Files.exists(store)) {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost",
                    "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit",
                    "-keypass", "changeit").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            assertThat(p.waitFor()).isZero();
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", x -> {
            byte[] body = "{\"up\":true}".getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", "application/json");
            x.getResponseHeaders().add("Strict-Transport-Security", hsts);
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        server.start();
        return server;
    }
}
