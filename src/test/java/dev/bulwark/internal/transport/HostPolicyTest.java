package dev.bulwark.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.internal.config.TestConfig;
import dev.bulwark.internal.controls.ConfigLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class HostPolicyTest {

    private static HostPolicy policy(String allowedHosts) {
        ConfigLoader.Result r = TestConfig.load(
                Map.of("bulwark.transport.allowed-hosts", allowedHosts));
        assertThat(r.problems()).isEmpty();
        return new HostPolicy(r.config().transport().allowedHosts());
    }

    /**
     * Checks as the filter does, with the host and port a container takes from a single Host header (the header
     * value itself for a malformed one, which the header check refuses first), or from HTTP/2's :authority.
     */
    private static HostPolicy.Decision check(HostPolicy policy, String... hostHeaders) {
        if (hostHeaders.length != 1) {
            return policy.check(List.of(hostHeaders), hostHeaders.length == 0 ? null : "localhost", 443);
        }
        String v = hostHeaders[0];
        int colon = v.lastIndexOf(':');
        boolean port = colon > v.lastIndexOf(']') && v.substring(colon + 1).matches("\\d{1,5}");
        String name = port ? v.substring(0, colon) : v;
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        return policy.check(List.of(v), name, port ? Integer.parseInt(v.substring(colon + 1)) : 443);
    }

    private final HostPolicy any = policy("");
    private final HostPolicy listed = policy("api.example.com, LOCALHOST:9443, 10.0.0.7, [2001:DB8::1]");

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "localhost:9443", "api.example.com", "API.Example.COM.", "10.0.0.7:8080",
        "[::1]", "[2001:db8::1]:443", "my_service.internal", "xn--bcher-kva.example", "a"})
    void realClientsHostsAreWellFormed(String value) {
        HostPolicy.Decision d = check(any, value);
        assertThat(d.allowed()).as(value).isTrue();
        assertThat(d.host().name()).isLowerCase().doesNotEndWith(".");
        assertThat(d.host().name().startsWith("[") || !d.host().name().contains(":")).as("no port in the name")
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example/x?", "evil.example/", "evil.example?", "evil.example#", "user@evil.example",
        "evil.example\\x", "a b", "evil.example\r\nSet-Cookie: x", "evil.example:", "evil.example:0",
        "evil.example:65536", "evil.example:80:80", "evil.example:8o", "[::1", "[::1]x", "[fe80::1%25eth0]",
        "[evil.example]", "::1", "..", ".example", "a..b", "%65vil.example", "évil.example", "-", "-a.example", "a-.example", "'\"<>",
        "evil.example;x", "evil.example,other.example", ""})
    void malformedHostsAreRefusedWhateverTheList(String value) {
        HostPolicy.Decision d = check(any, value);
        assertThat(d.allowed()).as(value).isFalse();
        assertThat(d.refusal()).startsWith("malformed Host").doesNotContain("\r").doesNotContain("\n");
    }

    @Test
    void aLabelOrNameTooLongIsMalformed() {
        assertThat(check(any, "a".repeat(63) + ".example").allowed()).isTrue();
        assertThat(check(any, "a".repeat(64) + ".example").allowed()).isFalse();
        String name = ("a".repeat(60) + ".").repeat(5);
        assertThat(check(any, name).allowed()).as("over 253 characters").isFalse();
    }

    @Test
    void theLastAllowedHostIsRememberedButEveryOtherRequestIsDecidedAfresh() {
        HostPolicy.Decision first = listed.check(List.of("localhost:9443"), "localhost", 9443);
        assertThat(first.allowed()).isTrue();
        assertThat(listed.check(List.of("localhost:9443"), "localhost", 9443)).isSameAs(first);
        // the same header with another server name or port (an absolute-form target, another listener) is decided
        assertThat(listed.check(List.of("localhost:9443"), "evil.example", 9443).allowed()).isFalse();
        assertThat(listed.check(List.of("localhost:9443"), "localhost", 8443).allowed()).isFalse();
        assertThat(listed.check(List.of("localhost:9443", "localhost:9443"), "localhost", 9443).allowed()).isFalse();
        assertThat(listed.check(List.of("evil.example"), "evil.example", 443).allowed()).isFalse();
        assertThat(listed.check(List.of("localhost:9443"), "localhost", 9443).host()).isEqualTo(first.host());
    }

    @Test
    void moreThanOneHostHeaderIsRefused() {
        assertThat(check(any, "localhost", "localhost").refusal()).isEqualTo("more than one Host header");
    }

    @Test
    void noHostHeaderPassesOnlyWithoutAList() {
        assertThat(check(any).allowed()).isTrue();
        assertThat(check(any).host()).isNull();
        assertThat(check(listed).refusal()).contains("bulwark.transport.allowed-hosts");
    }

    @Test
    void withAListOnlyListedHostsPassAndAnEntryWithoutPortMatchesAnyPort() {
        for (String ok : new String[] {"api.example.com", "api.example.com:8443", "API.EXAMPLE.COM", "localhost:9443",
            "10.0.0.7", "10.0.0.7:80", "[2001:db8:0::1]:9443"}) {
            assertThat(check(listed, ok).allowed()).as(ok).isTrue();
        }
        for (String refused : new String[] {"evil.example", "localhost", "localhost:9080", "api.example.com.evil.example",
            "10.0.0.8", "[::1]"}) {
            HostPolicy.Decision d = check(listed, refused);
            assertThat(d.allowed()).as(refused).isFalse();
            assertThat(d.refusal()).endsWith("is not in bulwark.transport.allowed-hosts");
        }
    }

    @Test
    void aBadListEntryFailsTheDeploymentNamingTheKey() {
        ConfigLoader.Result r = TestConfig.load(
                Map.of("bulwark.transport.allowed-hosts", "api.example.com, https://api.example.com"));
        assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.message())
                .contains("bulwark.transport.allowed-hosts"));
    }

    /** HTTP/2 has no Host header: the container takes :authority, which is checked like a Host header. */
    @Test
    void http2AuthorityIsCheckedAndPassesAList() {
        assertThat(listed.check(List.of(), "localhost", 9443).allowed()).isTrue();
        assertThat(listed.check(List.of(), "evil.example", 9443).refusal()).endsWith("bulwark.transport.allowed-hosts");
        for (String bad : new String[] {"evil{x}", "evil\"x", "evil.example,other", "evil%2Fexample", "a b"}) {
            HostPolicy.Decision d = any.check(List.of(), bad, 443);
            assertThat(d.allowed()).as(bad).isFalse();
            assertThat(d.refusal()).startsWith("malformed host");
        }
    }

    /** An absolute-form request target names the host the container uses, whatever the Host header says. */
    @Test
    void theHostTheContainerTookIsCheckedNotOnlyTheHeader() {
        assertThat(listed.check(List.of("localhost:9443"), "evil.example", 9443).refusal())
                .endsWith("bulwark.transport.allowed-hosts");
        assertThat(any.check(List.of("localhost:9443"), "evil{x}", 9443).allowed()).isFalse();
        assertThat(any.check(List.of("localhost:9443"), "localhost", 9443).host().toString())
                .isEqualTo("localhost:9443");
    }
}
