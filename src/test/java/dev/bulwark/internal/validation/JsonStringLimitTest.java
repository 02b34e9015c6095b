package dev.bulwark.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.api.JsonBodyLimits;
import dev.bulwark.internal.controls.BulwarkConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The string limit with the default configuration, a configured one and an endpoint's own. */
class JsonStringLimitTest {

    private static final JsonLimits DEFAULTS = BulwarkConfig.defaults().validation().limits();

    /** A PNG-like payload as a browser's FileReader.readAsDataURL gives it: 150,000 bytes, 200,000 base64 chars. */
    static String dataUrl(int bytes) {
        byte[] image = new byte[bytes];
        new Random(42).nextBytes(image);
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(image);
    }

    private static void scan(JsonLimits limits, String body) throws Exception {
        new JsonScanner(limits, true, true).scan(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)),
                new ByteArrayOutputStream(), Shape.ANY);
    }

    private static JsonViolation refused(JsonLimits limits, String body) {
        try {
            scan(limits, body);
        } catch (JsonViolation v) {
            return v;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("accepted");
    }

    @Test
    void aTwoHundredKilobyteDataUrlIsAcceptedByDefault() throws Exception {
        String url = dataUrl(150_000);
        assertThat(url.length()).isGreaterThan(200_000);
        scan(DEFAULTS, "{\"name\":\"avatar.png\",\"avatar\":\"" + url + "\"}");
    }

    @Test
    void byDefaultAStringMayFillTheWholeBodyAndTheByteLimitStillStopsIt() throws Exception {
        String body = "{\"file\":\"" + "A".repeat(1_048_576 - 11) + "\"}";
        assertThat(body.length()).isEqualTo(1_048_576);
        scan(DEFAULTS, body);
        JsonViolation v = refused(DEFAULTS, "{\"file\":\"" + "A".repeat(1_048_576) + "\"}");
        assertThat(v.kind()).isEqualTo(JsonViolation.Kind.TOO_LARGE);
        assertThat(v.getMessage()).isEqualTo("the body is larger than 1048576 bytes");
        // characters outside the BMP and escapes take more bytes than UTF-16 units: still the byte limit first
        assertThat(refused(DEFAULTS, "\"" + "\ud83d\ude00".repeat(300_000) + "\"").kind())
                .isEqualTo(JsonViolation.Kind.TOO_LARGE);
        assertThat(refused(DEFAULTS, "\"" + "\\u00e9".repeat(200_000) + "\"").kind())
                .isEqualTo(JsonViolation.Kind.TOO_LARGE);
    }

    @Test
    void aConfiguredLimitStillRefusesLongerStrings() throws Exception {
        JsonLimits configured = new JsonLimits(1_048_576, 32, 10_000, 1_000, 4096, 128, 40);
        scan(configured, "{\"note\":\"" + "x".repeat(4096) + "\"}");
        JsonViolation v = refused(configured, "{\"note\":\"" + "x".repeat(4097) + "\"}");
        assertThat(v.kind()).isEqualTo(JsonViolation.Kind.LIMIT);
        assertThat(v.path()).isEqualTo("note");
        assertThat(v.getMessage()).isEqualTo("a string is longer than 4096 characters");
        assertThat(refused(configured, "{\"avatar\":\"" + dataUrl(150_000) + "\"}").getMessage())
                .isEqualTo("a string is longer than 4096 characters");
    }

    @JsonBodyLimits(maxStringLength = 280)
    static final class Statuses {
    }

    @JsonBodyLimits(maxBytes = 4_194_304)
    static final class Uploads {
    }

    @Test
    void anEndpointSetsItsOwnStringLimitOrRaisesTheBodyThatBoundsItsStrings() throws Exception {
        JsonLimits statuses = JsonBodyRules.merge(DEFAULTS, Statuses.class.getAnnotation(JsonBodyLimits.class));
        assertThat(statuses.maxStringLength()).isEqualTo(280);
        assertThat(statuses.maxBodyBytes()).isEqualTo(1_048_576);
        assertThat(refused(statuses, "{\"text\":\"" + "x".repeat(281) + "\"}").getMessage())
                .isEqualTo("a string is longer than 280 characters");

        JsonLimits uploads = JsonBodyRules.merge(DEFAULTS, Uploads.class.getAnnotation(JsonBodyLimits.class));
        assertThat(uploads.maxStringLength()).isEqualTo(JsonLimits.BOUNDED_BY_BODY);
        String threeMegabytes = dataUrl(2_250_000);
        assertThat(threeMegabytes.length()).isGreaterThan(3_000_000);
        scan(uploads, "{\"file\":\"" + threeMegabytes + "\"}");
        assertThat(refused(DEFAULTS, "{\"file\":\"" + threeMegabytes + "\"}").kind())
                .isEqualTo(JsonViolation.Kind.TOO_LARGE);
    }
}
