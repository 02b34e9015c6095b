package dev.bulwark.internal.exposure.egress;

/**
 * A PEM private key: {@code -----BEGIN <label>-----} whose label ends in {@code PRIVATE KEY} (PKCS#8 and encrypted
 * PKCS#8, RSA, EC, DSA, OpenSSH) or {@code PRIVATE KEY BLOCK} (PGP); an SSH2 (RFC 4716 style, ssh.com) private key,
 * {@code ---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----}; a PuTTY key file, whose first line is
 * {@code PuTTY-User-Key-File-<version>: <algorithm>} (a PuTTY public key starts {@code ---- BEGIN SSH2 PUBLIC KEY}).
 * The armour line alone is enough: a key cut short is still a key. Public keys and certificates
 * ({@code BEGIN PUBLIC KEY}, {@code BEGIN CERTIFICATE}, {@code BEGIN SSH2 PUBLIC KEY}) pass.
 */
final class PemPrivateKeyDetector implements Detector {

    private static final String BEGIN = "-----BEGIN ";
    private static final String SSH2 = "---- BEGIN SSH2 ";
    private static final String PUTTY = "PuTTY-User-Key-File-";
    private static final int MAX_LABEL = 40;

    @Override
    public int needs() {
        return Chars.UPPER_B | Chars.UPPER_U; // BEGIN, PuTTY-User: far rarer than a dash
    }

    @Override
    public int minLength() {
        return PUTTY.length() + 2;
    }

    @Override
    public SecretShape find(char[] text, int length) {
        SecretShape pem = pem(text, length);
        if (pem != null) {
            return pem;
        }
        if (ssh2(text, length)) {
            return SecretShape.SSH2_PRIVATE_KEY;
        }
        int putty = Chars.indexOf(text, length, PUTTY, 0);
        // the format's version and a colon: PuTTY-User-Key-File-2: ssh-rsa, PuTTY-User-Key-File-3: ssh-ed25519
        return putty >= 0 && Chars.digit(Chars.at(text, length, putty + PUTTY.length()))
                && Chars.at(text, length, putty + PUTTY.length() + 1) == ':' ? SecretShape.PUTTY_PRIVATE_KEY : null;
    }

    /** {@code ---- BEGIN SSH2 <label> ----} whose label ends in {@code PRIVATE KEY}. */
    private static boolean ssh2(char[] text, int length) {
        int at = Chars.indexOf(text, length, SSH2, 0);
        while (at >= 0) {
            int labelStart = at + SSH2.length();
            int end = labelStart;
            while (end < length && end - labelStart <= MAX_LABEL && (Chars.upper(text[end]) || text[end] == ' ')) {
                end++;
            }
            if (end > labelStart && text[end - 1] == ' ' && Chars.startsWith(text, length, end, "----")
                    && new String(text, labelStart, end - labelStart).strip().endsWith("PRIVATE KEY")) {
                return true;
            }
            at = Chars.indexOf(text, length, SSH2, at + 1);
        }
        return false;
    }

    private static SecretShape pem(char[] text, int length) {
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
