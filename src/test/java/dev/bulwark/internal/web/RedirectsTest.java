package dev.bulwark.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RedirectsTest {

    private static String own(String location) {
        return Redirects.ownReference(location, "https", "api.example.com", 9443);
    }

    @ParameterizedTest
    @CsvSource({
        "https://api.example.com:9443/it/, /it/",
        "HTTPS://API.EXAMPLE.COM:9443/it/x?a=1#f, /it/x?a=1#f",
        "https://api.example.com:9443, /",
        "https://api.example.com:9443?x, /?x"})
    void aRedirectToTheRequestsOwnOriginBecomesRelative(String location, String reference) {
        assertThat(own(location)).isEqualTo(reference);
    }

    @Test
    void theDefaultPortCountsAsNamed() {
        assertThat(Redirects.ownReference("https://evil.example/it/", "https", "evil.example", 443)).isEqualTo("/it/");
        assertThat(Redirects.ownReference("http://h.example/x", "http", "h.example", 80)).isEqualTo("/x");
        assertThat(Redirects.ownReference("https://[::1]:9443/x", "https", "::1", 9443)).isEqualTo("/x");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/login", "next?step=2", "?page=2", "../up", "#top"})
    void relativeReferencesAreKeptAsTheyAre(String location) {
        assertThat(own(location)).isEqualTo(location);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://idp.example.com/authorize", "http://api.example.com:9443/x",
        "https://api.example.com/x", "https://api.example.com:8443/x", "https://user@api.example.com:9443/x",
        "//evil.example/x", "https://api.example.com:9443//evil.example/x", "/\\\\evil.example", "mailto:a@b.example",
        "https://api.example.com:9443/a b"})
    void everyOtherLocationIsLeftToTheContainer(String location) {
        assertThat(own(location)).as(location).isNull();
    }

    @Test
    void aRelativePathThatReadsAsANetworkPathIsLeftAlone() {
        assertThat(own("//evil.example")).isNull();
        assertThat(own(null)).isNull();
    }

    /** Hosts java.net.URI does not parse as host names still count as the request's own (re-attack finding). */
    @org.junit.jupiter.api.Test
    void hostNamesUriCannotParseAreComparedAsWritten() {
        assertThat(Redirects.ownReference("https://evil_host.example:9443/api/v1/orders/1016", "https",
                "evil_host.example", 9443)).isEqualTo("/api/v1/orders/1016");
        assertThat(Redirects.ownReference("https://attacker.1x:9443/a?b=1", "https", "attacker.1x", 9443))
                .isEqualTo("/a?b=1");
        assertThat(Redirects.ownReference("https://_evil/x", "https", "_evil", 443)).isEqualTo("/x");
        assertThat(Redirects.ownReference("https://a@evil_x:9443/x", "https", "evil_x", 9443)).isNull();
        assertThat(Redirects.ownReference("https://other_host:9443/x", "https", "evil_host", 9443)).isNull();
    }
}
