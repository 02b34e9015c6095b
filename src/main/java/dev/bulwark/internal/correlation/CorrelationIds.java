package dev.bulwark.internal.correlation;

import dev.bulwark.internal.text.AsciiSet;
import java.security.SecureRandom;
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
     * Each thread draws {@value #IDS_PER_DRAW} ids' worth of bytes at once: a DRBG's fixed cost per request for bytes
     * is several times its cost per byte.
     */
    public static Supplier<String> secureRandomIds() {
        ThreadLocal<IdSource> sources = ThreadLocal.withInitial(() -> new IdSource(drbg()));
        return () -> sources.get().next();
    }

    static final int IDS_PER_DRAW = 32;

    /** One thread's generator and the bytes it drew and has not handed out yet (never shared between threads). */
    private static final class IdSource {
        private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        private final SecureRandom random;
        private final byte[] pool = new byte[16 * IDS_PER_DRAW];
        private int next = pool.length;

        IdSource(SecureRandom random) {
            this.random = random;
        }

        String next() {
            if (next == pool.length) {
                random.nextBytes(pool);
                next = 0;
            }
            byte[] text = new byte[32];
            for (int i = 0; i < 16; i++) {
                int b = pool[next + i];
                pool[next + i] = 0; // handed out: not kept in memory after use
                text[2 * i] = HEX[(b >> 4) & 0xf];
                text[2 * i + 1] = HEX[b & 0xf];
            }
            next += 16;
            return new String(text, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
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
