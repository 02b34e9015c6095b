package dev.bulwark.testkit.report;

import dev.bulwark.testkit.Finding;
import dev.bulwark.testkit.ScanReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The report as JUnit XML (the Ant/Surefire format CI servers read): one test suite per check, one test case per
 * subject it tested, a failure per open finding (type: the rule, message: category and text), accepted findings as
 * skipped cases with their reason, and each check that could not run as an error case.
 */
public final class JUnitXml {

    private JUnitXml() {
    }

    public static String write(ScanReport report) {
        Map<String, Set<String>> subjects = new LinkedHashMap<>();
        report.tested().forEach(t -> subjects.computeIfAbsent(t.check(), k -> new LinkedHashSet<>()).add(t.subject()));
        report.findings().forEach(f -> subjects.computeIfAbsent(f.check(), k -> new LinkedHashSet<>()).add(f.subject()));
        report.accepted().forEach(a -> subjects.computeIfAbsent(a.finding().check(), k -> new LinkedHashSet<>())
                .add(a.finding().subject()));
        report.notRun().keySet().forEach(k -> subjects.computeIfAbsent(k, x -> new LinkedHashSet<>()));
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        int tests = 0;
        int failures = 0;
        int errors = 0;
        int skipped = 0;
        StringBuilder suites = new StringBuilder();
        for (Map.Entry<String, Set<String>> suite : subjects.entrySet()) {
            String check = suite.getKey();
            StringBuilder cases = new StringBuilder();
            int t = 0;
            int f = 0;
            int e = 0;
            int s = 0;
            for (String subject : suite.getValue()) {
                t++;
                cases.append("    <testcase classname=\"bulwark.").append(attr(check)).append("\" name=\"")
                        .append(attr(subject)).append("\">\n");
                List<Finding> open = report.findingsOf(check, subject);
                for (Finding finding : open) {
                    cases.append("      <failure type=\"").append(attr(finding.rule())).append("\" message=\"")
                            .append(attr(finding.category().id() + " " + finding.severity() + ": "
                                    + finding.message())).append("\">").append(text(finding.evidence()))
                            .append("</failure>\n");
                }
                if (!open.isEmpty()) {
                    f++;
                } else {
                    List<String> reasons = new ArrayList<>();
                    report.accepted().stream().filter(a -> a.finding().check().equals(check)
                            && a.finding().subject().equals(subject)).forEach(a -> reasons.add(a.finding().rule()
                            + ": " + a.reason()));
                    if (!reasons.isEmpty()) {
                        s++;
                        cases.append("      <skipped message=\"").append(attr("accepted: "
                                + String.join("; ", reasons))).append("\"/>\n");
                    }
                }
                cases.append("    </testcase>\n");
            }
            String why = report.notRun().get(check);
            if (why != null) {
                // A check that failed is an error; one with nothing to test here (no users, an http: base) skipped.
                boolean error = ScanReport.failure(why);
                t++;
                if (error) {
                    e++;
                } else {
                    s++;
                }
                cases.append("    <testcase classname=\"bulwark.").append(attr(check)).append("\" name=\"")
                        .append(attr(check)).append(" ran\">\n      <").append(error ? "error" : "skipped")
                        .append(" message=\"").append(attr(why)).append("\"/>\n    </testcase>\n");
            }
            suites.append("  <testsuite name=\"bulwark.").append(attr(check)).append("\" tests=\"").append(t)
                    .append("\" failures=\"").append(f).append("\" errors=\"").append(e).append("\" skipped=\"")
                    .append(s).append("\">\n").append(cases).append("  </testsuite>\n");
            tests += t;
            failures += f;
            errors += e;
            skipped += s;
        }
        xml.append("<testsuites name=\"bulwark-scan\" tests=\"").append(tests).append("\" failures=\"")
                .append(failures).append("\" errors=\"").append(errors).append("\" skipped=\"").append(skipped)
                .append("\" time=\"").append(report.took().toMillis() / 1000.0).append("\">\n").append(suites)
                .append("</testsuites>\n");
        return xml.toString();
    }

    private static String attr(String s) {
        return text(s).replace("\"", "&quot;");
    }

    private static String text(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\n', '\t' -> out.append((char) c);
                case '\r' -> out.append("&#13;");
                default -> {
                    // XML 1.0 forbids other control characters even escaped: shown as U+FFFD.
                    if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
                        out.append('\uFFFD');
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
