package dev.bulwark.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RawTokenTest {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = B64.encodeToString("{\"alg\":\"RS256\",\"kid\":\"k1\"}".getBytes(StandardCharsets.UTF_8));
    private static final String CLAIMS = B64.encodeToString("{\"sub\":\"alice\",\"exp\":1}".getBytes(StandardCharsets.UTF_8));

    /** An RS256 signature: 256 bytes, 342 characters, the last one carrying 4 unused bits. */
    private static String signature() {
        byte[] sig = new byte[256];
        new Random(3).nextBytes(sig);
        return B64.encodeToString(sig);
    }

    @Test
    void aTokenHasOneSpellingOnly() throws Exception {
        String sig = signature();
        assertThat(sig.length() % 4).isEqualTo(2);
        String token = HEADER + "." + CLAIMS + "." + sig;
        assertThat(RawToken.parse(token).compact()).isEqualTo(token);

        // the same signature bytes for any decoder, spelled with the unused low bits set: each is refused
        char last = sig.charAt(sig.length() - 1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int value = alphabet.indexOf(last);
        for (int low = 1; low < 16; low++) {
            String variant = sig.substring(0, sig.length() - 1) + alphabet.charAt((value & ~0b1111) | low);
            assertThat(Base64.getUrlDecoder().decode(variant)).isEqualTo(Base64.getUrlDecoder().decode(sig));
            assertThatThrownBy(() -> RawToken.parse(HEADER + "." + CLAIMS + "." + variant))
                    .isInstanceOf(TokenRejected.class).hasMessageContaining("canonical");
        }
    }

    @Test
    void headerAndPayloadMustBeCanonicalToo() {
        String payload = CLAIMS;
        assertThat(payload.length() % 4).isIn(2, 3);
        char last = payload.charAt(payload.length() - 1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        String variant = payload.substring(0, payload.length() - 1) + alphabet.charAt(alphabet.indexOf(last) | 1);
        assertThatThrownBy(() -> RawToken.parse(HEADER + "." + variant + "." + signature()))
                .isInstanceOf(TokenRejected.class).hasMessageContaining("canonical");
    }
}
