package dev.bulwark.testkit;

import dev.bulwark.testkit.report.Reports;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The kit's command line: {@code java -jar bulwark-testkit-all.jar scan --base-url https://host:9443 ...}. Writes
 * the summary to standard output and the three reports to {@code --out}; exits 0 when no open finding reaches
 * {@code --fail-on}, 1 when one does, 2 when the scan could not run as asked (bad option, unreadable inventory, a
 * check that failed).
 */
public final class Main {

    static final String USAGE = """
            Usage: java -jar bulwark-testkit-all.jar scan --base-url https://host:port [options]
              Target
                --base-url URL            the API's origin (required)
                --http-url URL            its plain-HTTP origin, for the HTTPS-only check
                --inventory LOC           Bulwark's inventory: a path under the base URL (/ctx/bulwark/inventory),
                                          a URL or a file
                --openapi LOC             the OpenAPI 3 document (JSON; /openapi is asked for JSON), same forms
                --include PREFIX          only endpoints under this path (repeatable)
                --reviewed-inventory FILE the inventory (or posture report JSON) as last reviewed: endpoints whose
                                          access got weaker since, or are new, are findings
              Callers (tokens from the environment keep them out of the process list)
                --user1-token T | env BULWARK_KIT_USER1_TOKEN   an ordinary user
                --user2-token T | env BULWARK_KIT_USER2_TOKEN   another ordinary user
                --admin-token T | env BULWARK_KIT_ADMIN_TOKEN   an admin (optional)
                --mint-key FILE           or: the test environment's RSA private key (PKCS#8 PEM) to mint tokens
                --issuer ISS --audience AUD --user-groups G1,G2 [--user-scope "S1 S2"]
                [--admin-groups G] [--admin-scope S] [--user1-subject S1 --user2-subject S2]
                                          (existing users of the test environment: BOLA needs their objects)
              Safety
                --rate N                  requests per second (default 20)
                --max-requests N          the scan's request budget (default 5000)
                --allow-destructive       also send DELETE (off: never)
                --timeout-seconds N       per request (default 15)
                --insecure                trust any certificate (test environments only)
                --trust-cert FILE         trust this PEM certificate besides the JDK's
              Checks
                --checks a,b              only these (discovery, drift, jwt, bfla, bola, mass-assignment, exposure,
                                          errors, injection, cors, transport, headers, rate-limit)
                --skip a,b                all but these
                --rate-limit-probe N      send up to N requests to reach a 429 and try bypasses (default 0: off)
              Results
                --out DIR                 reports directory (default target/bulwark-scan)
                --source-root PATH        the API's Java sources from the repository root, for SARIF locations
                                          (default src/main/java; demo/src/main/java in a multi-module build)
                --fail-on LEVEL           low | medium | high | critical | never (default low)
                --accepted FILE           accepted findings, one per line: RULE | SUBJECT-PREFIX | REASON
            """;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** Runs the command line; returns the exit status. */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        List<String> a = new ArrayList<>(Arrays.asList(args));
        if (a.isEmpty() || a.contains("--help") || a.contains("-h")) {
            out.print(USAGE);
            return a.isEmpty() ? 2 : 0;
        }
        if (!a.get(0).equals("scan")) {
            err.println("unknown command " + a.get(0) + " (the command is: scan)");
            err.print(USAGE);
            return 2;
        }
        a.remove(0);
        ScanSettings settings;
        Severity failOn;
        try {
            Options o = new Options(a);
            String base = o.required("--base-url");
            ScanSettings.Builder b = ScanSettings.builder(base)
                    .httpUrl(o.value("--http-url"))
                    .inventory(o.value("--inventory"))
                    .openApi(o.value("--openapi"))
                    .allowDestructive(o.flag("--allow-destructive"))
                    .insecureTls(o.flag("--insecure"))
                    .outputDirectory(Path.of(o.value("--out", "target/bulwark-scan")))
                    .sourceRoot(o.value("--source-root", "src/main/java"))
                    .reviewedInventory(o.value("--reviewed-inventory"));
            o.values("--include").forEach(b::include);
            String rate = o.value("--rate");
            if (rate != null) {
                b.requestsPerSecond(number("--rate", rate, Double::parseDouble));
            }
            String max = o.value("--max-requests");
            if (max != null) {
                b.maxRequests(number("--max-requests", max, Integer::parseInt));
            }
            String timeout = o.value("--timeout-seconds");
            if (timeout != null) {
                b.timeout(Duration.ofSeconds(number("--timeout-seconds", timeout, Long::parseLong)));
            }
            String trust = o.value("--trust-cert");
            if (trust != null) {
                b.trustedCertificate(Path.of(trust));
            }
            String key = o.value("--mint-key");
            if (key != null) {
                b.mint(new ScanSettings.Minting(Path.of(key), o.required("--issuer"), o.required("--audience"),
                        list(o.value("--user-groups", "")), o.value("--user-scope", ""),
                        list(o.value("--admin-groups", "")), o.value("--admin-scope", ""),
                        o.value("--user1-subject"), o.value("--user2-subject")));
            } else {
                b.user1Token(o.value("--user1-token", env.get("BULWARK_KIT_USER1_TOKEN")))
                        .user2Token(o.value("--user2-token", env.get("BULWARK_KIT_USER2_TOKEN")))
                        .adminToken(o.value("--admin-token", env.get("BULWARK_KIT_ADMIN_TOKEN")));
            }
            String checks = o.value("--checks");
            if (checks != null) {
                List<String> only = new ArrayList<>(list(checks));
                if (!only.contains("discovery")) {
                    only.add(0, "discovery");
                }
                b.checks(only);
            }
            for (String skip : list(o.value("--skip", ""))) {
                if (!ScanSettings.ALL_CHECKS.contains(skip)) {
                    throw new IllegalArgumentException("unknown check " + skip + "; known: " + ScanSettings.ALL_CHECKS);
                }
                if (skip.equals("discovery")) {
                    throw new IllegalArgumentException("discovery cannot be skipped: the other checks use what it saw");
                }
                b.skip(skip);
            }
            String probe = o.value("--rate-limit-probe");
            if (probe != null) {
                b.rateLimitProbe(number("--rate-limit-probe", probe, Integer::parseInt));
            }
            String accepted = o.value("--accepted");
            if (accepted != null) {
                accepted(Path.of(accepted), b);
            }
            String failOnValue = o.value("--fail-on", "low");
            String level = failOnValue.toUpperCase(Locale.ROOT);
            if (!List.of("LOW", "MEDIUM", "HIGH", "CRITICAL", "NEVER").contains(level)) {
                throw new IllegalArgumentException("--fail-on must be low, medium, high, critical or never, not "
                        + failOnValue);
            }
            failOn = level.equals("NEVER") ? null : Severity.valueOf(level);
            o.noneLeft();
            settings = b.build();
        } catch (java.nio.file.NoSuchFileException e) {
            err.println("bulwark-testkit: no such file: " + e.getMessage());
            err.println("(run with --help for the options)");
            return 2;
        } catch (IllegalArgumentException | IOException e) {
            err.println("bulwark-testkit: " + e.getMessage());
            err.println("(run with --help for the options)");
            return 2;
        }
        try {
            ScanReport report = SecurityScan.run(settings);
            Reports.write(report, settings.outputDirectory(), settings.sourceRoot());
            out.print(report.summary());
            out.println("Reports: " + settings.outputDirectory().toAbsolutePath());
            boolean failedCheck = report.incomplete();
            if (failedCheck) {
                return 2;
            }
            return failOn == null || report.passes(failOn) ? 0 : 1;
        } catch (SecurityScan.ScanException | IOException e) {
            err.println("bulwark-testkit: " + e.getMessage());
            return 2;
        }
    }

    /** Reads accepted findings: {@code RULE | SUBJECT-PREFIX | REASON} per line, {@code #} comments. */
    static void accepted(Path file, ScanSettings.Builder b) throws IOException {
        int n = 0;
        for (String line : Files.readAllLines(file)) {
            n++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] parts = t.split("\\s*\\|\\s*", 3);
            if (parts.length != 3 || parts[2].isBlank()) {
                throw new IllegalArgumentException(file + " line " + n + ": expected RULE | SUBJECT-PREFIX | REASON");
            }
            b.accept(parts[0], parts[1], parts[2]);
        }
    }

    private static <T> T number(String option, String value, java.util.function.Function<String, T> parse) {
        try {
            return parse.apply(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, not " + value, e);
        }
    }

    private static List<String> list(String s) {
        return s == null || s.isBlank() ? List.of()
                : Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }

    /** The options after the command: {@code --name value} pairs and flags; each read once. */
    private static final class Options {
        private static final List<String> FLAGS = List.of("--allow-destructive", "--insecure");
        private final List<String> args;

        Options(List<String> args) {
            this.args = new ArrayList<>(args);
        }

        boolean flag(String name) {
            return args.remove(name);
        }

        String value(String name) {
            int i = args.indexOf(name);
            if (i < 0) {
                return null;
            }
            if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String v = args.get(i + 1);
            args.remove(i + 1);
            args.remove(i);
            return v;
        }

        String value(String name, String fallback) {
            String v = value(name);
            return v == null ? fallback : v;
        }

        List<String> values(String name) {
            List<String> out = new ArrayList<>();
            for (String v = value(name); v != null; v = value(name)) {
                out.add(v);
            }
            return out;
        }

        String required(String name) {
            String v = value(name);
            if (v == null) {
                throw new IllegalArgumentException(name + " is required");
            }
            return v;
        }

        void noneLeft() {
            args.removeIf(FLAGS::contains);
            if (!args.isEmpty()) {
                throw new IllegalArgumentException("unknown option(s): " + String.join(" ", args));
            }
        }
    }
}
