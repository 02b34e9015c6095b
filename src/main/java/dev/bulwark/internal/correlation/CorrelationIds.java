package dev.bulwark.internal.correlation;

import dev.bulwark.internal.text.AsciiSet;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * Picks the correlation id of a request: the trace-id of a valid W3C {@code traceparent}, else an incoming
 * request id of at most 64 characters of {@code [A-Za-z0-9._-]}, else a fresh random 32-hex-digit id.
 * Anything else a client sends is ignored, so nothing hostile reaches a log line through it.
 */
public final class CorrelationIds {

    /** The request-id header read and written unless {@code bulwark.correlation.header} names another. */
    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    /** The W3C Trace Context headers: the trace-id of {@code traceparent} is the preferred correlation id. */
    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    private static final int MAX_ID = 64;
    private static final AsciiSet REQUEST_ID = AsciiSet.of("A-Za-z0-9._-");
    private static final String ZERO_TRACE = "00000000000000000000000000000000";
    private static final String ZERO_PARENT = "0000000000000000";

    private final boolean trustIncoming;
    private final Supplier<String> generator;

    public CorrelationIds(boolean trustIncoming, Supplier<String> generator) {
        this.trustIncoming = trustIncoming;
        this.generator = generator;
    }

    /**
     * A generator of unguessable 128-bit random ids in lower-case hex, the same shape as a W3C trace-id: one
     * DRBG (NIST SP 800-90A, seeded by the platform) per thread, so that requests on different threads neither wait
     * for one lock nor read the operating system's entropy device per id, as the platform's default generator does.
     */
    public static Supplier<String> secureRandomIds() {
        ThreadLocal<SecureRandom> random = ThreadLocal.withInitial(CorrelationIds::drbg);
        HexFormat hex = HexFormat.of();
        return () -> {
            byte[] bytes = new byte[16];
            random.get().nextBytes(bytes);
            return hex.formatHex(bytes);
        };
    }

    private static SecureRandom drbg() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (java.security.NoSuchAlgorithmException e) {
            return new SecureRandom(); // a platform without DRBG: its default generator
        }
    }

    public String resolve(String traceparent, String requestId) {
        if (trustIncoming) {
            String trace = traceId(traceparent);
            if (trace != null) {
                return trace;
            }
            if (isValidRequestId(requestId)) {
                return requestId;
            }
        }
        return generator.get();
    }

    /** The trace-id of a well-formed traceparent (version 00 exactly, or a later version's prefix), else null. */
    static String traceId(String header) {
        if (header == null || header.length() < 55 || header.length() > 512) {
            return null;
        }
        String h = header.trim();
        if (h.length() < 55 || h.charAt(2) != '-' || h.charAt(35) != '-' || h.charAt(52) != '-') {
            return null;
        }
        String version = h.substring(0, 2);
        String trace = h.substring(3, 35);
        String parent = h.substring(36, 52);
        String flags = h.substring(53, 55);
        if (!lowerHex(version) || version.equals("ff") || !lowerHex(trace) || !lowerHex(parent) || !lowerHex(flags)) {
            return null;
        }
        if (version.equals("00") ? h.length() != 55 : h.length() > 55 && h.charAt(55) != '-') {
            return null;
        }
        if (trace.equals(ZERO_TRACE) || parent.equals(ZERO_PARENT)) {
            return null;
        }
        return trace;
    }

    static boolean isValidRequestId(String id) {
        return id != null && id.length() <= MAX_ID && REQUEST_ID.matchesNonEmpty(id);
    }

    private static boolean lowerHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }
}
