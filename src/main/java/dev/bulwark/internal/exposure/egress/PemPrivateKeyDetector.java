package dev.bulwark.internal.exposure.egress;

/**
 * A PEM private key: {@code -----BEGIN <label>-----} whose label ends in {@code PRIVATE KEY} (PKCS#8 and encrypted
 * PKCS#8, RSA, EC, DSA, OpenSSH) or {@code PRIVATE KEY BLOCK} (PGP). The armour line alone is enough: a key cut
 * short is still a key. Public keys and certificates ({@code BEGIN PUBLIC KEY}, {@code BEGIN CERTIFICATE}) pass.
 */
final class PemPrivateKeyDetector implements Detector {

    private static final String BEGIN = "-----BEGIN ";
    private static final int MAX_LABEL = 40;

    @Override
    public int needs() {
        return Chars.UPPER_B; // BEGIN: far rarer than a dash
    }

    @Override
    public int minLength() {
        return "-----BEGIN PRIVATE KEY-----".length();
    }

    @Override
    public SecretShape find(char[] text, int length) {
        int at = Chars.indexOf(text, length, BEGIN, 0);
        while (at >= 0) {
            int labelStart = at + BEGIN.length();
            int end = labelStart;
            while (end < length && end - labelStart <= MAX_LABEL && (Chars.upper(text[end]) || Chars.digit(text[end])
                    || text[end] == ' ')) {
                end++;
            }
            if (Chars.startsWith(text, length, end, "-----")) {
                String label = new String(text, labelStart, end - labelStart);
                if (label.endsWith("PRIVATE KEY") || label.endsWith("PRIVATE KEY BLOCK")) {
                    return SecretShape.PEM_PRIVATE_KEY;
                }
            }
            at = Chars.indexOf(text, length, BEGIN, at + 1);
        }
        return null;
    }
}
