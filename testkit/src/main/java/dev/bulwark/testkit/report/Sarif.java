package dev.bulwark.testkit.report;

import dev.bulwark.testkit.Finding;
import dev.bulwark.testkit.ScanReport;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The report as SARIF 2.1.0, for code-scanning tools (GitHub code scanning, GitLab, Azure DevOps, IDE viewers): one
 * rule per finding rule (OWASP category as tag and help link, {@code security-severity} for ranking), one result
 * per finding located at the handler's source file when the inventory names it (else at the endpoint as a logical
 * location), accepted findings as suppressed results with their reason, and a stable fingerprint per rule and
 * subject so a tool tracks a finding across runs.
 */
public final class Sarif {

    private Sarif() {
    }

    /** The SARIF of a report whose handlers' sources are under {@code src/main/java} of the repository's root. */
    public static String write(ScanReport report, String toolVersion) {
        return write(report, toolVersion, "src/main/java");
    }

    /**
     * The SARIF of a report. {@code sourceRoot} is where the API's Java sources are, relative to the repository root
     * (code-scanning tools resolve locations from there: {@code demo/src/main/java} in a multi-module build). A
     * finding with a handler is located at its class's file; one without (service-wide, or from a document without
     * handlers) at the module's {@code pom.xml} beside that source root, so every result has the physical location
     * GitHub code scanning requires.
     */
    public static String write(ScanReport report, String toolVersion, String sourceRoot) {
        String root = sourceRoot.replace('\\', '/').replaceAll("/+$", "");
        String module = root.endsWith("src/main/java") ? root.substring(0, root.length() - "src/main/java".length())
                : "";
        Map<String, Finding> rules = new LinkedHashMap<>();
        report.findings().forEach(f -> rules.putIfAbsent(f.rule(), f));
        report.accepted().forEach(a -> rules.putIfAbsent(a.finding().rule(), a.finding()));
        JsonArrayBuilder ruleArray = Json.createArrayBuilder();
        Map<String, Integer> index = new LinkedHashMap<>();
        for (Finding f : rules.values()) {
            index.put(f.rule(), index.size());
            ruleArray.add(Json.createObjectBuilder()
                    .add("id", f.rule())
                    .add("name", camel(f.rule()))
                    .add("shortDescription", Json.createObjectBuilder().add("text", f.category().id() + " "
                            + f.category().title() + ": " + f.rule()))
                    .add("helpUri", f.category().url())
                    .add("help", Json.createObjectBuilder().add("text", "See " + f.category().url()))
                    .add("defaultConfiguration", Json.createObjectBuilder().add("level", f.severity().sarifLevel()))
                    .add("properties", Json.createObjectBuilder()
                            .add("tags", Json.createArrayBuilder().add("security").add(f.category().id())
                                    .add("owasp-api-top-10"))
                            .add("security-severity", f.severity().securitySeverity())));
        }
        JsonArrayBuilder results = Json.createArrayBuilder();
        report.findings().forEach(f -> results.add(result(f, index.get(f.rule()), null, root, module)));
        report.accepted().forEach(a -> results.add(result(a.finding(), index.get(a.finding().rule()), a.reason(), root,
                module)));
        JsonObjectBuilder run = Json.createObjectBuilder()
                .add("tool", Json.createObjectBuilder().add("driver", Json.createObjectBuilder()
                        .add("name", "bulwark-testkit")
                        .add("semanticVersion", toolVersion)
                        .add("informationUri", "https://owasp.org/API-Security/editions/2023/en/0x11-t10/")
                        .add("rules", ruleArray)))
                .add("originalUriBaseIds", Json.createObjectBuilder().add("SRCROOT", Json.createObjectBuilder()
                        .add("description", Json.createObjectBuilder().add("text", "the source root of the API"))))
                .add("invocations", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("executionSuccessful", report.notRun().keySet().stream()
                                .noneMatch(k -> ScanReport.failure(report.notRun().get(k))))
                        .add("properties", Json.createObjectBuilder().add("target", report.target())
                                .add("requests", report.requests()))))
                .add("results", results);
        return Json.createObjectBuilder()
                .add("$schema", "https://json.schemastore.org/sarif-2.1.0.json")
                .add("version", "2.1.0")
                .add("runs", Json.createArrayBuilder().add(run))
                .build().toString();
    }

    private static JsonObjectBuilder result(Finding f, int ruleIndex, String suppressedBecause, String root,
                                            String module) {
        JsonObjectBuilder location = Json.createObjectBuilder();
        String uri = module + "pom.xml";
        if (f.handler() != null && f.handler().contains("#")) {
            String type = f.handler().substring(0, f.handler().indexOf('#'));
            String outer = type.contains("$") ? type.substring(0, type.indexOf('$')) : type;
            uri = (root.isEmpty() ? "" : root + "/") + outer.replace('.', '/') + ".java";
        }
        location.add("physicalLocation", Json.createObjectBuilder()
                .add("artifactLocation", Json.createObjectBuilder().add("uri", uri).add("uriBaseId", "SRCROOT"))
                .add("region", Json.createObjectBuilder().add("startLine", 1)));
        location.add("logicalLocations", Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("fullyQualifiedName", f.subject())
                .add("kind", "function")));
        JsonObjectBuilder result = Json.createObjectBuilder()
                .add("ruleId", f.rule())
                .add("ruleIndex", ruleIndex)
                .add("level", f.severity().sarifLevel())
                .add("message", Json.createObjectBuilder().add("text", f.subject() + ": " + f.message()
                        + (f.evidence().isEmpty() ? "" : "\nEvidence: " + f.evidence())))
                .add("locations", Json.createArrayBuilder().add(location))
                .add("partialFingerprints", Json.createObjectBuilder()
                        .add("bulwarkFinding/v1", fingerprint(f.rule() + "|" + f.subject())))
                .add("properties", Json.createObjectBuilder().add("owasp", f.category().id())
                        .add("severity", f.severity().name()).add("check", f.check()));
        if (suppressedBecause != null) {
            result.add("suppressions", Json.createArrayBuilder().add(Json.createObjectBuilder()
                    .add("kind", "external").add("status", "accepted").add("justification", suppressedBecause)));
        }
        return result;
    }

    private static String camel(String rule) {
        StringBuilder out = new StringBuilder();
        boolean up = true;
        for (char c : rule.toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                out.append(up ? Character.toUpperCase(c) : c);
                up = false;
            } else {
                up = true;
            }
        }
        return out.toString();
    }

    private static String fingerprint(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
