package dev.bulwark.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.bulwark.demo.ScanFindings.Finding;
import dev.bulwark.devtools.DevTls;
import dev.bulwark.testkit.DebianPackages;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Real DAST scanners from Debian against the running demo (docs/security-testing.md#scanners-in-ci): testssl.sh,
 * sqlmap, wapiti and ffuf, each installed with apt-get when missing (skipped, saying so, where that cannot be done).
 * Each scan's machine-readable report is kept under {@code demo/target/scanners/} and read here: every finding fails
 * the test unless {@code demo/src/test/scanners/accepted-findings.txt} accepts it with a reason. The demo keeps its
 * own rate limits (the posture report DemoIT compares is made from the WAR's settings); only loopback is exempt from
 * the address refusal budget on the test server (demo/pom.xml), so each scan uses callers of its own and is paced
 * within their budgets. Each test proves its scan reached the application: request counts and statuses from the
 * scanner's report, and no throttled request nor 5xx in the demo's log while it ran.
 */
@Tag("scanners") // run by the demo's own failsafe execution (demo/pom.xml, id scanners), after the other demo tests
@Execution(ExecutionMode.CONCURRENT) // the four at once, where JUnit's parallel execution is on (that execution)
class DemoScannersIT {

    private static final Path SOURCES = Path.of(System.getProperty("demo.scanners.dir", "src/test/scanners"));
    private static final Path REPORTS = Path.of(System.getProperty("demo.scanners.reports", "target/scanners"));
    private static final Path SERVER_LOG = Path.of(System.getProperty("demo.server.log",
            "../target/liberty/wlp/usr/servers/bulwarkDemo/logs/messages.log"));
    private static final URI BASE = URI.create(DemoIT.HTTPS);
    private static final Duration SCAN_TIMEOUT = Duration.ofMinutes(4);
    /** What the demo logs when it throttles or fails a request: a scan that met these did not see the application. */
    private static final Pattern THROTTLED_OR_FAILED = Pattern.compile(
            "spent its refusal budget|\\] (429|5\\d\\d) for |with 429 in the last");
    private static final HttpClient CLIENT = HttpClient.newBuilder().sslContext(DevTls.trustAllContext())
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static ScanFindings accepted;

    @BeforeAll
    static void readAcceptedFindings() throws IOException {
        accepted = ScanFindings.read(SOURCES.resolve("accepted-findings.txt"));
        Files.createDirectories(REPORTS);
        assertThat(SERVER_LOG).as("the demo server's log (system property demo.server.log)").isRegularFile();
    }

    @Test
    void testsslFindsNoWeakProtocolCipherOrHeader() throws Exception {
        String testssl = DebianPackages.require("testssl.sh", "testssl", "testssl.sh");
        Path json = REPORTS.resolve("testssl.json");
        long log = logSize();
        long started = System.nanoTime();
        Map<String, JsonObject> entries = testssl(testssl, json, List.of());
        // a check that could not connect, or that got no answer it could read twice alike (testssl.sh's ticketbleed:
        // "test failed, non reproducible results", on a busy 2-core build machine), is asked once more, with the
        // server-defaults checks (and the ticketbleed check) it belongs to; one that fails again stays a finding
        List<String> unconnected = entries.values().stream().filter(e -> e.getString("finding")
                .contains("connect problem") || e.getString("finding").startsWith("test failed"))
                .map(e -> e.getString("id")).toList();
        if (!unconnected.isEmpty()) {
            List<String> checks = new ArrayList<>(List.of("-S"));
            if (unconnected.contains("ticketbleed")) {
                checks.add("--ticketbleed");
            }
            Map<String, JsonObject> again = testssl(testssl, REPORTS.resolve("testssl-again.json"), checks);
            unconnected.stream().filter(again::containsKey).forEach(id -> entries.put(id, again.get(id)));
        }
        took("testssl", started);

        assertThat(entries).as("testssl.sh ran its checks to the end (" + json + ")").containsKey("scanTime")
                .hasSizeGreaterThan(100);
        for (String old : List.of("SSLv2", "SSLv3", "TLS1", "TLS1_1")) {
            assertThat(entries.get(old).getString("finding")).as(old).isEqualTo("not offered");
        }
        for (String current : List.of("TLS1_2", "TLS1_3")) {
            assertThat(entries.get(current).getString("finding")).as(current).startsWith("offered");
        }
        assertThat(entries.get("HSTS_time").getString("severity")).isEqualTo("OK");
        List<Finding> findings = entries.values().stream()
                .filter(e -> !List.of("OK", "INFO").contains(e.getString("severity")))
                .map(e -> new Finding("testssl", e.getString("id"), e.getString("finding"))).toList();
        assertNoUnacceptedFinding(findings, json);
        assertNotThrottled(log, "testssl.sh");
    }

    /** One testssl.sh run (all its default checks, or those {@code checks} name): its JSON entries by id. */
    private static Map<String, JsonObject> testssl(String testssl, Path json, List<String> checks) throws Exception {
        Files.deleteIfExists(json);
        List<String> command = new ArrayList<>(List.of(testssl, "--quiet", "--warnings", "off", "--color", "0",
                "--ip", "127.0.0.1", "--jsonfile", json.toString()));
        command.addAll(checks);
        command.add(BASE.getHost() + ":" + BASE.getPort());
        run(Path.of(json.toString().replaceFirst("\\.json$", ".log")), command);
        Map<String, JsonObject> entries = new LinkedHashMap<>();
        readJson(json).asJsonArray().getValuesAs(JsonObject.class).forEach(e -> entries.put(e.getString("id"), e));
        return entries;
    }

    /**
     * Every parameter the demo takes (path, query, JSON body), each in a sqlmap of its own with a caller of its own
     * (the refusal budget is per caller: 60 refused requests at once, then one a second), paced at two requests a
     * second: a parameter's ~75 requests, most of them refused as malformed, stay within that caller's budget.
     */
    @Test
    void sqlmapFindsNoInjectableParameter() throws Exception {
        String sqlmap = DebianPackages.require("sqlmap", "sqlmap");
        String admin = DemoIT.token("scan-sqlmap-admin", "admin");
        for (String id : List.of("scan-me-name", "scan-me-email")) {
            HttpResponse<String> created = call("POST", "/api/v1/customers", admin, "{\"id\":\"" + id
                    + "\",\"name\":\"Scan " + id + "\",\"email\":\"" + id + "@example.com\"}");
            assertThat(created.statusCode()).as(created.body()).isIn(201, 409);
        }
        String owner = DemoIT.token("scan-order-path", "customer");
        HttpResponse<String> order = call("POST", "/api/v1/orders", owner, "{\"item\":\"ink\",\"quantity\":1}");
        assertThat(order.statusCode()).isEqualTo(201);
        long orderId = Json.createReader(new StringReader(order.body())).readObject().getJsonNumber("id").longValue();

        List<SqlTarget> targets = List.of(
                new SqlTarget("order-id-path", owner, "GET", "/api/v1/orders/" + orderId + "*", null, null),
                new SqlTarget("customer-id-path", DemoIT.token("scan-customer-path", "admin"), "GET",
                        "/api/v1/customers/scan-me-name*", null, null),
                new SqlTarget("orders-query", DemoIT.token("scan-orders-query", "customer"), "GET",
                        "/api/v1/orders?item=ink", null, "item"),
                new SqlTarget("order-item", DemoIT.token("scan-order-item", "customer"), "POST", "/api/v1/orders",
                        "{\"item\":\"ink\",\"quantity\":3}", "item"),
                new SqlTarget("order-quantity", DemoIT.token("scan-order-quantity", "customer"), "POST",
                        "/api/v1/orders", "{\"item\":\"ink\",\"quantity\":3}", "quantity"),
                customerTarget("id"), customerTarget("name"), customerTarget("email"),
                new SqlTarget("me-name", DemoIT.token("scan-me-name", "customer"), "PUT", "/api/v1/customers/me",
                        "{\"name\":\"Scan Name\",\"email\":\"scan-me-name@example.com\"}", "name"),
                new SqlTarget("me-email", DemoIT.token("scan-me-email", "customer"), "PUT", "/api/v1/customers/me",
                        "{\"name\":\"Scan Email\",\"email\":\"scan-me-email@example.com\"}", "email"));

        long log = logSize();
        long started = System.nanoTime();
        Map<SqlTarget, Process> running = new LinkedHashMap<>();
        for (SqlTarget target : targets) {
            Path dir = REPORTS.resolve("sqlmap").resolve(target.name());
            deleteTree(dir);
            Files.createDirectories(dir);
            running.put(target, start(dir.resolve("sqlmap.log"), target.command(sqlmap, dir)));
        }
        for (Process p : running.values()) {
            awaitScan(p);
        }
        took("sqlmap (" + targets.size() + " parameters at once)", started);

        List<Finding> findings = new ArrayList<>();
        for (SqlTarget target : targets) {
            Path dir = REPORTS.resolve("sqlmap").resolve(target.name());
            String output = Files.readString(dir.resolve("sqlmap.log"));
            Map<Integer, Integer> statuses = sqlmapStatuses(dir.resolve("traffic.txt"));
            int requests = statuses.values().stream().mapToInt(Integer::intValue).sum();
            assertThat(requests).as(target.name() + ": sqlmap's requests (" + dir + "/traffic.txt)")
                    .isGreaterThan(40);
            assertThat(statuses.keySet()).as(target.name() + ": statuses the demo answered sqlmap with " + statuses)
                    .doesNotContain(429).containsAnyOf(200, 201);
            statuses.keySet().stream().filter(s -> s >= 500).forEach(s -> findings.add(new Finding("sqlmap",
                    target.name(), "answered " + s + " " + statuses.get(s) + " times")));
            assertThat(output).as(target.name() + ": sqlmap's verdict (" + dir + "/sqlmap.log)")
                    .contains("do not appear to be injectable");
            for (String line : resultRows(dir)) {
                findings.add(new Finding("sqlmap", target.name(), "injectable: " + line));
            }
        }
        assertNoUnacceptedFinding(findings, REPORTS.resolve("sqlmap"));
        assertNotThrottled(log, "sqlmap");
    }

    /**
     * wapiti 3.0.4 reads no JSON bodies and no OpenAPI document: it attacks what it can see, the query string, the
     * headers and methods of the demo's GET endpoints (given as start URLs, with a customer's token), with the
     * modules that need no outside service; bounded in time, it takes seconds.
     */
    @Test
    void wapitiFindsNothingButTheAcceptedFindings() throws Exception {
        String wapiti = DebianPackages.require("wapiti", "wapiti");
        Path dir = REPORTS.resolve("wapiti");
        deleteTree(dir);
        Files.createDirectories(dir);
        Path report = dir.resolve("report.json");
        List<String> command = new ArrayList<>(List.of(wapiti, "-u", BASE + "/", "--scope", "domain",
                "-H", "Authorization: Bearer " + DemoIT.token("scan-wapiti", "customer"),
                "-m", "sql,blindsql,exec,file,crlf,redirect,xss,permanentxss,http_headers,csp,cookieflags,methods,"
                        + "htaccess,backup,shellshock",
                "--max-scan-time", "150", "--max-attack-time", "60", "-t", "10", "--flush-session",
                "--store-session", dir.resolve("session").toString(), "--store-config", dir.resolve("config")
                        .toString(), "-f", "json", "-o", report.toString(), "-v", "2", "--no-bugreport"));
        for (String path : List.of("/api/v1/status", "/api/v1/orders?item=ink", "/api/v1/orders", "/api/v1/customers/me",
                "/api/v1/customers/directory", "/api/v2/orders?item=ink", "/bulwark/versions")) {
            command.addAll(List.of("-s", BASE + path));
        }
        long log = logSize();
        long started = System.nanoTime();
        run(dir.resolve("wapiti.log"), command);
        took("wapiti", started);

        // -v 2 prints each attack request as "[¨] GET url" (crawled pages: "[+] GET url")
        Pattern attack = Pattern.compile("^\\[[^+*\\]]+\\] GET " + Pattern.quote(BASE.toString()));
        long attacks = Files.readString(dir.resolve("wapiti.log"), StandardCharsets.ISO_8859_1).lines()
                .filter(l -> attack.matcher(l).find()).count();
        assertThat(attacks).as("wapiti's attack requests (" + dir + "/wapiti.log)").isGreaterThan(200);
        JsonObject json = readJson(report).asJsonObject();
        List<Finding> findings = new ArrayList<>();
        for (String section : List.of("vulnerabilities", "anomalies")) {
            json.getJsonObject(section).forEach((category, list) -> list.asJsonArray().getValuesAs(JsonObject.class)
                    .forEach(v -> findings.add(new Finding("wapiti", category, v.getString("info")))));
        }
        assertNoUnacceptedFinding(findings, report);
        assertNotThrottled(log, "wapiti");
    }

    /** The committed wordlist against / and /api/v1/, anonymous and with a customer's token. */
    @Test
    void ffufFindsNothingServedBeyondTheExpectedPaths() throws Exception {
        String ffuf = DebianPackages.require("ffuf", "ffuf");
        Path wordlist = SOURCES.resolve("api-wordlist.txt");
        List<String> wordsListed = Files.readAllLines(wordlist).stream().filter(l -> !l.isBlank()).toList();
        long words = wordsListed.size();
        String customer = DemoIT.token("scan-ffuf", "customer");
        record Run(String name, String caller, String token, String prefix) {
        }
        List<Run> runs = List.of(new Run("root-anonymous", "anonymous", null, "/"),
                new Run("api-anonymous", "anonymous", null, "/api/v1/"),
                new Run("api-customer", "customer", customer, "/api/v1/"));
        long log = logSize();
        long started = System.nanoTime();
        List<Finding> findings = new ArrayList<>();
        for (Run r : runs) {
            Path json = REPORTS.resolve("ffuf-" + r.name() + ".json");
            List<JsonObject> results = new ArrayList<>(ffuf(ffuf, r.name(), wordlist, r.prefix(), r.token()));
            // ffuf has no retries: a word whose request failed in transport (a timeout on a loaded CI host) is
            // missing from the report. Those words get one more ffuf run of their own; a word that fails twice,
            // or a path that never answers, still fails the test below.
            Set<String> answered = results.stream().map(o -> o.getJsonObject("input").getString("FUZZ"))
                    .collect(Collectors.toSet());
            List<String> missing = wordsListed.stream().filter(w -> !answered.contains(w)).toList();
            if (!missing.isEmpty()) {
                System.out.printf("DemoScannersIT: ffuf %s had no answer for %s; asking those again%n", r.name(),
                        missing);
                Path again = REPORTS.resolve("ffuf-" + r.name() + "-again.txt");
                Files.write(again, missing);
                results.addAll(ffuf(ffuf, r.name() + "-again", again, r.prefix(), r.token()));
            }
            assertThat(results).as("ffuf answered every word (" + json + ", missing at first: " + missing + ")")
                    .hasSize((int) words);
            for (JsonObject result : results) {
                int status = result.getInt("status");
                String path = URI.create(result.getString("url")).getRawPath();
                if (status < 400 || status == 429 || status >= 500) {
                    findings.add(new Finding("ffuf", status + " " + r.caller() + " " + path,
                            result.getInt("length") + " bytes"));
                }
            }
        }
        took("ffuf (" + runs.size() + " runs of " + words + " words)", started);
        assertNoUnacceptedFinding(findings, REPORTS);
        assertNotThrottled(log, "ffuf");
    }

    /** One ffuf run of a wordlist under a prefix; its report's results. */
    private static List<JsonObject> ffuf(String ffuf, String name, Path wordlist, String prefix, String token)
            throws Exception {
        Path json = REPORTS.resolve("ffuf-" + name + ".json");
        Files.deleteIfExists(json);
        List<String> command = new ArrayList<>(List.of(ffuf, "-s", "-w", wordlist.toString(),
                "-u", BASE + prefix + "FUZZ", "-mc", "all", "-t", "4", "-timeout", "10",
                "-of", "json", "-o", json.toString()));
        if (token != null) {
            command.addAll(List.of("-H", "Authorization: Bearer " + token));
        }
        run(REPORTS.resolve("ffuf-" + name + ".log"), command);
        return readJson(json).asJsonObject().getJsonArray("results").getValuesAs(JsonObject.class);
    }

    /** One sqlmap run: a parameter ({@code null}: the {@code *} marker in the path) with a token of its own. */
    private record SqlTarget(String name, String token, String method, String path, String body, String parameter) {

        List<String> command(String sqlmap, Path dir) {
            List<String> c = new ArrayList<>(List.of(sqlmap, "--batch", "--level=1", "--risk=1", "--delay=0.5",
                    "--timeout=10", "--retries=1", "--disable-coloring", "--flush-session",
                    "-u", BASE + path, "--method", method, "-H", "Authorization: Bearer " + token,
                    "--output-dir", dir.toString(), "-t", dir.resolve("traffic.txt").toString()));
            if (body != null) {
                c.addAll(List.of("--data", body, "-H", "Content-Type: application/json"));
            }
            if (parameter != null) {
                c.addAll(List.of("-p", parameter));
            }
            return c;
        }
    }

    private static SqlTarget customerTarget(String parameter) throws Exception {
        return new SqlTarget("customer-" + parameter, DemoIT.token("scan-customer-" + parameter, "admin"), "POST",
                "/api/v1/customers", "{\"id\":\"scan-new-" + parameter + "\",\"name\":\"Scan New\",\"email\":"
                        + "\"scan-new-" + parameter + "@example.com\"}", parameter);
    }

    private static final Pattern SQLMAP_RESPONSE = Pattern.compile("(?m)^HTTP response \\[#\\d+\\] \\((\\d{3})");

    /** How often the demo answered each status in sqlmap's traffic file. */
    private static Map<Integer, Integer> sqlmapStatuses(Path traffic) throws IOException {
        Map<Integer, Integer> counts = new TreeMap<>();
        Matcher m = SQLMAP_RESPONSE.matcher(Files.readString(traffic, StandardCharsets.ISO_8859_1));
        while (m.find()) {
            counts.merge(Integer.parseInt(m.group(1)), 1, Integer::sum);
        }
        return counts;
    }

    /** The rows of sqlmap's results file: one per injectable parameter, none when there is none. */
    private static List<String> resultRows(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> csv = files.filter(f -> f.getFileName().toString().startsWith("results-")).toList();
            assertThat(csv).as("sqlmap's results file in " + dir).hasSize(1);
            List<String> lines = Files.readAllLines(csv.get(0));
            assertThat(lines.get(0)).startsWith("Target URL,Place,Parameter");
            return lines.subList(1, lines.size()).stream().filter(l -> !l.isBlank()).toList();
        }
    }

    private static void assertNoUnacceptedFinding(List<Finding> findings, Path report) {
        List<Finding> left = accepted.unaccepted(findings);
        assertThat(left).as("findings not accepted in " + SOURCES.resolve("accepted-findings.txt")
                + " (fix them, or accept them there with a reason; report: " + report + ")").isEmpty();
    }

    /** The demo's log since {@code from} names no throttled request and no 5xx: the scan saw the application. */
    private static void assertNotThrottled(long from, String scanner) throws IOException {
        List<String> lines = logSince(from).lines().filter(l -> THROTTLED_OR_FAILED.matcher(l).find()).toList();
        assertThat(lines).as(scanner + ": the demo throttled or failed requests while it scanned (" + SERVER_LOG + ")")
                .isEmpty();
    }

    private static long logSize() throws IOException {
        return Files.size(SERVER_LOG);
    }

    private static String logSince(long from) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(SERVER_LOG)) {
            long start = channel.size() < from ? 0 : from; // rolled over: all of the new file
            ByteBuffer buffer = ByteBuffer.allocate((int) (channel.size() - start));
            channel.position(start);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // read to the end
            }
            return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
        }
    }

    private static JsonValue readJson(Path file) throws IOException {
        assertThat(file).as("the scanner's report").isRegularFile();
        try (var reader = Json.createReader(new StringReader(Files.readString(file)))) {
            return reader.readValue();
        }
    }

    private static HttpResponse<String> call(String method, String path, String token, String body)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(BASE.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static Process start(Path log, List<String> command) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void run(Path log, List<String> command) throws Exception {
        awaitScan(start(log, command));
    }

    /** Waits for a scanner; one that outlives the time budget is stopped and fails the test. */
    private static void awaitScan(Process p) throws InterruptedException {
        if (!p.waitFor(SCAN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail("a scanner ran longer than " + SCAN_TIMEOUT + ": " + p.info().commandLine().orElse("?"));
        }
    }

    private static void took(String what, long startedNanos) {
        System.out.printf("DemoScannersIT: %s took %d s%n", what,
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedNanos));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
