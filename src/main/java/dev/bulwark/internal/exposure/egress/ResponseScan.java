package dev.bulwark.internal.exposure.egress;

import dev.bulwark.internal.correlation.RequestCorrelation;
import dev.bulwark.internal.logging.SafeLog;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What one response's body check decides about each string its tokenizer finds, and what it logs. The value itself
 * is never logged: the detector kind, the JSON path (a member name that hit shows as {@code [removed]}), the endpoint
 * and the correlation id.
 */
final class ResponseScan {

    static final Logger LOG = Logger.getLogger("dev.bulwark.exposure");

    /** What replaces a removed string (a string too short to hold it becomes {@code ""}). */
    static final String MARKER = "[removed]";

    private final Detectors detectors;
    private final EgressAction action;
    private final int allowed;
    private final String correlationId;
    private final Supplier<String> endpoint;
    /** Observe mode: told what each hit would have been refused for; else null. */
    private final java.util.function.Consumer<String> observer;
    private boolean refused;
    private int hits;
    /**
     * A body read as text: the lines of a private key's block after its first line are removed up to the line holding
     * this (its PEM {@code END} line, a PuTTY file's {@code Private-MAC} line); null outside such a block.
     */
    private String blockEnd;

    /** @param observer in observe mode, told of each hit (a reason naming the shape and the path); else null */
    ResponseScan(Detectors detectors, EgressAction action, int allowed, String correlationId,
                 Supplier<String> endpoint, java.util.function.Consumer<String> observer) {
        this.observer = observer;
        this.detectors = detectors;
        this.action = action;
        this.allowed = allowed;
        this.correlationId = correlationId;
        this.endpoint = endpoint;
    }

    /** False for {@code action=log}: strings go out as written, so none is held back. */
    boolean rewrites() {
        return action != EgressAction.LOG;
    }

    /** True once a hit while the body was held back means the whole response must be the generic problem. */
    boolean refused() {
        return refused;
    }

    int hits() {
        return hits;
    }

    /**
     * The tokenizer just read a whole string: true when it must be replaced by the marker.
     *
     * @param heldBack the response is still wholly held back (action {@code problem}, within its buffer)
     */
    boolean ended(JsonStrings tokens, boolean heldBack) {
        if (blockEnd != null) {
            if (Chars.indexOf(tokens.text(), tokens.length(), blockEnd, 0) >= 0) {
                blockEnd = null;
            }
            return action != EgressAction.LOG;
        }
        SecretShape shape = detectors.find(tokens.text(), tokens.length(), tokens.classes(), allowed);
        if (shape == null) {
            return false;
        }
        String end = switch (shape) {
            case PEM_PRIVATE_KEY -> "-----END ";
            case SSH2_PRIVATE_KEY -> "---- END ";
            case PUTTY_PRIVATE_KEY -> "Private-MAC:";
            default -> null;
        };
        blockEnd = end != null && tokens.textMode() && Chars.indexOf(tokens.text(), tokens.length(), end, 0) < 0
                ? end : null;
        hits++;
        tokens.removeName();
        EgressEvent event = switch (action) {
            case LOG -> EgressEvent.VALUE_REPORTED;
            case PROBLEM -> heldBack ? EgressEvent.RESPONSE_REPLACED : EgressEvent.VALUE_REMOVED;
            default -> EgressEvent.VALUE_REMOVED;
        };
        if (event == EgressEvent.RESPONSE_REPLACED) {
            refused = true;
        }
        if (observer != null) {
            observer.accept("egress check: " + shape + " (" + shape.kind() + ") in the response at "
                    + SafeLog.printable(tokens.path(), 200));
        }
        if (LOG.isLoggable(Level.WARNING)) {
            LOG.warning(RequestCorrelation.logPrefix(correlationId) + "egress check " + event + ": " + shape
                    + " (" + shape.kind() + ") in the response of " + endpoint.get() + " at "
                    + SafeLog.printable(tokens.path(), 200)
                    + (action == EgressAction.PROBLEM && !heldBack ? " (past the held-back buffer: removed)" : ""));
        }
        return action != EgressAction.LOG;
    }

    /**
     * The replacement of a string that took {@code rawBytes} bytes on the wire (quotes included): a quoted marker
     * padded with spaces after its closing quote (whitespace JSON allows there) to exactly that length, so that a
     * Content-Length the application set stays true. Every detector but the SQL one needs more than 9 characters,
     * so the marker fits; a bare {@code "SQLSTATE"} becomes {@code ""}.
     */
    static byte[] replacement(int rawBytes) {
        String marker = rawBytes >= MARKER.length() + 2 ? MARKER : "";
        byte[] out = new byte[Math.max(rawBytes, marker.length() + 2)];
        java.util.Arrays.fill(out, (byte) ' ');
        out[0] = '"';
        System.arraycopy(marker.getBytes(StandardCharsets.US_ASCII), 0, out, 1, marker.length());
        out[marker.length() + 1] = '"';
        return out;
    }
}
