package dev.bulwark.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressesTest {

    /** The fast path's oracle: parsed as IPv4 and written back unchanged. */
    private static boolean canonicalByParsing(String text) {
        byte[] parsed = IpAddresses.parseNode(text);
        return parsed != null && parsed.length == 4 && IpAddresses.format(parsed).equals(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "0.0.0.0", "255.255.255.255", "10.1.20.255", "198.51.100.7"})
    void canonicalAddressesTakeTheFastPath(String address) {
        assertThat(IpAddresses.isCanonicalIpv4(address)).isTrue();
        assertThat(canonicalByParsing(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.01", "127.000.0.1", "256.0.0.1", "1.2.3", "1.2.3.4.5", "1.2.3.4.", ".1.2.3.4",
            "1..2.3", "+1.2.3.4", " 1.2.3.4", "1.2.3.4 ", "0x7f.0.0.1", "::1", "::ffff:127.0.0.1", "1.2.3.1234",
            "2130706433", "1.2.3.-4", "", "1.2.3.4%eth0"})
    void otherSpellingsAreLeftToTheParser(String address) {
        assertThat(IpAddresses.isCanonicalIpv4(address)).isFalse();
    }

    @Test
    void agreesWithParsingAndFormattingOnRandomText() {
        Random random = new Random(20261130);
        char[] alphabet = "0123456789.:x ".toCharArray();
        List<String> samples = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            if (i % 2 == 0) { // near-addresses: four numbers, sometimes with a leading zero or over 255
                samples.add(random.nextInt(300) + "." + random.nextInt(300) + "." + (random.nextInt(10) == 0 ? "0" : "")
                        + random.nextInt(300) + "." + random.nextInt(300));
            } else {
                StringBuilder b = new StringBuilder();
                int n = 1 + random.nextInt(16);
                for (int j = 0; j < n; j++) {
                    b.append(alphabet[random.nextInt(alphabet.length)]);
                }
                samples.add(b.toString());
            }
        }
        for (String s : samples) {
            assertThat(IpAddresses.isCanonicalIpv4(s)).as(s).isEqualTo(canonicalByParsing(s));
        }
    }
}
