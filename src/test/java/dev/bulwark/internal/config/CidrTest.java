package dev.bulwark.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "127.0.0.1", "10.1.2.3", "255.255.255.255", "192.168.100.20"})
    void plainDottedQuadsAreAddresses(String address) throws Exception {
        assertThat(Cidr.literal(address)).isEqualTo(java.net.InetAddress.getByName(address).getAddress());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.04", "1..2.3", "1.2.3.4 ",
            " 1.2.3.4", "1.2.3.", ".1.2.3", "1.2.3.4/8", "1234.1.1.1", "0x7f.0.0.1", "\u0661.2.3.4", "localhost",
            "1.2.3.-4"})
    void anythingElseWithoutAColonIsNot(String address) {
        assertThat(Cidr.literal(address)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"::1", "2001:db8::1", "::ffff:10.0.0.1", "fe80::1"})
    void ipv6LiteralsAreAddresses(String address) {
        assertThat(Cidr.literal(address)).isNotNull();
    }

    /** The dotted-quad parser agrees with its grammar (the regular expression it replaced, as the oracle). */
    @Test
    void theDottedQuadParserAgreesWithItsGrammar() {
        Pattern quad = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
        String alphabet = "0125.9a";
        Random random = new Random(7);
        for (int n = 0; n < 200_000; n++) {
            StringBuilder s = new StringBuilder();
            int length = 7 + random.nextInt(10);
            for (int i = 0; i < length; i++) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String v = s.toString();
            assertThat(Cidr.literal(v)).as(v).isEqualTo(oracle(quad.matcher(v)));
        }
    }

    private static byte[] oracle(Matcher m) {
        if (!m.matches()) {
            return null;
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String octet = m.group(i + 1);
            int v = Integer.parseInt(octet);
            if (v > 255 || (octet.length() > 1 && octet.charAt(0) == '0')) {
                return null;
            }
            out[i] = (byte) v;
        }
        return out;
    }

    @Test
    void blocksContainTheirAddresses() throws Exception {
        Cidr block = Cidr.parse("10.0.0.0/8");
        assertThat(block.contains(Cidr.literal("10.200.3.4"))).isTrue();
        assertThat(block.contains(Cidr.literal("11.0.0.1"))).isFalse();
    }

    @Test
    void aBlockContainsTheBlocksInsideIt() throws Exception {
        assertThat(Cidr.parse("10.0.0.0/8").contains(Cidr.parse("10.8.0.0/16"))).isTrue();
        assertThat(Cidr.parse("10.0.0.0/8").contains(Cidr.parse("10.0.0.0/8"))).isTrue();
        assertThat(Cidr.parse("10.8.0.0/16").contains(Cidr.parse("10.0.0.0/8"))).isFalse();
        assertThat(Cidr.parse("10.0.0.0/8").contains(Cidr.parse("11.0.0.0/16"))).isFalse();
        assertThat(Cidr.parse("2001:db8::/32").contains(Cidr.parse("2001:db8:42::/48"))).isTrue();
        assertThat(Cidr.parse("2001:db8::/32").contains(Cidr.parse("10.0.0.0/8"))).isFalse();
    }
}
