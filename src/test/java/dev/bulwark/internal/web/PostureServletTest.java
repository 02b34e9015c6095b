package dev.bulwark.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostureServletTest {

    @Test
    void theHtmlPathOrABrowsersAcceptGetsThePage() {
        assertThat(PostureServlet.wantsHtml("/app/bulwark/posture.html", null)).isTrue();
        assertThat(PostureServlet.wantsHtml("/app/bulwark/posture.html", "application/json")).isTrue();
        // what Chromium and Firefox send for a page
        assertThat(PostureServlet.wantsHtml("/app/bulwark/posture",
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")).isTrue();
    }

    @Test
    void apiClientsGetJson() {
        assertThat(PostureServlet.wantsHtml("/app/bulwark/posture", null)).isFalse();
        assertThat(PostureServlet.wantsHtml("/app/bulwark/posture", "*/*")).isFalse();
        assertThat(PostureServlet.wantsHtml("/app/bulwark/posture", "application/json")).isFalse();
        assertThat(PostureServlet.wantsHtml("/app/bulwark/posture", "application/json, text/html;q=0.5")).isFalse();
    }
}
