package dev.bulwark.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.internal.config.Parsers;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientAddressResolverTest {

    private static ClientAddressResolver resolver(String cidrs) throws Exception {
        return new ClientAddressResolver(Parsers.cidrList().parse(cidrs));
    }

    private static ClientAddressResolver.Origin xff(ClientAddressResolver r, String peer, String... xff) {
        return r.resolve(peer, false, List.of(), List.of(xff), List.of());
    }

    @Test
    void withoutTrustedProxiesForwardedHeadersAreIgnored() throws Exception {
        ClientAddressResolver r = resolver("");
        ClientAddressResolver.Origin o = r.resolve("198.51.100.7", false, List.of("for=1.2.3.4;proto=https"),
                List.of("1.2.3.4"), List.of("https"));
        assertThat(o.clientAddress()).isEqualTo("198.51.100.7");
        assertThat(o.secure()).isFalse();
        assertThat(o.viaTrustedProxy()).isFalse();
    }

    @Test
    void anUntrustedPeerCannotSpoofEvenWhenSomeProxiesAreTrusted() throws Exception {
        ClientAddressResolver r = resolver("10.0.0.0/8");
        ClientAddressResolver.Origin o = r.resolve("198.51.100.7", false, List.of(), List.of("10.0.0.1, 1.2.3.4"),
                List.of("https"));
        assertThat(o.clientAddress()).isEqualTo("198.51.100.7");
        assertThat(o.secure()).isFalse();
    }

    @Test
    void aClientsOwnForwardedHeaderBesideTheProxysXForwardedForLeavesTheClientUncertain() throws Exception {
        ClientAddressResolver r = resolver("10.0.0.0/8");
        // the proxy appended the real client to X-Forwarded-For and passed the client's Forwarded through
        ClientAddressResolver.Origin spoof = r.resolve("10.0.0.2", false, List.of("for=10.8.4.2"),
                List.of("198.51.100.7"), List.of());
        assertThat(spoof.exact()).isFalse(); // an address rule refuses it
        // a proxy writing both, alike: certain
        ClientAddressResolver.Origin both = r.resolve("10.0.0.2", false, List.of("for=198.51.100.7;proto=https"),
                List.of("198.51.100.7"), List.of("https"));
        assertThat(both.exact()).isTrue();
        assertThat(both.clientAddress()).isEqualTo("198.51.100.7");
        // one header only: as before
        assertThat(r.resolve("10.0.0.2", false, List.of("for=198.51.100.7"), List.of(), List.of()).exact()).isTrue();
        assertThat(xff(r, "10.0.0.2", "198.51.100.7").exact()).isTrue();
        // a hop that is no address: the proxy stands for the client, not for sure
        assertThat(xff(r, "10.0.0.2", "unknown").exact()).isFalse();
        assertThat(xff(r, "10.0.0.2", "2001:db8:bad::1%eth0").exact()).isFalse();
        assertThat(xff(r, "10.0.0.2", "[203.0.113.77]:80").exact()).isFalse();
        // nor does a client's own Forwarded: proto=https make a plain request secure past the proxy's X-Forwarded-Proto
        assertThat(r.resolve("10.0.0.2", false, List.of("for=198.51.100.7;proto=https"), List.of("198.51.100.7"),
                List.of("http")).secure()).isFalse();
        assertThat(r.resolve("10.0.0.2", false, List.of("for=198.51.100.7;proto=https"), List.of(), List.of())
                .secure()).isTrue();
        // an untrusted peer: its own address, for sure
        assertThat(r.resolve("198.51.100.9", false, List.of("for=10.8.4.2"), List.of(), List.of()).exact()).isTrue();
    }

    @Test
    void walksFromTheRightSkippingTrustedHops() throws Exception {
        ClientAddressResolver r = resolver("10.0.0.0/8");
        assertThat(xff(r, "10.0.0.2", "6.6.6.6, 203.0.113.9, 10.0.0.5").clientAddress()).isEqualTo("203.0.113.9");
        // several headers are one list, in order
        assertThat(xff(r, "10.0.0.2", "6.6.6.6", "203.0.113.9", "10.0.0.5").clientAddress()).isEqualTo("203.0.113.9");
        // all hops trusted: the leftmost is the client
        assertThat(xff(r, "10.0.0.2", "10.1.1.1, 10.0.0.5").clientAddress()).isEqualTo("10.1.1.1");
        // no header at all: the proxy itself
        assertThat(xff(r, "10.0.0.2").clientAddress()).isEqualTo("10.0.0.2");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "unknown, 10.0.0.5|10.0.0.5",
        "_hidden, 10.0.0.5|10.0.0.5",
        "garbage|10.0.0.2",
        "203.0.113.9, evil.example.com|10.0.0.2",
        " , 10.0.0.5|10.0.0.5",
        "999.1.1.1|10.0.0.2",
        "fe80::1%eth0|10.0.0.2"})
    void garbageStopsTheWalkAtTheLastTrustedHop(String header, String expected) throws Exception {
        assertThat(xff(resolver("10.0.0.0/8"), "10.0.0.2", header).clientAddress()).isEqualTo(expected);
    }

    @Test
    void controlCharactersMakeAHopGarbage() throws Exception {
        assertThat(xff(resolver("10.0.0.0/8"), "10.0.0.2", "203.0.113.9\r\nX-Injected: 1").clientAddress())
                .isEqualTo("10.0.0.2");
        assertThat(xff(resolver("10.0.0.0/8"), "10.0.0.2", "203.0.113.9\u0000").clientAddress())
                .isEqualTo("10.0.0.2");
    }

    @Test
    void acceptsPortsAndBracketsAndPrintsOneCanonicalForm() throws Exception {
        ClientAddressResolver r = resolver("10.0.0.0/8, ::1/128");
        assertThat(xff(r, "10.0.0.2", "203.0.113.9:4711").clientAddress()).isEqualTo("203.0.113.9");
        assertThat(xff(r, "10.0.0.2", "[2001:DB8:0:0:0:0:0:1]:443").clientAddress()).isEqualTo("2001:db8::1");
        assertThat(xff(r, "10.0.0.2", "2001:db8::0001").clientAddress()).isEqualTo("2001:db8::1");
        assertThat(xff(r, "0:0:0:0:0:0:0:1", "203.0.113.9").clientAddress()).isEqualTo("203.0.113.9");
        assertThat(xff(r, "10.0.0.2", "::ffff:203.0.113.9").clientAddress()).isEqualTo("203.0.113.9");
        assertThat(resolver("").resolve("0:0:0:0:0:0:0:1", false, List.of(), List.of(), List.of()).clientAddress())
                .isEqualTo("::1");
    }

    @Test
    void readsRfc7239ForwardedWithQuotesAndIpv6() throws Exception {
        ClientAddressResolver r = resolver("10.0.0.0/8");
        ClientAddressResolver.Origin o = r.resolve("10.0.0.2", false,
                List.of("for=6.6.6.6;proto=http, for=\"[2001:db8:cafe::17]:4711\";proto=https;by=10.0.0.5",
                        "For=10.0.0.9;Proto=HTTPS"),
                List.of(), List.of());
        assertThat(o.clientAddress()).isEqualTo("2001:db8:cafe::17");
        assertThat(o.secure()).isTrue();
        assertThat(o.viaTrustedProxy()).isTrue();
        assertThat(o.exact()).isTrue();
    }

    @Test
    void theNearestTrustedProxyDecidesTheScheme() throws Exception {
        ClientAddressResolver r = resolver("127.0.0.1");
        assertThat(r.resolve("127.0.0.1", false, List.of(), List.of(), List.of("https")).secure()).isTrue();
        assertThat(r.resolve("127.0.0.1", false, List.of(), List.of(), List.of("https, http")).secure()).isFalse();
        assertThat(r.resolve("127.0.0.1", true, List.of(), List.of(), List.of()).secure()).isTrue();
        assertThat(r.resolve("127.0.0.1", false, List.of(), List.of(), List.of("HTTPS")).secure()).isTrue();
        assertThat(r.resolve("127.0.0.1", false, List.of(), List.of(), List.of("wss")).secure()).isFalse();
    }

    @Test
    void veryLongChainsAreCutFromTheLeft() throws Exception {
        ClientAddressResolver r = resolver("10.0.0.0/8");
        String prefix = "1.1.1.1, ".repeat(100_000);
        assertThat(xff(r, "10.0.0.2", prefix + "203.0.113.9, 10.0.0.5").clientAddress()).isEqualTo("203.0.113.9");
        String trustedFlood = "10.9.9.9, ".repeat(5000) + "10.0.0.5";
        // only the last MAX_HOPS hops count: the client is the leftmost of those, a trusted hop
        assertThat(xff(r, "10.0.0.2", "203.0.113.9, " + trustedFlood).clientAddress()).isEqualTo("10.9.9.9");
    }

    @Test
    void anUnparseablePeerIsReportedAsIs() throws Exception {
        assertThat(resolver("10.0.0.0/8").resolve("weird", true, List.of(), List.of("1.2.3.4"), List.of())
                .clientAddress()).isEqualTo("weird");
    }
}
