package dev.bulwark.internal.posture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PostureHtmlTest {

    private static final String HOSTILE = "/api/<script>alert(1)</script>/\"onmouseover='x'&";

    private static PostureReport hostile() {
        return new PostureReport("/app<img src=x onerror=alert(1)>", Instant.parse("2026-12-01T10:00:00Z"),
                List.of(new PostureReport.EndpointRow("GET", HOSTILE, "com.example.R#<b>m</b>",
                        Map.of("access<i>", "roles(<admin>)"))),
                List.of(PostureCheck.fail(OwaspCategory.API1, "GET " + HOSTILE, "an id <u>without</u> a check", null),
                        PostureCheck.pass(OwaspCategory.API2, "bulwark.transport.https-only", "HTTPS only", null)),
                "https://docs.example/\"><script>x</script>/");
    }

    @Test
    void everyValueFromTheReportIsEscaped() {
        String html = PostureHtml.render(hostile());
        assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("<b>")
                .doesNotContain("<i>").doesNotContain("<u>").doesNotContain("onmouseover='")
                .doesNotContain("\"onmouseover");
        assertThat(html).contains("/api/&lt;script&gt;alert(1)&lt;/script&gt;/&quot;onmouseover=&#39;x&#39;&amp;")
                .contains("roles(&lt;admin&gt;)").contains("an id &lt;u&gt;without&lt;/u&gt; a check")
                .contains("href=\"https://docs.example/&quot;&gt;&lt;script&gt;x&lt;/script&gt;/docs/");
    }

    @Test
    void thePageHasNoScriptNoExternalResourceAndItsStyleMatchesItsPolicy() throws Exception {
        String html = PostureHtml.render(hostile());
        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContain(" src=\"").doesNotContain("<link")
                .doesNotContain("style=\"");
        Matcher style = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(html);
        assertThat(style.find()).isTrue();
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(style.group(1).getBytes(StandardCharsets.UTF_8)));
        assertThat(PostureHtml.CONTENT_SECURITY_POLICY).contains("default-src 'none'")
                .contains("style-src 'sha256-" + hash + "'").contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline").doesNotContain("script-src");
        assertThat(style.find()).as("one style sheet only").isFalse();
    }

    @Test
    void thePageShowsCategoriesFindingsAndEndpoints() {
        String html = PostureHtml.render(hostile());
        assertThat(html).contains("<tr id=\"API1\">").contains("API7:2023 Server Side Request Forgery")
                .contains("not judged by Bulwark").contains("Findings (1)").contains("Endpoints (1)")
                .contains("<tr class=\"finding\">").contains("<tr class=\"endpoint\">")
                .contains("How the scores are computed");
        // API1 has one failed check of one: score 0
        assertThat(html).containsPattern("<tr id=\"API1\">.*<span class=\"low\">0</span>");
    }
}
