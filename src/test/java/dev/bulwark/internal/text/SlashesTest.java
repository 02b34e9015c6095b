package dev.bulwark.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Repeated and trailing slashes, as the route policies and the body limits compare paths. */
class SlashesTest {

    @Test
    void runsOfSlashesBecomeOneAndATrailingSlashGoes() {
        assertThat(Slashes.collapsed("//admin//users/")).isEqualTo("/admin/users");
        assertThat(Slashes.collapsed("/api/orders//")).isEqualTo("/api/orders");
        assertThat(Slashes.collapsed("api//orders/")).isEqualTo("api/orders");
        assertThat(Slashes.collapsed("///")).isEqualTo("/");
        assertThat(Slashes.collapsed("/")).isEqualTo("/");
        assertThat(Slashes.collapsed("")).isEmpty();
    }

    @Test
    void aPathWithNothingToChangeIsReturnedAsItIs() {
        String path = "/api/orders/42";
        assertThat(Slashes.collapsed(path)).isSameAs(path);
    }

    @Test
    void itAgreesWithTheRegularExpressionItReplaced() {
        String[] alphabet = {"/", "a", "."};
        for (int length = 0; length <= 7; length++) {
            int count = (int) Math.pow(alphabet.length, length);
            for (int k = 0; k < count; k++) {
                StringBuilder s = new StringBuilder();
                for (int i = 0, v = k; i < length; i++, v /= alphabet.length) {
                    s.append(alphabet[v % alphabet.length]);
                }
                String path = s.toString();
                String stripped = path;
                while (stripped.length() > 1 && stripped.endsWith("/")) {
                    stripped = stripped.substring(0, stripped.length() - 1);
                }
                assertThat(Slashes.collapsed(path)).as(path).isEqualTo(stripped.replaceAll("/{2,}", "/"));
            }
        }
    }
}
