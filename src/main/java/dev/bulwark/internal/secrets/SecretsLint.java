package dev.bulwark.internal.secrets;

import dev.bulwark.internal.exposure.egress.SecretShape;
import dev.bulwark.internal.exposure.egress.SecretShapes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds secret-looking values in configuration packaged in the application ({@code microprofile-config.properties}
 * in the WAR): a secret there is in every copy of the artifact, its repository and its build caches. A value is
 * secret-looking by its key's name (the last word is {@code password}, {@code secret}, {@code token},
 * {@code pepper}, {@code credentials}, {@code passphrase}, or the last two {@code api key}, {@code private key},
 * {@code access key}, {@code client secret}; Bulwark's own secret keys by their metadata) or by its shape (a PEM
 * private key, a JWS or JWE, a cloud or SaaS access key, a JSON Web Key with its private part, a password in a URL
 * or a JDBC connection string, a long high-entropy string). Empty values and property expressions
 * ({@code ${DB_PASSWORD}}, also as a URL's password) are references, a boolean or a small number under a
 * secret-sounding name ({@code allow-credentials=true}) is a setting, and a key naming something public (a public
 * or publishable key, a JWKS, a certificate, a checksum) may hold a long random-looking value: none of these is a
 * secret. Findings name the key and why, never the value.
 */
public final class SecretsLint {

    /** One secret-looking packaged value: its key and why (never the value). */
    public record Finding(String key, String why) {
    }

    private static final Set<String> SECRET_WORDS = Set.of("password", "passwd", "pwd", "secret", "token",
            "pepper", "credential", "credentials", "passphrase", "apikey");
    private static final Set<String> SECRET_PAIRS = Set.of("api key", "private key", "access key", "secret key",
            "client secret", "signing key");
    private static final Set<String> LOCATION_WORDS = Set.of("location", "path", "file", "dir", "url", "uri",
            "header", "cookie", "name", "names", "parameters", "claim", "enabled", "type", "algorithm");
    /** Words that say the value is public (a public key, a certificate, a publishable key): not a secret. */
    private static final Set<String> PUBLIC_WORDS = Set.of("public", "publickey", "publishable", "jwks", "certificate",
            "cert", "certs", "x5c", "fingerprint", "thumbprint", "checksum", "digest", "integrity");
    /** The words before a secret's name that make that very thing public: a public key, a publishable key. */
    private static final Set<String> PUBLIC_QUALIFIERS = Set.of("public", "publishable");
    private static final Pattern WORDS = Pattern.compile("[._\\-\\s]+|(?<=[a-z0-9])(?=[A-Z])");
    /**
     * A URL with a password in its user part: {@code redis://:pw@host}, {@code amqps://user:pw@host},
     * {@code jdbc:mysql://user:pw@host} (schemes nested as JDBC's are). The password is group 1.
     */
    private static final Pattern URL_PASSWORD = Pattern.compile(
            "^[A-Za-z][A-Za-z0-9+.-]*(?::[A-Za-z][A-Za-z0-9+.-]*)*://[^/@\\s:]*:([^/@\\s]+)@.*");
    /**
     * A password as a URL or connection-string parameter ({@code jdbc:postgresql://h/db?password=pw},
     * {@code jdbc:sqlserver://h;password=pw}, {@code ...&pwd=pw}). The password is group 1.
     */
    private static final Pattern PARAMETER_PASSWORD = Pattern.compile(
            "(?i)^[a-z][a-z0-9+.-]*:.*[?&;:](?:password|passwd|pwd)=([^&;\\s]+).*");
    /** Oracle's thin URL with credentials: {@code jdbc:oracle:thin:scott/tiger@host:1521:orcl}. Group 1. */
    private static final Pattern ORACLE_PASSWORD = Pattern.compile(
            "(?i)^jdbc:oracle:[a-z0-9]+:[^/@\\s:]+/([^/@\\s]+)@.*");
    /** A JSON Web Key with a private part ({@code "d"}: RSA, EC, OKP; {@code "k"}: a symmetric key). */
    private static final Pattern PRIVATE_JWK = Pattern.compile("(?s).*\"kty\"\\s*:.*\"[dk]\"\\s*:\\s*\"[^\"]+\".*");

    /** A boolean or a number is a setting ({@code allow-credentials=true}), not a secret. */
    private static final Pattern SETTING = Pattern.compile("(?i)true|false|on|off|yes|no|[0-9]{1,9}");
    private static final Pattern TOKEN_CHARS = Pattern.compile("[A-Za-z0-9+/=_-]+");

    private SecretsLint() {
    }

    /**
     * @param packaged     the packaged properties
     * @param secretByName true for a key whose name alone says it holds a secret (Bulwark's secret keys)
     */
    public static List<Finding> check(Map<String, String> packaged, Predicate<String> secretByName) {
        List<Finding> out = new ArrayList<>();
        for (var e : new TreeMap<>(packaged).entrySet()) {
            String why = why(e.getKey(), e.getValue().strip(), secretByName);
            if (why != null) {
                out.add(new Finding(e.getKey(), why));
            }
        }
        return out;
    }

    static String why(String key, String value, Predicate<String> secretByName) {
        if (value.isEmpty() || value.startsWith("${") && value.endsWith("}")) {
            return null;
        }
        SecretShape shape = SecretShapes.of(value);
        if (shape != null) {
            return "shaped like " + shape.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
        if (PRIVATE_JWK.matcher(value).matches()) {
            return "a JSON Web Key with its private part";
        }
        if (urlPassword(value)) {
            return "a URL with a password";
        }
        if (secretByName.test(key) || secretName(key) && !SETTING.matcher(value).matches()) {
            return "its name says it holds a secret";
        }
        if (!publicName(key) && highEntropy(value)) {
            return "a long random-looking value";
        }
        return null;
    }

    /** A password in a URL's user part or as a parameter of a URL or a JDBC connection string; not a reference. */
    static boolean urlPassword(String value) {
        for (Pattern p : new Pattern[] {URL_PASSWORD, PARAMETER_PASSWORD, ORACLE_PASSWORD}) {
            Matcher m = p.matcher(value);
            if (m.matches() && !m.group(1).startsWith("${")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The key names something public ({@code mp.jwt.verify.publickey}, {@code app.public-key}, {@code jwks},
     * a certificate, a checksum): a long random-looking value there is expected, not a secret.
     */
    static boolean publicName(String key) {
        for (String word : WORDS.split(key)) {
            if (PUBLIC_WORDS.contains(word.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** The key's last word (or last two) name a secret, and it is not where one is found ({@code .location}). */
    static boolean secretName(String key) {
        String[] words = WORDS.split(key);
        if (words.length == 0) {
            return false;
        }
        String last = words[words.length - 1].toLowerCase(Locale.ROOT);
        if (LOCATION_WORDS.contains(last)) {
            return false;
        }
        int secretWords = SECRET_WORDS.contains(last) ? 1
                : words.length > 1 && SECRET_PAIRS.contains(words[words.length - 2].toLowerCase(Locale.ROOT) + " "
                + last) ? 2 : 0;
        if (secretWords == 0) {
            return false;
        }
        // a public or publishable one is not a secret: stripe.publishable-key, maps.public-api-key, public.token;
        // a certificate's password or an integrity signing key is (only these qualifiers make the secret public)
        int before = words.length - secretWords - 1;
        return before < 0 || !PUBLIC_QUALIFIERS.contains(words[before].toLowerCase(Locale.ROOT));
    }

    /**
     * 32 or more characters of base64 or hex, with upper case, lower case and digits, and at least 4 bits of
     * entropy per character: a generated key or password, not a word, a date, a path or a URL.
     */
    static boolean highEntropy(String value) {
        if (value.length() < 32 || !TOKEN_CHARS.matcher(value).matches()) {
            return false;
        }
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        int[] counts = new int[128];
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            upper |= c >= 'A' && c <= 'Z';
            lower |= c >= 'a' && c <= 'z';
            digit |= c >= '0' && c <= '9';
            counts[c]++;
        }
        if (!(upper && lower && digit)) {
            return false;
        }
        double entropy = 0;
        for (int n : counts) {
            if (n > 0) {
                double p = (double) n / value.length();
                entropy -= p * Math.log(p) / Math.log(2);
            }
        }
        return entropy >= 4.0;
    }
}
