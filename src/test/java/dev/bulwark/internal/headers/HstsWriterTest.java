package dev.bulwark.internal.headers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.internal.controls.BulwarkConfig;
import dev.bulwark.internal.config.TestConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HstsWriterTest {

    private static final HstsWriter DEFAULT = new HstsWriter(BulwarkConfig.defaults().headers().strictTransportSecurity());

    @Test
    void twoYearsWithSubdomainsOverTls() {
        MapHeaders h = new MapHeaders();
        DEFAULT.write(Facts.anonymousTls(), h);
        assertThat(h.all()).containsExactly(Map.entry("Strict-Transport-Security", "max-age=63072000; includeSubDomains"));
        MapHeaders problem = new MapHeaders();
        DEFAULT.write(Facts.of(true, true, true), problem);
        assertThat(problem.get("strict-transport-security")).isEqualTo("max-age=63072000; includeSubDomains");
    }

    @Test
    void neverOverPlainHttp() {
        MapHeaders h = new MapHeaders();
        DEFAULT.write(Facts.of(false, true, true), h);
        assertThat(h.all()).isEmpty();
    }

    @Test
    void anApplicationsOwnPolicyIsLeftAsItIs() {
        MapHeaders h = new MapHeaders("Strict-Transport-Security", "max-age=31536000");
        DEFAULT.write(Facts.anonymousTls(), h);
        assertThat(h.get("Strict-Transport-Security")).isEqualTo("max-age=31536000");
    }

    @Test
    void switchedOffByConfigurationItIsNeverWritten() {
        var r = TestConfig.load(Map.of("bulwark.headers.strict-transport-security", "OFF"));
        assertThat(r.problems()).isEmpty();
        MapHeaders h = new MapHeaders();
        new HstsWriter(r.config().headers().strictTransportSecurity()).write(Facts.anonymousTls(), h);
        assertThat(h.all()).isEmpty();
    }
}
