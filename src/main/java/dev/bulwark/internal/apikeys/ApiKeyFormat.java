package dev.bulwark.internal.apikeys;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.zip.CRC32;

/**
 * The shape of a Bulwark API key, made to be found by secret scanners and to refuse typos before any look-up:
 * {@code <prefix>_<id><secret><checksum>}, for example {@code bwk_3kT9aZq0LmPx7Qe4...}:
 * <ul>
 * <li>{@code prefix}: a few lower-case letters or digits ({@code bulwark.apikeys.prefix}, default {@code bwk}),
 * then {@code _};</li>
 * <li>{@code id}: 12 base62 characters (71 bits) naming the key in the store, in lists and in logs;</li>
 * <li>{@code secret}: 32 base62 characters (190 bits) from a {@link SecureRandom};</li>
 * <li>{@code checksum}: the CRC32 of everything before it, as 6 base62 characters (zero-padded).</li>
 * </ul>
 * The checksum is no protection (anyone can compute it): it makes a mistyped or truncated key fail without a store
 * look-up, and lets a scanner tell a real key from random text with almost no false positives.
 */
public final class ApiKeyFormat {

    static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    public static final int ID_LENGTH = 12;
    public static final int SECRET_LENGTH = 32;
    public static final int CHECKSUM_LENGTH = 6;
    private static final int BODY_LENGTH = ID_LENGTH + SECRET_LENGTH + CHECKSUM_LENGTH;

    /** A key just made: the whole key (shown once) and its id. */
    public record NewKey(String id, String key) {
        @Override
        public String toString() {
            return "NewKey[id=" + id + "]"; // never the key
        }
    }

    private final String prefix;

    /** @param prefix lower-case letters and digits, 2 to 16 characters (checked by the configuration) */
    public ApiKeyFormat(String prefix) {
        if (!validPrefix(prefix)) {
            throw new IllegalArgumentException("not a key prefix: " + prefix);
        }
        this.prefix = prefix + "_";
    }

    /** True for 2 to 16 lower-case ASCII letters and digits, starting with a letter. */
    public static boolean validPrefix(String prefix) {
        return prefix != null && prefix.matches("[a-z][a-z0-9]{1,15}");
    }

    /** The prefix with its separator ({@code bwk_}). */
    public String prefix() {
        return prefix;
    }

    /** A new random key. */
    public NewKey generate(SecureRandom random) {
        StringBuilder key = new StringBuilder(prefix.length() + BODY_LENGTH).append(prefix);
        for (int i = 0; i < ID_LENGTH + SECRET_LENGTH; i++) {
            key.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        key.append(checksum(key));
        return new NewKey(key.substring(prefix.length(), prefix.length() + ID_LENGTH), key.toString());
    }

    /**
     * The id of a well-formed key: the prefix, 50 base62 characters, and a checksum that matches. Null for anything
     * else (nothing is looked up for it).
     */
    public String idOf(String key) {
        if (key == null || key.length() != prefix.length() + BODY_LENGTH || !key.startsWith(prefix)) {
            return null;
        }
        for (int i = prefix.length(); i < key.length(); i++) {
            if (ALPHABET.indexOf(key.charAt(i)) < 0) {
                return null;
            }
        }
        int sum = key.length() - CHECKSUM_LENGTH;
        if (!checksum(key.subSequence(0, sum)).equals(key.substring(sum))) {
            return null;
        }
        return key.substring(prefix.length(), prefix.length() + ID_LENGTH);
    }

    /**
     * True when the text holds a well-formed key of this prefix anywhere (the prefix, 50 base62 characters and a
     * checksum that matches), alone or inside other text ({@code Authorization: ApiKey bwk_...}). Text that merely
     * mentions the prefix ({@code bwk_}, a search for it) holds none.
     */
    public boolean containsKey(String text) {
        if (text == null) {
            return false;
        }
        int length = prefix.length() + BODY_LENGTH;
        for (int at = text.indexOf(prefix); at >= 0 && at + length <= text.length();
             at = text.indexOf(prefix, at + 1)) {
            if (idOf(text.substring(at, at + length)) != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * True for an audience name (a service the key is for): 1 to 128 ASCII letters, digits and {@code . _ : / -},
     * starting with a letter or digit (no commas or spaces: the stores list audiences separated by commas).
     */
    public static boolean validAudience(String audience) {
        return audience != null && audience.matches("[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}");
    }

    /** True when {@code id} is shaped like a key id. */
    public static boolean validId(String id) {
        if (id == null || id.length() != ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            if (ALPHABET.indexOf(id.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    static String checksum(CharSequence text) {
        CRC32 crc = new CRC32();
        crc.update(text.toString().getBytes(StandardCharsets.US_ASCII));
        long value = crc.getValue();
        char[] out = new char[CHECKSUM_LENGTH];
        for (int i = CHECKSUM_LENGTH - 1; i >= 0; i--) {
            out[i] = ALPHABET.charAt((int) (value % 62));
            value /= 62;
        }
        return new String(out);
    }
}
