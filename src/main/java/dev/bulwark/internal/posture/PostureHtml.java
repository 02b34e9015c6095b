package dev.bulwark.internal.posture;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/**
 * The posture report as one self-contained HTML page: no script, no external resource, one inline style sheet that
 * the page's own Content-Security-Policy allows by its hash ({@link #CONTENT_SECURITY_POLICY}), and every value
 * from the report escaped, so a path template or a setting can never become markup.
 */
public final class PostureHtml {

    private static final String STYLE = "body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}"
            + "table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:4px 8px;"
            + "text-align:left;vertical-align:top}th{background:#f3f3f3}.low{color:#a00;font-weight:bold}"
            + ".mid{color:#a60;font-weight:bold}.high{color:#070;font-weight:bold}.na{color:#666}"
            + "dl{margin:0}dt{font-weight:bold;float:left;clear:left;margin-right:.5em}dd{margin:0}";

    /** The page's policy: nothing loads, nothing frames it, only its own style sheet (by hash) applies. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'sha256-" + sha256(STYLE)
            + "'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private PostureHtml() {
    }

    public static String render(PostureReport report) {
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Bulwark security posture: ").append(escape(report.application())).append("</title>")
                .append("<style>").append(STYLE).append("</style></head><body>\n");
        h.append("<h1>Security posture of ").append(escape(report.application())).append("</h1>\n<p>Generated ")
                .append(escape(report.generated().toString())).append(" by Bulwark, mapped to the OWASP API Security"
                        + " Top 10 (2023). Overall score: ").append(score(report.overall())).append(", ")
                .append(report.findings().size()).append(" findings, ").append(report.endpoints().size())
                .append(" endpoints.</p>\n");
        categories(h, report);
        findings(h, report);
        endpoints(h, report);
        h.append("<h2 id=\"scoring\">How the scores are computed</h2>\n<p>Each category's score is the share of its"
                + " checks that passed, 100 &#215; passed / checked, rounded: one check per endpoint where the category"
                + " applies and one per deployment setting. A category with no check in this deployment has no score."
                + " API6, API7 and API10 are never scored: they depend on business flows and outgoing calls that"
                + " Bulwark does not see. The overall score is the mean of the category scores.</p>\n");
        return h.append("</body></html>\n").toString();
    }

    private static void categories(StringBuilder h, PostureReport report) {
        h.append("<h2 id=\"categories\">OWASP API Top 10 categories</h2>\n<table id=\"category-table\"><thead><tr>"
                + "<th>Category</th><th>Score</th><th>Checks passed</th><th>Findings</th></tr></thead><tbody>\n");
        for (PostureReport.CategoryScore s : report.scores()) {
            h.append("<tr id=\"").append(s.category().name()).append("\"><td>").append(link(report,
                    s.category().docs(), s.category().label())).append("</td><td>");
            if (s.score() != null) {
                h.append(score(s.score()));
            } else {
                h.append("<span class=\"na\">").append(s.category().judged() ? "not applicable"
                        : "not judged by Bulwark").append("</span>");
            }
            h.append("</td><td>").append(s.passed()).append(" of ").append(s.checked()).append("</td><td>")
                    .append(s.findings().size()).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    private static void findings(StringBuilder h, PostureReport report) {
        h.append("<h2 id=\"findings\">Findings (").append(report.findings().size()).append(")</h2>\n");
        if (report.findings().isEmpty()) {
            h.append("<p>None.</p>\n");
            return;
        }
        h.append("<table id=\"finding-table\"><thead><tr><th>Category</th><th>Where</th><th>Finding</th>"
                + "<th>How to fix it</th></tr></thead><tbody>\n");
        for (PostureCheck f : report.findings()) {
            h.append("<tr class=\"finding\"><td>").append(f.category().name()).append("</td><td>")
                    .append(escape(f.where())).append("</td><td>").append(escape(f.text())).append("</td><td>")
                    .append(link(report, f.docs(), f.docs())).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    private static void endpoints(StringBuilder h, PostureReport report) {
        h.append("<h2 id=\"endpoints\">Endpoints (").append(report.endpoints().size()).append(")</h2>\n")
                .append("<table id=\"endpoint-table\"><thead><tr><th>Method</th><th>Path</th><th>Protections</th>"
                        + "<th>Handler</th></tr></thead><tbody>\n");
        for (PostureReport.EndpointRow row : report.endpoints()) {
            h.append("<tr class=\"endpoint\"><td>").append(escape(row.method())).append("</td><td>")
                    .append(escape(row.path())).append("</td><td><dl>");
            for (Map.Entry<String, String> p : row.protections().entrySet()) {
                h.append("<dt>").append(escape(p.getKey())).append("</dt><dd>").append(escape(p.getValue()))
                        .append("</dd>");
            }
            h.append("</dl></td><td>").append(escape(row.handler())).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    private static String link(PostureReport report, String docs, String text) {
        String target = report.link(docs);
        boolean web = target.startsWith("https://") || target.startsWith("http://");
        return web ? "<a href=\"" + escape(target) + "\">" + escape(text) + "</a>"
                : escape(text) + (text.equals(docs) ? "" : " (" + escape(docs) + ")");
    }

    private static String score(Integer score) {
        if (score == null) {
            return "<span class=\"na\">none</span>";
        }
        String level = score < 50 ? "low" : score < 80 ? "mid" : "high";
        return "<span class=\"" + level + "\">" + score + "</span>";
    }

    /** Text for an element or a quoted attribute: the five characters HTML gives meaning, as references. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
            }
        }
        return out.toString();
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
