package dev.bulwark.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.internal.config.TestConfig;
import dev.bulwark.internal.controls.BulwarkConfig;
import dev.bulwark.internal.controls.ConfigLoader;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransportPolicyTest {

    private static BulwarkConfig config(Map<String, String> values) {
        ConfigLoader.Result r = TestConfig.load(values);
        assertThat(r.problems()).isEmpty();
        return r.config();
    }

    private static RequestHost host(String value) {
        return RequestHost.parse(value).orElseThrow();
    }

    private final RequestHost h = host("h.example");
    private final TransportPolicy strict = new TransportPolicy(BulwarkConfig.defaults().transport());
    private final TransportPolicy browser = new TransportPolicy(config(Map.of(
            "bulwark.transport.redirect-paths", "/docs, /login", "bulwark.transport.https-port", "9443")).transport());

    @Test
    void tlsPassesPlainHttpIsRefused() {
        assertThat(strict.decide(true, "POST", "/api/x", h, "/api/x", null).action())
                .isEqualTo(TransportPolicy.Action.PASS);
        assertThat(strict.decide(false, "GET", "/api/x", h, "/api/x", null).action())
                .isEqualTo(TransportPolicy.Action.REFUSE);
    }

    @Test
    void onlyGetAndHeadOnConfiguredBrowserPathsAreRedirected() {
        TransportPolicy.Decision d = browser.decide(false, "GET", "/docs/intro", host("API.example.com:80"),
                "/ctx/docs/intro", "a=1");
        assertThat(d.action()).isEqualTo(TransportPolicy.Action.REDIRECT);
        assertThat(d.location()).isEqualTo("https://api.example.com:9443/ctx/docs/intro?a=1");
        assertThat(browser.decide(false, "HEAD", "/login", h, "/login", null).action())
                .isEqualTo(TransportPolicy.Action.REDIRECT);
        assertThat(browser.decide(false, "POST", "/login", h, "/login", null).action())
                .isEqualTo(TransportPolicy.Action.REFUSE);
        assertThat(browser.decide(false, "GET", "/docsx", h, "/docsx", null).action())
                .isEqualTo(TransportPolicy.Action.REFUSE);
        assertThat(browser.decide(false, "GET", "/api/orders", h, "/api/orders", null).action())
                .isEqualTo(TransportPolicy.Action.REFUSE);
    }

    @Test
    void withoutAValidatedHostThereIsNoRedirect() {
        assertThat(browser.decide(false, "GET", "/docs", null, "/docs", null).action())
                .isEqualTo(TransportPolicy.Action.REFUSE);
        assertThat(new TransportPolicy(config(Map.of("bulwark.transport.redirect-paths", "/docs")).transport())
                .decide(false, "GET", "/docs", host("[0:0::1]:8080"), "/docs", null).location())
                .as("the validated name, the configured port").isEqualTo("https://[::1]/docs");
    }

    @Test
    void httpsOnlyCanBeSwitchedOff() {
        TransportPolicy off = new TransportPolicy(config(Map.of("bulwark.transport.https-only", "false")).transport());
        assertThat(off.decide(false, "POST", "/x", h, "/x", null).action()).isEqualTo(TransportPolicy.Action.PASS);
    }

    @Test
    void methodsOutsideTheListAreRefusedAndOverridesOnlyWhenEnabled() {
        MethodPolicy defaults = new MethodPolicy(BulwarkConfig.defaults().methods());
        assertThat(defaults.decide("GET", null).allowed()).isTrue();
        for (String m : new String[] {"TRACE", "TRACK", "CONNECT", "PROPFIND", "FOO", "get"}) {
            assertThat(defaults.decide(m, null).allowed()).as(m).isFalse();
        }
        assertThat(defaults.decide("POST", "DELETE").effectiveMethod()).isEqualTo("POST");
        assertThat(defaults.allowHeader()).isEqualTo("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");

        MethodPolicy override = new MethodPolicy(config(Map.of("bulwark.methods.allow-override", "true")).methods());
        assertThat(override.decide("POST", "delete")).isEqualTo(new MethodPolicy.Decision("DELETE", true));
        assertThat(override.decide("POST", "TRACE")).isEqualTo(new MethodPolicy.Decision("TRACE", false));
        assertThat(override.decide("GET", "DELETE").effectiveMethod()).isEqualTo("GET");
    }
}
