package dev.bulwark.devtools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevTokensTest {

    private final Clock clock = Clock.fixed(Instant.ofEpochSecond(1_800_000_000L), ZoneOffset.UTC);

    @Test
    void mintsAnRs256TokenThatVerifiesWithThePublicKey(@TempDir Path dir) throws Exception {
        assertThat(run("keygen", "--dir", dir.toString())).isEqualTo(0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = DevTokens.run(new String[] {"mint", "--key", dir.resolve("private.pem").toString(),
            "--iss", "https://issuer.example", "--aud", "api", "--sub", "alice", "--groups", "customer, admin",
            "--scope", "orders:read", "--ttl", "10m"}, new PrintStream(out), System.err, clock);
        assertThat(rc).isZero();
        String token = out.toString(StandardCharsets.UTF_8).trim();
        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        String header = decode(parts[0]);
        String claims = decode(parts[1]);
        assertThat(header).startsWith("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"");
        assertThat(claims).contains("\"iss\":\"https://issuer.example\"", "\"aud\":\"api\"", "\"sub\":\"alice\"",
                "\"iat\":1800000000", "\"exp\":1800000600", "\"groups\":[\"customer\",\"admin\"]",
                "\"scope\":\"orders:read\"");

        String pem = Files.readString(dir.resolve("public.pem"));
        PublicKey pub = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder()
                .decode(pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", ""))));
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(pub);
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(verifier.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
    }

    @Test
    void keygenKeepsAnExistingPairUnlessForced(@TempDir Path dir) throws Exception {
        assertThat(DevTokens.keygen(dir, false)).isTrue();
        String first = Files.readString(dir.resolve("private.pem"));
        assertThat(DevTokens.keygen(dir, false)).isFalse();
        assertThat(Files.readString(dir.resolve("private.pem"))).isEqualTo(first);
        assertThat(DevTokens.keygen(dir, true)).isTrue();
        assertThat(Files.readString(dir.resolve("private.pem"))).isNotEqualTo(first);
    }

    @Test
    void badArgumentsGiveUsageAndExitCode2() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("mint", "--sub")).isEqualTo(2);
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(run("mint", "--key", "x", "--iss", "i", "--aud", "a", "--sub", "s", "--ttl", "forever"))
                .isEqualTo(2);
    }

    private int run(String... args) {
        return DevTokens.run(args, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()), clock);
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }
}
