package dev.bulwark.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DirectTlsTest {

    @Test
    void aTlsSessionIsTls() {
        assertThat(DirectTls.of(true, true, () -> List.of("Host", "X-Forwarded-Proto"))).isTrue();
        assertThat(DirectTls.of(true, false, () -> List.of("Host", "Accept"))).isTrue();
    }

    /** A container that believed a client's forwarding header is not taken at its word. */
    @Test
    void aSchemeHeaderWithoutATlsSessionIsNotTls() {
        for (String header : new String[] {"X-Forwarded-Proto", "forwarded", "X-Forwarded-Ssl", "X-Forwarded-Scheme",
            "X-Url-Scheme", "Front-End-Https"}) {
            assertThat(DirectTls.of(true, false, () -> List.of("Host", header))).as(header).isFalse();
        }
    }

    @Test
    void plainHttpStaysPlain() {
        assertThat(DirectTls.of(false, false, () -> List.of())).isFalse();
        assertThat(DirectTls.of(false, true, () -> List.of())).isFalse();
    }

    @Test
    void privateHeadersAreFoundInAnyCase() {
        assertThat(DirectTls.privateHeader(List.of("Host", "$WSIS"))).isEqualTo("$WSIS");
        assertThat(DirectTls.privateHeader(List.of("$wsra"))).isEqualTo("$wsra");
        assertThat(DirectTls.privateHeader(List.of("Host", "X-WS"))).isNull();
    }
}
