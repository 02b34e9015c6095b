package dev.bulwark.internal.validation;

import dev.bulwark.internal.text.TextChecks;
import java.text.Normalizer;

/** The NFKC normalization hook for identifiers (see {@link dev.bulwark.api.NfkcIdentifier}). */
public final class Identifiers {

    private Identifiers() {
    }

    /** The NFKC form of an identifier: compatibility characters folded ("ﬁ" to "fi", full-width to ASCII). */
    public static String normalize(String identifier) {
        return identifier == null ? null : Normalizer.normalize(identifier, Normalizer.Form.NFKC);
    }

    /** True when the text is in NFKC form and has no control, bidi or other invisible formatting character. */
    public static boolean isNormalized(CharSequence text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (TextChecks.isControlOrFormat(c) || BidiControls.isBidiControl(c)
                    || Character.isSurrogate(c) && !validPair(text, i)) {
                return false;
            }
        }
        return Normalizer.isNormalized(text, Normalizer.Form.NFKC);
    }

    private static boolean validPair(CharSequence text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
}
