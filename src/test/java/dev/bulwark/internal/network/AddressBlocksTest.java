package dev.bulwark.internal.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.internal.config.Cidr;
import dev.bulwark.internal.config.InvalidValueException;
import dev.bulwark.internal.config.TestConfig;
import dev.bulwark.internal.controls.ConfigLoader;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The address lists of the configuration are parsed strictly: never a silent mis-parse, never a DNS lookup. */
class AddressBlocksTest {

    @ParameterizedTest
    @ValueSource(strings = {"010.0.0.1", "10.0.0.01", "0x0a.0.0.1", "0xa000001", "10.1", "10.0.1", "167772161",
            "012.0.0.0/8", "10.0.0.256", "10.0.0.1.", " 10 .0.0.1", "localhost", "vpn.example.com", "::ffff:010.0.0.1",
            "::ffff:10.0.0.01", "2001:db8::/129", "10.0.0.0/33", "10.0.0.0/08", "10.0.0.0/", "1:2:3:4:5:6:7:8:9",
            "2001:db8::g", "10.0.0.0/-1"})
    void ambiguousOrMalformedSpellingsAreRefused(String entry) {
        assertThatThrownBy(() -> AddressBlocks.block(entry)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void zoneIdsAreRefusedWithAReason() {
        assertThatThrownBy(() -> AddressBlocks.block("fe80::1%eth0")).hasMessageContaining("zone ids");
        assertThatThrownBy(() -> AddressBlocks.block("fe80::1%25eth0/128")).hasMessageContaining("zone ids");
    }

    @Test
    void hostBitsBelowThePrefixAreRefusedNamingTheBlockMeant() {
        assertThatThrownBy(() -> AddressBlocks.block("10.8.1.1/16")).hasMessageContaining("did you mean 10.8.0.0/16");
        assertThatThrownBy(() -> AddressBlocks.block("2001:db8::1/48")).hasMessageContaining("host bits");
    }

    @Test
    void ipv4MappedIpv6IsTheIpv4Block() throws Exception {
        assertThat(AddressBlocks.block("::ffff:10.0.0.1")).isEqualTo(Cidr.parse("10.0.0.1/32"));
        assertThat(AddressBlocks.block("0:0:0:0:0:ffff:a00:1")).isEqualTo(Cidr.parse("10.0.0.1/32"));
        assertThat(AddressBlocks.block("::ffff:10.0.0.0/104")).isEqualTo(Cidr.parse("10.0.0.0/8"));
        assertThatThrownBy(() -> AddressBlocks.block("::ffff:10.0.0.0/64")).hasMessageContaining("96 to 128");
    }

    @Test
    void canonicalSpellingsAndEdgesParse() throws Exception {
        assertThat(AddressBlocks.block("2001:DB8:1::/48")).isEqualTo(Cidr.parse("2001:db8:1::/48"));
        assertThat(AddressBlocks.block("2001:0db8:0001:0000::/48")).isEqualTo(Cidr.parse("2001:db8:1::/48"));
        assertThat(AddressBlocks.block("0.0.0.0/0").contains(new byte[] {(byte) 203, 0, 113, 7})).isTrue();
        assertThat(AddressBlocks.block("::/0").contains(Cidr.literal("2001:db8::1"))).isTrue();
        assertThat(AddressBlocks.block("::/0").contains(Cidr.literal("10.0.0.1"))).as("IPv4 is not in ::/0").isFalse();
        assertThat(AddressBlocks.block("203.0.113.7/32").contains(Cidr.literal("203.0.113.7"))).isTrue();
        assertThat(AddressBlocks.block("203.0.113.7/32").contains(Cidr.literal("203.0.113.8"))).isFalse();
        assertThat(AddressBlocks.block("2001:db8::7/128").contains(Cidr.literal("2001:db8::7"))).isTrue();
        assertThat(AddressBlocks.block("2001:db8::7/128").contains(Cidr.literal("2001:db8::8"))).isFalse();
    }

    @Test
    void aBadListEntryFailsTheDeploymentNamingTheKey() {
        ConfigLoader.Result result = TestConfig.load(Map.of("bulwark.ip.allow", "10.8.0.0/16, 010.9.0.0/16"));
        assertThat(result.ok()).isFalse();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("bulwark.ip.allow");
            assertThat(p.message()).contains("010.9.0.0/16");
        });
        assertThat(TestConfig.load(Map.of("bulwark.ip.deny", "10.0.0.0/8,")).problems())
                .singleElement().satisfies(p -> assertThat(p.key()).isEqualTo("bulwark.ip.deny"));
    }
}
