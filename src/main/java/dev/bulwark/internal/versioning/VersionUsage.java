package dev.bulwark.internal.versioning;

import dev.bulwark.internal.logging.SafeLog;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Who still calls each scheduled version: a counter per version and client id ({@code azp}, else
 * {@code client_id}, of the verified token; {@code unidentified} when it names none, {@code anonymous} without one), and one log line the first time a
 * client calls a deprecated version. Memory and metric cardinality are bounded: past
 * {@code bulwark.versioning.metrics.max-clients} distinct client ids of one version, its new ones count as
 * {@code other}.
 */
public final class VersionUsage {

    static final Logger LOG = Logger.getLogger("dev.bulwark.versioning");
    static final String ANONYMOUS = "anonymous";
    static final String OTHER = "other";
    /** A verified token that names no client. */
    static final String UNIDENTIFIED = "unidentified";

    /** Where the counts go (MicroProfile Metrics when the server has it). */
    @FunctionalInterface
    public interface Counters {
        Counters NONE = (version, client) -> {
        };

        void increment(String version, String client);
    }

    private final Counters counters;
    private final int maxClients;
    /** Per version (the scheduled ones: bounded by the configuration), the client ids counted by their name. */
    private final ConcurrentHashMap<String, Set<String>> clients = new ConcurrentHashMap<>();
    private final Set<String> announced = ConcurrentHashMap.newKeySet();

    public VersionUsage(Counters counters, int maxClients) {
        this.counters = counters;
        this.maxClients = maxClients;
    }

    /**
     * Counts one call of a scheduled version and logs a deprecated version's first call by a client.
     *
     * @param clientId the verified token's client id, or null
     * @param subject  the verified token's subject, or null (logged, never a metric label)
     */
    public void record(Versions.Match match, String clientId, String subject, String correlationId) {
        String client = bounded(match.version(), clientId);
        counters.increment(match.version(), client);
        if (match.stage() == VersionSchedule.Stage.ACTIVE) {
            return;
        }
        // a 410 is logged like every refusal, by the problem's own line (bulwark.errors.client-log-level)
        if (announced.add(match.version() + "|" + client)) {
            LOG.warning("Bulwark versioning event=" + VersioningEvent.DEPRECATED_VERSION_FIRST_CALL + " version="
                    + match.version() + " client=" + client + " subject="
                    + (subject == null ? "-" : SafeLog.printable(subject, 64)) + " correlationId=" + correlationId
                    + ": this client still calls a version that is " + (match.stage()
                    == VersionSchedule.Stage.BROWN_OUT ? "in a brown-out" : match.stage().name().toLowerCase(
                    java.util.Locale.ROOT)) + " (logged once per client and version)");
        }
    }

    /**
     * The client id of verified token claims: {@code azp}, else {@code client_id}, else {@code unidentified}; null
     * without a token.
     */
    public static String clientId(jakarta.json.JsonObject claims) {
        if (claims == null) {
            return null;
        }
        String azp = claims.getString("azp", null);
        return azp != null ? azp : claims.getString("client_id", UNIDENTIFIED);
    }

    /** The subject of verified token claims, or null. */
    public static String subject(jakarta.json.JsonObject claims) {
        return claims == null ? null : claims.getString("sub", null);
    }

    /** 1 to 64 of letters, digits and {@code . _ : @ / -}: a metric label and a log field as it is. */
    static boolean plainId(String s) {
        if (s.isEmpty() || s.length() > 64) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_'
                    || c == ':' || c == '@' || c == '/' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * The client's id as counted: itself while fewer than the cap are known for this version, else {@code other}.
     * Each version has its own slots, so that the clients of an active successor never use up those of the
     * deprecated version whose callers the counters are there to find.
     */
    String bounded(String version, String clientId) {
        if (clientId == null) {
            return ANONYMOUS;
        }
        if (!plainId(clientId)) {
            return OTHER;
        }
        Set<String> known = clients.computeIfAbsent(version, v -> ConcurrentHashMap.newKeySet());
        if (known.contains(clientId)) {
            return clientId;
        }
        synchronized (known) {
            if (known.size() < maxClients) {
                known.add(clientId);
                return clientId;
            }
            return known.contains(clientId) ? clientId : OTHER;
        }
    }
}
