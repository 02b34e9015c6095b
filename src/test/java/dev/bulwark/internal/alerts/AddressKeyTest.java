package dev.bulwark.internal.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressKeyTest {

    @ParameterizedTest
    @CsvSource({
            "203.0.113.9, 203.0.113.9",
            "::ffff:203.0.113.9, 203.0.113.9",
            "'[::ffff:203.0.113.9]', 203.0.113.9",
            "2001:db8:1:2:3:4:5:6, 2001:db8:1:2::/64",
            "2001:DB8:1:2::ff, 2001:db8:1:2::/64",
            "'[2001:db8:1:2::ff]', 2001:db8:1:2::/64",
            "2001:db8::1, 2001:db8::/64",
            "2001:0:0:5::1, 2001:0:0:5::/64",
            "2001::7:0:0:0:1, 2001:0:0:7::/64",
            "fe80::1%eth0, fe80::/64",
            "::1, ::/64",
            "unknown, unknown",
            "_hidden-proxy, _hidden-proxy",
            "example.test, example.test"
    })
    void keysAnAddress(String address, String key) {
        assertThat(AddressKey.of(address)).isEqualTo(key);
    }
}
