package dev.bulwark.internal.headers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a response's Content-Type says, and what of it may go out. */
class ResponseFactsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "application/json;resteasy-server-has-produces=true | application/json",
        "application/json; charset=UTF-8; RESTEASY-SERVER-HAS-PRODUCES=true | application/json; charset=UTF-8",
        "application/json;resteasy-server-has-produces=true;charset=UTF-8 | application/json;charset=UTF-8",
        "text/html;charset=UTF-8 | text/html;charset=UTF-8",
        "application/json | application/json",
        "application/vnd.resteasy-fan+json | application/vnd.resteasy-fan+json",
        "text/plain; note=\"a;b\" | text/plain; note=\"a;b\""})
    void internalParametersOfTheRuntimeAreDroppedEverythingElseIsKeptAsWritten(String given, String sent) {
        assertThat(ResponseFacts.withoutInternalParameters(given)).isEqualTo(sent);
    }

    @org.junit.jupiter.api.Test
    void noTypeStaysNoType() {
        assertThat(ResponseFacts.withoutInternalParameters(null)).isNull();
    }
}
