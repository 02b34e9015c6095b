package dev.bulwark.internal.apikeys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed hash of an API key: HMAC-SHA256 under the pepper, a secret that is not in the store (a stolen store
 * then gives neither the keys nor a way to test guesses offline). During a pepper change the previous pepper is
 * still tried, so that keys hashed under it keep working until they are re-issued.
 */
public final class KeyHasher {

    /** Shortest pepper accepted, in bytes of its UTF-8 form. */
    public static final int MIN_PEPPER_BYTES = 32;

    private final Mac current;
    private final Mac previous;

    /**
     * @param pepper         the pepper new hashes are made with
     * @param previousPepper the pepper before the last change, or null
     */
    public KeyHasher(String pepper, String previousPepper) {
        this.current = mac(pepper);
        this.previous = previousPepper == null ? null : mac(previousPepper);
    }

    /** The hash stored for a key: lower-case hex. */
    public String hash(String key) {
        return HexFormat.of().formatHex(digest(current, key));
    }

    /**
     * True when {@code key} hashes to {@code stored} under the pepper or the previous one. Both comparisons run
     * whatever the first gives, over the whole length (no short cut a timing could reveal).
     */
    public boolean matches(String key, String stored) {
        byte[] expected;
        try {
            expected = HexFormat.of().parseHex(stored);
        } catch (IllegalArgumentException e) {
            return false;
        }
        boolean match = MessageDigest.isEqual(digest(current, key), expected);
        if (previous != null) {
            match |= MessageDigest.isEqual(digest(previous, key), expected);
        }
        return match;
    }

    private static byte[] digest(Mac prototype, String key) {
        Mac mac;
        try {
            mac = (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("HmacSHA256 cannot be cloned", e);
        }
        return mac.doFinal(key.getBytes(StandardCharsets.UTF_8));
    }

    private static Mac mac(String pepper) {
        byte[] bytes = pepper.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_PEPPER_BYTES) {
            throw new IllegalArgumentException("a pepper needs at least " + MIN_PEPPER_BYTES + " bytes");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(bytes, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "KeyHasher[pepper hidden]";
    }
}
