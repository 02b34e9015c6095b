package dev.bulwark.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.testkit.HeadlessChromium;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The demo's posture report as an admin sees it: the page the demo serves, loaded with an admin token in a real
 * browser (Debian's Chromium, headless), shows the demo's endpoints and findings. The JSON, and that it equals the
 * report the build made from the WAR, are DemoIT's.
 */
class DemoPostureIT {

    @Test
    void headlessChromiumRendersTheDemosPostureReport() throws Exception {
        try (HeadlessChromium browser = HeadlessChromium.start()) {
            HeadlessChromium.Page page = browser.load(DemoIT.HTTPS + "/bulwark/posture.html",
                    Map.of("Authorization", "Bearer " + DemoIT.token("root", "admin")));
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.dom()).contains("API1:2023 Broken Object Level").contains("/api/v1/orders/{id}")
                    .contains("/api/v2/customers/directory").contains("not judged by Bulwark");
            assertThat(browser.evaluate("String(document.querySelectorAll('#endpoint-table tr.endpoint').length)"))
                    .isEqualTo("20");
            assertThat(Integer.parseInt(browser.evaluate(
                    "String(document.querySelectorAll('#finding-table tr.finding').length)"))).isPositive();

            HeadlessChromium.Page customer = browser.load(DemoIT.HTTPS + "/bulwark/posture.html",
                    Map.of("Authorization", "Bearer " + DemoIT.token("alice", "customer")));
            assertThat(customer.status()).isEqualTo(403);
            assertThat(customer.dom()).doesNotContain("/api/v1/orders").doesNotContain("API1:2023");
        }
    }
}
