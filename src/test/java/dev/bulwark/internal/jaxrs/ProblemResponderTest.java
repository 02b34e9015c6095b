package dev.bulwark.internal.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.internal.errors.ProblemException;
import dev.bulwark.internal.errors.ProblemKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which refusal an error response is recorded as, for the audit event and the refusal counters. */
class ProblemResponderTest {

    @Test
    void bulwarksRefusalIsFoundWhenItArrivesWrapped() {
        ProblemException tooLarge = new ProblemException(ProblemKind.PAYLOAD_TOO_LARGE, List.of(), "body over its limit");
        // how JAX-RS hands over a body limit reached while it reads the body
        Throwable wrapped = new UncheckedIOException(new IOException("body refused", tooLarge));
        assertThat(ProblemResponder.bulwarksOwn(tooLarge)).isSameAs(tooLarge);
        assertThat(ProblemResponder.bulwarksOwn(wrapped)).isSameAs(tooLarge);
        assertThat(ProblemResponder.bulwarksOwn(new IllegalStateException("the application's"))).isNull();
    }

    @Test
    void aCauseChainWithACycleEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(ProblemResponder.bulwarksOwn(b)).isNull();
    }
}
