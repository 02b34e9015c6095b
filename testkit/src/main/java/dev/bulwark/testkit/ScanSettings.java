package dev.bulwark.testkit;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a scan is pointed at and how hard it may push: built once with {@link #builder(String)}, immutable.
 * Identities are either given as tokens ({@link Builder#user1Token}, {@link Builder#user2Token},
 * {@link Builder#adminToken}) or minted with a test environment's signing key ({@link Builder#mint}).
 */
public final class ScanSettings {

    /**
     * A test environment's signing key and what the kit's tokens carry (only ever for a test environment). The two
     * ordinary users' subjects default to {@code bulwark-kit-user1} and {@code bulwark-kit-user2}; name existing
     * users of the test environment ({@link #withSubjects}) so the object-level checks find objects they own.
     */
    public record Minting(Path privateKey, String issuer, String audience, List<String> userGroups, String userScope,
                          List<String> adminGroups, String adminScope, String user1Subject, String user2Subject) {
        public Minting {
            Objects.requireNonNull(privateKey, "privateKey");
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(audience, "audience");
            userGroups = List.copyOf(userGroups);
            adminGroups = List.copyOf(adminGroups);
            userScope = userScope == null ? "" : userScope;
            adminScope = adminScope == null ? "" : adminScope;
            user1Subject = user1Subject == null || user1Subject.isBlank() ? "bulwark-kit-user1" : user1Subject;
            user2Subject = user2Subject == null || user2Subject.isBlank() ? "bulwark-kit-user2" : user2Subject;
            if (user1Subject.equals(user2Subject)) {
                throw new IllegalArgumentException("the two users need different subjects: " + user1Subject);
            }
        }

        public Minting(Path privateKey, String issuer, String audience, List<String> userGroups, String userScope,
                       List<String> adminGroups, String adminScope) {
            this(privateKey, issuer, audience, userGroups, userScope, adminGroups, adminScope, null, null);
        }

        /** The same, with the two ordinary users' subjects. */
        public Minting withSubjects(String user1, String user2) {
            return new Minting(privateKey, issuer, audience, userGroups, userScope, adminGroups, adminScope, user1,
                    user2);
        }
    }

    /** A finding accepted with a reason: rule id (or check id, or {@code *}) and a subject prefix. */
    public record Accepted(String rule, String subjectPrefix, String reason) {
        public boolean covers(Finding f) {
            boolean rule = this.rule.equals("*") || this.rule.equals(f.rule()) || this.rule.equals(f.check());
            return rule && f.subject().startsWith(subjectPrefix);
        }
    }

    /** Every check the kit has, in the order they run. */
    public static final List<String> ALL_CHECKS = List.of("discovery", "drift", "jwt", "bfla", "bola", "mass-assignment",
            "exposure", "errors", "injection", "cors", "transport", "headers", "rate-limit");

    private final URI baseUrl;
    private final URI httpUrl;
    private final String inventory;
    private final String openApi;
    private final List<String> include;
    private final String user1Token;
    private final String user2Token;
    private final String adminToken;
    private final Minting minting;
    private final double requestsPerSecond;
    private final int maxRequests;
    private final boolean allowDestructive;
    private final Duration timeout;
    private final boolean insecureTls;
    private final Path trustedCertificate;
    private final Set<String> checks;
    private final int rateLimitProbe;
    private final Severity failOn;
    private final Path outputDirectory;
    private final List<Accepted> accepted;
    private final String sourceRoot;
    private final String reviewedInventory;
    private final Clock clock;

    private ScanSettings(Builder b) {
        this.baseUrl = b.baseUrl;
        this.httpUrl = b.httpUrl;
        this.inventory = b.inventory;
        this.openApi = b.openApi;
        this.include = List.copyOf(b.include);
        this.user1Token = b.user1Token;
        this.user2Token = b.user2Token;
        this.adminToken = b.adminToken;
        this.minting = b.minting;
        this.requestsPerSecond = b.requestsPerSecond;
        this.maxRequests = b.maxRequests;
        this.allowDestructive = b.allowDestructive;
        this.timeout = b.timeout;
        this.insecureTls = b.insecureTls;
        this.trustedCertificate = b.trustedCertificate;
        this.checks = Set.copyOf(b.checks);
        this.rateLimitProbe = b.rateLimitProbe;
        this.failOn = b.failOn;
        this.outputDirectory = b.outputDirectory;
        this.accepted = List.copyOf(b.accepted);
        this.sourceRoot = b.sourceRoot;
        this.reviewedInventory = b.reviewedInventory;
        this.clock = b.clock;
    }

    /** Settings for the API at {@code baseUrl} (its origin: {@code https://localhost:9443}). */
    public static Builder builder(String baseUrl) {
        return new Builder(URI.create(baseUrl));
    }

    public URI baseUrl() { return baseUrl; }
    /** The plain-HTTP origin the HTTPS-only check tries, or null. */
    public URI httpUrl() { return httpUrl; }
    /** Where the inventory is: a path under the base URL (fetched as admin), an absolute URL, or a file; or null. */
    public String inventory() { return inventory; }
    /** Where the OpenAPI document (JSON) is, like {@link #inventory()}; or null. */
    public String openApi() { return openApi; }
    public List<String> include() { return include; }
    public String user1Token() { return user1Token; }
    public String user2Token() { return user2Token; }
    public String adminToken() { return adminToken; }
    public Minting minting() { return minting; }
    public double requestsPerSecond() { return requestsPerSecond; }
    public int maxRequests() { return maxRequests; }
    public boolean allowDestructive() { return allowDestructive; }
    public Duration timeout() { return timeout; }
    public boolean insecureTls() { return insecureTls; }
    public Path trustedCertificate() { return trustedCertificate; }
    public Set<String> checks() { return checks; }
    public boolean runs(String check) { return checks.contains(check); }
    /** How many requests the rate-limit check may send to reach a 429 (0: it only looks for rate-limit headers). */
    public int rateLimitProbe() { return rateLimitProbe; }
    public Severity failOn() { return failOn; }
    public Path outputDirectory() { return outputDirectory; }
    public List<Accepted> accepted() { return accepted; }
    /** Where the API's Java sources are, relative to the repository root, for the SARIF's locations. */
    public String sourceRoot() { return sourceRoot; }
    /** The reviewed inventory file the drift check compares with, or null (the check then does nothing). */
    public String reviewedInventory() { return reviewedInventory; }
    public Clock clock() { return clock; }

    /** Builds {@link ScanSettings}; every setting has a safe default for a shared test environment. */
    public static final class Builder {
        private final URI baseUrl;
        private URI httpUrl;
        private String inventory;
        private String openApi;
        private final List<String> include = new ArrayList<>();
        private String user1Token;
        private String user2Token;
        private String adminToken;
        private Minting minting;
        private double requestsPerSecond = 20;
        private int maxRequests = 5000;
        private boolean allowDestructive;
        private Duration timeout = Duration.ofSeconds(15);
        private boolean insecureTls;
        private Path trustedCertificate;
        private final Set<String> checks = new LinkedHashSet<>(ALL_CHECKS);
        private int rateLimitProbe;
        private Severity failOn = Severity.LOW;
        private Path outputDirectory = Path.of("target", "bulwark-scan");
        private final List<Accepted> accepted = new ArrayList<>();
        private String sourceRoot = "src/main/java";
        private String reviewedInventory;
        private Clock clock = Clock.systemUTC();

        private Builder(URI baseUrl) {
            if (baseUrl.getScheme() == null || baseUrl.getHost() == null) {
                throw new IllegalArgumentException("base URL must be absolute (https://host:port): " + baseUrl);
            }
            this.baseUrl = baseUrl;
        }

        public Builder httpUrl(String url) { this.httpUrl = url == null ? null : URI.create(url); return this; }
        public Builder inventory(String location) { this.inventory = location; return this; }
        public Builder openApi(String location) { this.openApi = location; return this; }
        public Builder include(String pathPrefix) { this.include.add(pathPrefix); return this; }
        public Builder user1Token(String token) { this.user1Token = token; return this; }
        public Builder user2Token(String token) { this.user2Token = token; return this; }
        public Builder adminToken(String token) { this.adminToken = token; return this; }
        public Builder mint(Minting minting) { this.minting = minting; return this; }

        public Builder requestsPerSecond(double rps) {
            if (!(rps > 0 && rps <= 1000)) {
                throw new IllegalArgumentException("requests per second must be in (0, 1000]: " + rps);
            }
            this.requestsPerSecond = rps;
            return this;
        }

        public Builder maxRequests(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("max requests must be positive: " + max);
            }
            this.maxRequests = max;
            return this;
        }

        public Builder allowDestructive(boolean allow) { this.allowDestructive = allow; return this; }
        public Builder timeout(Duration timeout) { this.timeout = timeout; return this; }
        /** Trusts any certificate and host name: for a test environment's self-signed certificate only. */
        public Builder insecureTls(boolean insecure) { this.insecureTls = insecure; return this; }
        /** Trusts this PEM certificate (the test server's, or its CA's) besides the JDK's trust store. */
        public Builder trustedCertificate(Path pem) { this.trustedCertificate = pem; return this; }

        /** Runs only these checks (ids from {@link #ALL_CHECKS}). */
        public Builder checks(List<String> ids) {
            for (String id : ids) {
                if (!ALL_CHECKS.contains(id)) {
                    throw new IllegalArgumentException("unknown check " + id + "; known: " + ALL_CHECKS);
                }
            }
            checks.clear();
            checks.addAll(ids);
            return this;
        }

        public Builder skip(String check) { checks.remove(check); return this; }

        public Builder rateLimitProbe(int requests) {
            if (requests < 0) {
                throw new IllegalArgumentException("rate-limit probe must be 0 or more: " + requests);
            }
            this.rateLimitProbe = requests;
            return this;
        }

        public Builder failOn(Severity severity) { this.failOn = severity; return this; }
        public Builder outputDirectory(Path dir) { this.outputDirectory = dir; return this; }
        public Builder accept(String rule, String subjectPrefix, String reason) {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("an accepted finding needs a reason: " + rule + " " + subjectPrefix);
            }
            accepted.add(new Accepted(rule, subjectPrefix, reason));
            return this;
        }
        public Builder clock(Clock clock) { this.clock = clock; return this; }
        /** The API's Java sources relative to the repository root (default {@code src/main/java}). */
        public Builder sourceRoot(String path) { this.sourceRoot = path; return this; }
        /** A reviewed inventory (or posture report) file: endpoints whose access got weaker since are findings. */
        public Builder reviewedInventory(String file) { this.reviewedInventory = file; return this; }

        public ScanSettings build() {
            boolean tokens = user1Token != null || user2Token != null || adminToken != null;
            if (tokens && minting != null) {
                throw new IllegalArgumentException("give either tokens or a key to mint them, not both");
            }
            if (tokens && (user1Token == null || user2Token == null)) {
                throw new IllegalArgumentException("two ordinary users' tokens are needed (user1 and user2)");
            }
            return new ScanSettings(this);
        }
    }
}
