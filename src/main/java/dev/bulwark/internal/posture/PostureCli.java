package dev.bulwark.internal.posture;

import dev.bulwark.internal.controls.ConfigLoader;
import dev.bulwark.internal.controls.Controls;
import dev.bulwark.internal.pipeline.EndpointModel;
import dev.bulwark.internal.resources.WarScan;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The posture report of a built WAR, before deployment: the same endpoint model and settings checks a server
 * builds, from the WAR's classes and its packaged {@code microprofile-config.properties}. Needs the Bulwark jar and
 * the Jakarta EE 10 and MicroProfile 6.1 APIs on the class path:
 * <pre>
 * java -cp bulwark.jar:jakarta.jakartaee-api.jar:microprofile-*.jar dev.bulwark.internal.posture.PostureCli \
 *      app.war --json posture.json --html posture.html --fail-above 20 --fail-on API1,API5
 * </pre>
 * Exit status: 0 the report is within the thresholds, 1 it breaks one (each named on standard error), 2 the WAR
 * cannot be read or would not deploy (bad settings or annotations, named), or the options are wrong.
 */
public final class PostureCli {

    private PostureCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, Clock.systemUTC()));
    }

    /** Runs the tool; returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err, Clock clock) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("posture: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try (WarScan war = WarScan.open(options.war, PostureCli.class.getClassLoader())) {
            Map<String, String> properties = new HashMap<>();
            war.properties().forEach((k, v) -> properties.put(k.toString(), v.toString()));
            properties.putAll(options.properties);
            ConfigLoader.Result config = ConfigLoader.load(key -> Optional.ofNullable(properties.get(key)),
                    properties.keySet());
            if (!config.ok()) {
                err.println("posture: " + options.war + " would not deploy: " + String.join("; ",
                        config.problems().stream().map(dev.bulwark.internal.config.ConfigProblem::message).toList()));
                return 2;
            }
            EndpointModel model = EndpointModel.build(new Controls(config.config()).resolvers(),
                    war.sites(options.contextRoot));
            if (!model.problems().isEmpty()) {
                err.println("posture: " + options.war + " would not deploy: " + String.join("; ", model.problems()));
                return 2;
            }
            PostureReport report = PostureReport.assess(options.war.getFileName().toString(), options.contextRoot,
                    model.policies(), config.config(), clock.instant(), options.docsBase, policy -> List.of());
            write(options.json, report.json());
            write(options.html, PostureHtml.render(report));
            out.println(summary(report));
            List<String> violations = options.gate.violations(report);
            violations.forEach(v -> err.println("posture: FAILED: " + v));
            return violations.isEmpty() ? 0 : 1;
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            err.println("posture: cannot read or write: " + e.getMessage());
            return 2;
        }
    }

    private static void write(Path file, String text) throws java.io.IOException {
        if (file != null) {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
    }

    /** "Posture of app.war: 20 endpoints, 16 findings, overall 71" and one line per category. */
    static String summary(PostureReport report) {
        StringBuilder s = new StringBuilder("Bulwark posture of " + report.application() + ": "
                + report.endpoints().size() + " endpoints, " + report.findings().size() + " findings, overall score "
                + (report.overall() == null ? "none" : report.overall()) + "\n");
        for (PostureReport.CategoryScore c : report.scores()) {
            s.append(String.format("  %-6s %-5s %s%n", c.category().name(), c.score() == null
                    ? (c.category().judged() ? "n/a" : "-") : c.score(), c.category().title()
                    + (c.findings().isEmpty() ? "" : " (" + c.findings().size() + " findings)")
                    + (c.category().judged() ? "" : " (not judged by Bulwark)")));
        }
        return s.toString().stripTrailing();
    }

    static final String USAGE = "usage: PostureCli <app.war> [--json FILE] [--html FILE] [--context-root /path]"
            + " [--docs-base URI] [--property key=value]... [--fail-above N] [--fail-on API1,API5]"
            + " [--min-score N]";

    /** The parsed command line. */
    private record Options(Path war, Path json, Path html, String contextRoot, String docsBase,
                           Map<String, String> properties, PostureGate gate) {

        static Options parse(String[] args) {
            Path war = null;
            Path json = null;
            Path html = null;
            String context = "";
            String docs = null;
            Map<String, String> properties = new HashMap<>();
            int maxFindings = -1;
            int minScore = -1;
            Set<OwaspCategory> failOn = EnumSet.noneOf(OwaspCategory.class);
            List<String> rest = new ArrayList<>(List.of(args));
            while (!rest.isEmpty()) {
                String a = rest.remove(0);
                if (!a.startsWith("--")) {
                    if (war != null) {
                        throw new IllegalArgumentException("one WAR only: " + a);
                    }
                    war = Path.of(a);
                    continue;
                }
                if (rest.isEmpty()) {
                    throw new IllegalArgumentException(a + " needs a value");
                }
                String v = rest.remove(0);
                switch (a) {
                    case "--json" -> json = Path.of(v);
                    case "--html" -> html = Path.of(v);
                    case "--context-root" -> context = v.equals("/") ? "" : v;
                    case "--docs-base" -> docs = v;
                    case "--property" -> {
                        int eq = v.indexOf('=');
                        if (eq < 1) {
                            throw new IllegalArgumentException("--property takes key=value: " + v);
                        }
                        properties.put(v.substring(0, eq), v.substring(eq + 1));
                    }
                    case "--fail-above" -> maxFindings = number(a, v);
                    case "--min-score" -> minScore = number(a, v);
                    case "--fail-on" -> {
                        for (String c : v.split(",")) {
                            failOn.add(OwaspCategory.parse(c));
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            if (war == null) {
                throw new IllegalArgumentException("no WAR given");
            }
            if (!Files.isRegularFile(war)) {
                throw new IllegalArgumentException("no such file: " + war);
            }
            return new Options(war, json, html, context, docs, properties, new PostureGate(maxFindings, failOn,
                    minScore));
        }

        private static int number(String option, String value) {
            try {
                int n = Integer.parseInt(value);
                if (n >= 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(option + " takes a number from 0: " + value);
        }
    }
}
