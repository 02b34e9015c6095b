package dev.bulwark.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.internal.errors.ErrorLogLevel;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParsersTest {

    private final ValueParser<Duration> duration = Parsers.duration(Duration.ZERO, Duration.ofDays(7));

    @Test
    void durationsInShortAndIsoForm() throws Exception {
        assertThat(duration.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(duration.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(duration.parse(" 15m ")).isEqualTo(Duration.ofMinutes(15));
        assertThat(duration.parse("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(duration.parse("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(duration.parse("PT15M")).isEqualTo(Duration.ofMinutes(15));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "15", "15 m", "-5s", "PT-5S", "15min", "1w", "8d", "abc", "1e3s", "99999999999s"})
    void badDurationsAreRejected(String raw) {
        assertThatThrownBy(() -> duration.parse(raw)).isInstanceOf(InvalidValueException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "11", "1.5", "", "0x5", "99999999999", "five"})
    void badIntegersAreRejected(String raw) {
        assertThatThrownBy(() -> Parsers.intRange(0, 10).parse(raw)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void integersInRange() throws Exception {
        assertThat(Parsers.intRange(0, 10).parse("0")).isZero();
        assertThat(Parsers.intRange(0, 10).parse("10")).isEqualTo(10);
        assertThat(Parsers.intRange(0, 10).acceptedForm()).isEqualTo("an integer from 0 to 10");
    }

    @Test
    void enumsAcceptAnyCaseAndDashes() throws Exception {
        assertThat(Parsers.enumOf(ErrorLogLevel.class).parse("warning")).isEqualTo(ErrorLogLevel.WARNING);
        assertThatThrownBy(() -> Parsers.enumOf(ErrorLogLevel.class).parse("SEVERE"))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void booleansAreStrict() throws Exception {
        assertThat(Parsers.bool().parse("True")).isTrue();
        assertThat(Parsers.bool().parse("false")).isFalse();
        for (String bad : List.of("yes", "1", "on", "")) {
            assertThatThrownBy(() -> Parsers.bool().parse(bad)).isInstanceOf(InvalidValueException.class);
        }
    }

    @Test
    void cidrListsParseIpv4AndIpv6() throws Exception {
        List<Cidr> list = Parsers.cidrList().parse("10.0.0.0/8, 192.168.1.7 ,::1/128,2001:db8::/32");
        assertThat(list).hasSize(4);
        assertThat(list.get(0).contains(Cidr.literal("10.200.3.4"))).isTrue();
        assertThat(list.get(0).contains(Cidr.literal("11.0.0.1"))).isFalse();
        assertThat(list.get(1).contains(Cidr.literal("192.168.1.7"))).isTrue();
        assertThat(list.get(1).contains(Cidr.literal("192.168.1.8"))).isFalse();
        assertThat(list.get(2).contains(Cidr.literal("::1"))).isTrue();
        assertThat(list.get(3).contains(Cidr.literal("2001:db8:ffff::1"))).isTrue();
        assertThat(list.get(3).contains(Cidr.literal("10.0.0.1"))).isFalse();
        assertThat(Parsers.cidrList().parse("")).isEmpty();
        assertThat(list.get(0)).hasToString("10.0.0.0/8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "10.0.0/8", "256.1.1.1", "010.0.0.1", "10.0.0.1/", "10.0.0.1/-1",
            "example.com", "localhost", ".:", "::1/129", "1.2.3.4/8/8", "10.0.0.0/8,,", "gggg::1", "1.2.3.4 5"})
    void malformedCidrsAreRejectedWithoutDnsLookups(String raw) {
        assertThatThrownBy(() -> Parsers.cidrList().parse(raw)).isInstanceOf(InvalidValueException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"X Request", "X-Req\r\nSet-Cookie: a", "", "Ä-Header"})
    void headerNamesMustBeTokens(String raw) {
        assertThatThrownBy(() -> Parsers.headerName().parse(raw)).isInstanceOf(InvalidValueException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"relative/path", "::", "http://exa mple.com/"})
    void urisMustBeAbsolute(String raw) {
        assertThatThrownBy(() -> Parsers.absoluteUri().parse(raw)).isInstanceOf(InvalidValueException.class);
    }
}
