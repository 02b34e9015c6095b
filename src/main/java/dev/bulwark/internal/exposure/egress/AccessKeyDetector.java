package dev.bulwark.internal.exposure.egress;

/**
 * Access keys of well-known services whose format carries a fixed prefix, so that ordinary text cannot pass for one:
 * <ul>
 * <li>AWS access key ids: {@code AKIA} (long-term) or {@code ASIA} (temporary) and 16 characters of the base32 alphabet
 * ({@code A-Z}, {@code 2-7}) holding at least one of its digits, so that an upper-case word like
 * {@code ASIAPACIFICSOUTHEAST} passes (the price: a key id whose 16 characters happen to be all letters, about one
 * in 28, is not detected);</li>
 * <li>Google API keys: {@code AIza} and 35 base64url characters;</li>
 * <li>Azure storage connection strings: {@code AccountKey=} and at least 40 base64 characters;</li>
 * <li>GitHub tokens: {@code ghp_}, {@code gho_}, {@code ghu_}, {@code ghs_}, {@code ghr_} and 36 letters or digits;
 * fine-grained {@code github_pat_} and at least 22 more;</li>
 * <li>Slack tokens: {@code xoxb-}, {@code xoxp-}, {@code xoxa-}, {@code xoxr-}, {@code xoxs-} and at least 10 more;</li>
 * <li>Stripe live secret and restricted keys: {@code sk_live_}, {@code rk_live_} and at least 16 letters or digits.</li>
 * </ul>
 * Each must stand alone: a letter or digit right before it (or, for the fixed-length ones, right after it) means it
 * is part of a longer word (a base64 image, a hash). AWS secret access keys (40 base64 characters with no prefix)
 * are not detected: nothing tells them from any other base64. A Google service-account key file is caught by its
 * {@code private_key} ({@link PemPrivateKeyDetector}).
 */
final class AccessKeyDetector implements Detector {

    @Override
    public int needs() {
        // AKIA, ASIA, AIza, AccountKey=; gh?_, github_pat_, sk_live_, rk_live_; xox?-
        return Chars.UPPER_A | Chars.UNDERSCORE | Chars.LOWER_X;
    }

    @Override
    public int minLength() {
        return 15; // xoxb- and ten characters
    }

    @Override
    public SecretShape find(char[] t, int n) {
        for (int i = 0; i < n; i++) {
            char c = t[i];
            if (c != 'A' && c != 'g' && c != 'x' && c != 's' && c != 'r' || Chars.alnum(Chars.at(t, n, i - 1))) {
                continue;
            }
            SecretShape shape = switch (c) {
                case 'A' -> amazonGoogleAzure(t, n, i);
                case 'g' -> github(t, n, i);
                case 'x' -> slack(t, n, i);
                default -> stripe(t, n, i);
            };
            if (shape != null) {
                return shape;
            }
        }
        return null;
    }

    private static SecretShape amazonGoogleAzure(char[] t, int n, int i) {
        if ((Chars.startsWith(t, n, i, "AKIA") || Chars.startsWith(t, n, i, "ASIA"))
                && exactly(t, n, i + 4, 16, Chars::upperOrDigit)
                && run(t, n, i + 4, Chars::base32) == 16 && hasDigit(t, i + 4, 16)) {
            return SecretShape.AWS_ACCESS_KEY_ID;
        }
        if (Chars.startsWith(t, n, i, "AIza") && exactly(t, n, i + 4, 35, Chars::base64url)) {
            return SecretShape.GOOGLE_API_KEY;
        }
        if (Chars.startsWith(t, n, i, "AccountKey=") && atLeast(t, n, i + 11, 40, Chars::base64)) {
            return SecretShape.AZURE_STORAGE_KEY;
        }
        return null;
    }

    private static SecretShape github(char[] t, int n, int i) {
        if (Chars.startsWith(t, n, i, "gh") && "pousr".indexOf(Chars.at(t, n, i + 2)) >= 0
                && Chars.at(t, n, i + 3) == '_' && exactly(t, n, i + 4, 36, Chars::alnum)) {
            return SecretShape.GITHUB_TOKEN;
        }
        if (Chars.startsWith(t, n, i, "github_pat_") && atLeast(t, n, i + 11, 22, Chars::identifierWord)) {
            return SecretShape.GITHUB_TOKEN;
        }
        return null;
    }

    private static SecretShape slack(char[] t, int n, int i) {
        if (Chars.startsWith(t, n, i, "xox") && "bpars".indexOf(Chars.at(t, n, i + 3)) >= 0
                && Chars.at(t, n, i + 4) == '-' && atLeast(t, n, i + 5, 10, c -> Chars.alnum(c) || c == '-')) {
            return SecretShape.SLACK_TOKEN;
        }
        return null;
    }

    private static SecretShape stripe(char[] t, int n, int i) {
        if ((Chars.startsWith(t, n, i, "sk_live_") || Chars.startsWith(t, n, i, "rk_live_"))
                && atLeast(t, n, i + 8, 16, Chars::alnum)) {
            return SecretShape.STRIPE_SECRET_KEY;
        }
        return null;
    }

    private static boolean hasDigit(char[] t, int from, int count) {
        for (int j = from; j < from + count; j++) {
            if (Chars.digit(t[j])) {
                return true;
            }
        }
        return false;
    }

    /** Exactly {@code count} characters of the class from {@code from}, and no more of them after. */
    private static boolean exactly(char[] t, int n, int from, int count, java.util.function.IntPredicate in) {
        return run(t, n, from, in) == count;
    }

    private static boolean atLeast(char[] t, int n, int from, int count, java.util.function.IntPredicate in) {
        return run(t, n, from, in) >= count;
    }

    private static int run(char[] t, int n, int from, java.util.function.IntPredicate in) {
        int j = from;
        while (j < n && in.test(t[j])) {
            j++;
        }
        return j - from;
    }
}
