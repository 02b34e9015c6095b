package dev.bulwark.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContentCodingsTest {

    private final ContentCodings liberty = new ContentCodings(List.of("gzip", "x-gzip", "deflate"));

    @Test
    void noCodingIdentityAndOneDecodedCodingPass() {
        assertThat(liberty.accepts(List.of())).isTrue();
        assertThat(liberty.accepts(List.of("identity"))).isTrue();
        assertThat(liberty.accepts(List.of("IDENTITY"))).isTrue();
        assertThat(liberty.accepts(List.of(""))).isTrue();
        assertThat(liberty.accepts(List.of("gzip"))).isTrue();
        assertThat(liberty.accepts(List.of(" GZip "))).isTrue();
        assertThat(liberty.accepts(List.of("x-gzip"))).isTrue();
        assertThat(liberty.accepts(List.of("deflate"))).isTrue();
    }

    @Test
    void unknownAndStackedCodingsAreRefused() {
        assertThat(liberty.accepts(List.of("br"))).isFalse();
        assertThat(liberty.accepts(List.of("compress"))).isFalse();
        assertThat(liberty.accepts(List.of("zstd"))).isFalse();
        // the server decodes one coding only: a list would reach the application still encoded
        assertThat(liberty.accepts(List.of("gzip, gzip"))).isFalse();
        assertThat(liberty.accepts(List.of("gzip,identity"))).isFalse();
        assertThat(liberty.accepts(List.of("gzip", "gzip"))).isFalse();
        assertThat(liberty.acceptEncoding()).isEqualTo("gzip, x-gzip, deflate");
    }

    @Test
    void anEmptyListAcceptsOnlyUnencodedBodies() {
        ContentCodings none = new ContentCodings(List.of());
        assertThat(none.accepts(List.of("gzip"))).isFalse();
        assertThat(none.accepts(List.of("identity"))).isTrue();
        assertThat(none.acceptEncoding()).isEqualTo("identity");
    }
}
