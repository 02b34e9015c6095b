package dev.bulwark.internal.exposure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * JSON names that look like they hold a secret: a name whose words (split at camelCase humps, digits, {@code _},
 * {@code -}, {@code .} and spaces, compared without case) contain one of the configured terms ({@code password},
 * {@code api key} as {@code apiKey}, {@code api_key}, {@code api-key} or {@code apikey}, plural too), followed by
 * nothing or only by words that still name the secret itself ({@code passwordHash}, {@code secretKey},
 * {@code password2}). A term followed by another word names something about the secret, not the secret:
 * {@code passwordResetRequired}, {@code tokenType}, {@code tokenExpiresAt}, {@code secretQuestion} are not
 * sensitive. Words before the term count as well when they say the value is not the secret: a flag
 * ({@code hasPassword}, {@code showPassword}: the name's first word), a masked or partial copy ({@code maskedCardNumber},
 * {@code last4Ssn}: anywhere before the term), a cursor, a CSRF token or a device's push address
 * ({@code nextPageToken}, {@code csrfToken}, {@code deviceToken}: the word right before {@code token}), a count of
 * secrets ({@code prompt_tokens}, {@code numSecrets}: the word right before a plural term). Any other word before the
 * term names whose secret it is ({@code accessToken}, {@code clientSecret}, {@code oldPassword}): still sensitive.
 * Exact names an application must return (an OAuth token endpoint's {@code access_token}) are listed in
 * {@code bulwark.exposure.sensitive-names-allowed}. No regular expression; verdicts are kept in a memo of at most
 * {@value #MEMO_SIZE} names, emptied when full (JSON names come from a finite class model; attacker-chosen map keys can
 * only make it start over, never fill it for good).
 */
public final class SensitiveNames {

    /** The default terms. */
    public static final List<String> DEFAULT_TERMS = List.of("password", "passwd", "pwd", "passphrase", "secret",
            "secret answer", "token", "api key", "access key", "private key", "credential", "card number", "cvv", "cvc",
            "ssn", "social security number", "otp", "session id", "jsessionid", "phpsessid", "sessid", "signing key",
            "encryption key", "hmac key", "master key", "priv key");

    /** Words after a term that still name the secret itself (a hash of a password is as sensitive). */
    private static final Set<String> STILL_SECRET = Set.of("hash", "hashed", "digest", "salt", "salted", "value",
            "raw", "plain", "plaintext", "text", "encrypted", "enc", "cipher", "ciphertext", "bytes", "hex",
            "base64", "b64", "string", "str", "data", "key", "keys", "pem", "der", "jwk", "seed",
            // another copy of the secret itself: a new password, its confirmation, the old one
            "new", "old", "current", "previous", "confirm", "confirmation", "confirmed", "repeat", "repeated", "again",
            "retype", "verify", "verification", "temp", "temporary", "code");

    /**
     * A name's first word that makes it a flag about the secret, whatever follows it ({@code hasPassword},
     * {@code showPassword}, {@code requiresOtp}): a boolean holds no secret.
     */
    private static final Set<String> FLAG = Set.of("has", "have", "is", "show", "shows", "hide", "hides",
            "needs", "need", "requires", "require", "use", "uses", "allow", "allows", "can", "supports", "without",
            "no");

    /** A word anywhere before the term that makes the value a masked or partial copy ({@code maskedCardNumber}). */
    private static final Set<String> MASKED = Set.of("masked", "mask", "redacted", "obfuscated", "obscured",
            "truncated", "partial", "hint", "censored");

    /** A word before a run of digits before the term: a partial copy ({@code last4CardNumber}, {@code first6Pan}). */
    private static final Set<String> PARTIAL_DIGITS = Set.of("last", "first");

    /**
     * A word right before the term {@code token} that names another thing than a credential: a pagination,
     * continuation or sync cursor ({@code nextPageToken}, AWS's {@code NextToken}), a CSRF token (handed to the page on purpose), a device's
     * push address ({@code deviceToken}, {@code fcmToken}: where to push, not a credential).
     */
    private static final Set<String> ANOTHER_THING = Set.of("next", "page", "paging", "pagination", "continuation",
            "continue", "cursor", "sync", "delta", "skip", "resume", "csrf", "xsrf", "forgery", "device", "push",
            "fcm", "apns", "gcm");

    /** A word right before a plural term that makes it a count ({@code prompt_tokens}, {@code numSecrets}). */
    private static final Set<String> COUNT = Set.of("num", "number", "count", "total", "max", "maximum", "min",
            "minimum", "prompt", "completion", "input", "output", "cached", "reasoning", "remaining", "used",
            "available", "bucket", "limit", "spent", "consumed", "estimated", "billed");

    static final int MEMO_SIZE = 4096;

    private final List<String> terms;
    private final Set<String> allowed;
    private final Set<String> exact;
    private final java.util.concurrent.ConcurrentHashMap<String, Boolean> memo =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param terms   the terms, each as words (any case, separated by spaces, {@code _} or {@code -})
     * @param allowed exact names (as written in JSON) that are never sensitive by name
     */
    public SensitiveNames(List<String> terms, Set<String> allowed) {
        this(terms, allowed, Set.of());
    }

    private SensitiveNames(List<String> terms, Set<String> allowed, Set<String> exact) {
        List<String> joined = new ArrayList<>();
        for (String t : terms) {
            String j = join(words(t));
            if (!j.isEmpty()) {
                joined.add(j);
            }
        }
        this.terms = List.copyOf(joined);
        this.allowed = Set.copyOf(allowed);
        this.exact = Set.copyOf(exact);
    }

    /**
     * These names, and the {@code names} too (the {@code @Sensitive} properties of a response type), compared by
     * their words so that a naming strategy's rewrite ({@code password_hash} for {@code passwordHash}) is caught.
     */
    public SensitiveNames andExactly(Set<String> names) {
        Set<String> all = new java.util.HashSet<>(exact);
        for (String n : names) {
            all.add(join(words(n)));
        }
        return new SensitiveNames(terms, allowed, all);
    }

    /** The defaults, with no allowed name. */
    public static SensitiveNames defaults() {
        return new SensitiveNames(DEFAULT_TERMS, Set.of());
    }

    /** What is wrong with a configured term, if anything. */
    public static java.util.Optional<String> termProblem(String term) {
        return words(term).isEmpty() ? java.util.Optional.of("a term needs at least one letter or digit")
                : java.util.Optional.empty();
    }

    /** True when the name looks like it holds a secret. */
    public boolean sensitive(String name) {
        if (name == null) {
            return false;
        }
        Boolean known = memo.get(name);
        if (known != null) {
            return known;
        }
        boolean verdict = judge(name);
        if (memo.size() >= MEMO_SIZE) {
            memo.clear();
        }
        memo.put(name, verdict);
        return verdict;
    }

    /** How many verdicts are kept now. */
    int memoSize() {
        return memo.size();
    }

    private boolean judge(String name) {
        if (!exact.isEmpty() && exact.contains(join(words(name)))) {
            return true;
        }
        if (name.isEmpty() || allowed.contains(name)) {
            return false;
        }
        List<String> words = words(name);
        for (int start = 0; start < words.size(); start++) {
            StringBuilder joined = new StringBuilder();
            for (int end = start; end < words.size(); end++) {
                joined.append(words.get(end));
                if (joined.length() > 32) {
                    break;
                }
                int form = matches(joined);
                if (form != NO_MATCH && onlySecretWords(words, end + 1) && !aboutAnotherThing(words, start, end, form)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final int NO_MATCH = 0;
    private static final int SINGULAR = 1;
    private static final int PLURAL = 2;

    /** Whether the joined words are a term: {@link #NO_MATCH}, {@link #SINGULAR} or {@link #PLURAL}. */
    private int matches(CharSequence joined) {
        int n = joined.length();
        for (String term : terms) {
            if (term.contentEquals(joined)) {
                return SINGULAR;
            }
            if (n == term.length() + 1 && joined.charAt(n - 1) == 's'
                    && term.contentEquals(joined.subSequence(0, n - 1))) {
                return PLURAL;
            }
        }
        return NO_MATCH;
    }

    /**
     * True when the words before a term that starts at word {@code start} say its value is not the secret: the name is
     * a flag, a masked or partial copy, another thing's token, or a count of secrets.
     */
    private static boolean aboutAnotherThing(List<String> words, int start, int end, int form) {
        if (start == 0) {
            return false;
        }
        if (FLAG.contains(words.get(0))) {
            return true;
        }
        for (int i = 0; i < start; i++) {
            if (MASKED.contains(words.get(i))) {
                return true;
            }
        }
        String before = words.get(start - 1);
        if (digits(before)) {
            return start >= 2 && PARTIAL_DIGITS.contains(words.get(start - 2));
        }
        if (ANOTHER_THING.contains(before) && start == end
                && (words.get(start).equals("token") || words.get(start).equals("tokens"))) {
            return true; // a csrfSecret or a pageSecret is a secret all the same
        }
        if (form != PLURAL) {
            return false;
        }
        // numberOfTokens, countOfSecrets
        return COUNT.contains(before) || before.equals("of") && start >= 2 && COUNT.contains(words.get(start - 2));
    }

    private static boolean onlySecretWords(List<String> words, int from) {
        for (int i = from; i < words.size(); i++) {
            String w = words.get(i);
            if (!STILL_SECRET.contains(w) && !digits(w)) {
                return false;
            }
        }
        return true;
    }

    private static boolean digits(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (w.charAt(i) < '0' || w.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** The lower-case words of a name: split at humps (fooBar, HTTPHeader), digit runs and separators. */
    static List<String> words(String name) {
        List<String> out = new ArrayList<>(4);
        int n = name.length();
        int start = -1;
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            boolean letterOrDigit = Character.isLetterOrDigit(c);
            if (!letterOrDigit) {
                if (start >= 0) {
                    out.add(name.substring(start, i).toLowerCase(Locale.ROOT));
                    start = -1;
                }
                continue;
            }
            if (start >= 0 && boundary(name, i)) {
                out.add(name.substring(start, i).toLowerCase(Locale.ROOT));
                start = i;
            } else if (start < 0) {
                start = i;
            }
        }
        if (start >= 0) {
            out.add(name.substring(start).toLowerCase(Locale.ROOT));
        }
        return out;
    }

    private static boolean boundary(String s, int i) {
        char prev = s.charAt(i - 1);
        char c = s.charAt(i);
        if (Character.isDigit(c) != Character.isDigit(prev)) {
            return true;
        }
        if (Character.isUpperCase(c) && Character.isLowerCase(prev)) {
            return true;
        }
        // the last capital of a run that starts a word: "APIKey" -> API, Key
        return Character.isUpperCase(c) && Character.isUpperCase(prev) && i + 1 < s.length()
                && Character.isLowerCase(s.charAt(i + 1));
    }

    private static String join(List<String> words) {
        return String.join("", words);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SensitiveNames s && terms.equals(s.terms) && allowed.equals(s.allowed)
                && exact.equals(s.exact);
    }

    @Override
    public int hashCode() {
        return (terms.hashCode() * 31 + allowed.hashCode()) * 31 + exact.hashCode();
    }

    @Override
    public String toString() {
        return "SensitiveNames" + terms + " allowed " + allowed;
    }
}
