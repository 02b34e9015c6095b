package dev.bulwark.internal.auth;

import dev.bulwark.internal.config.ConfigProblem;
import dev.bulwark.internal.config.ConfigReader;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Fails a deployment whose token verification is weak, fail-closed: no issuer or audience, HMAC algorithms, a
 * clock skew above 60 s, a configured RSA key below 2048 bits. Each rule can be relaxed only by its
 * {@code bulwark.jwt.lint.*} opt-out, and every opt-out in use is reported as a warning for the start-up log.
 */
public final class JwtLint {

    /** The lint's verdict: problems fail the deployment, warnings are logged. */
    public record Result(List<ConfigProblem> problems, List<String> warnings) {
    }

    private static final long MAX_SKEW_SECONDS = 60;
    private static final int MIN_RSA_BITS = 2048;

    private final JwtSettings jwt;
    private final ConfigReader mp;
    private final ClassLoader loader;
    private final List<ConfigProblem> problems = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private JwtLint(JwtSettings jwt, ConfigReader mp, ClassLoader loader) {
        this.jwt = jwt;
        this.mp = mp;
        this.loader = loader;
    }

    /** @param source the configuration the settings were read from, for the {@link MpJwtKeys} it checks */
    public static Result check(JwtSettings jwt, Function<String, Optional<String>> source, ClassLoader loader) {
        JwtLint lint = new JwtLint(jwt, new ConfigReader(source), loader);
        if (jwt.inUse()) {
            lint.run();
        }
        return new Result(List.copyOf(lint.problems), List.copyOf(lint.warnings));
    }

    private void run() {
        JwtLintSettings optOut = jwt.lint();
        rule(jwt.issuer() == null, optOut.allowMissingIssuer(), MpJwtKeys.ISSUER.name(),
                "is not set: tokens from any issuer the key signs for would be accepted", "the issuer URL");
        rule(jwt.audiences().isEmpty(), optOut.allowMissingAudience(), MpJwtKeys.AUDIENCES.name(),
                "is not set: tokens minted for any other service would be accepted", "this API's audience");
        String mpAlgorithm = mp.get(MpJwtKeys.ALGORITHM);
        boolean hmac = jwt.algorithms().stream().anyMatch(a -> a.startsWith("HS"))
                || mpAlgorithm != null && mpAlgorithm.startsWith("HS");
        rule(hmac, optOut.allowHmac(), JwtKeys.ALGORITHMS.name(),
                "allows an HMAC algorithm (a shared secret that every verifier could also sign with)",
                "RS256 or ES256");
        if (mpAlgorithm != null && !jwt.algorithms().contains(mpAlgorithm)) {
            problems.add(new ConfigProblem(MpJwtKeys.ALGORITHM.name(), "is not one of " + JwtKeys.ALGORITHMS.name(),
                    "one of " + String.join(", ", jwt.algorithms())));
        }
        for (String alg : jwt.algorithms()) {
            if (!alg.equals("RS256") && !alg.equals("ES256") && !alg.startsWith("HS")) {
                warnings.add(JwtKeys.ALGORITHMS.name() + " opts in to " + alg + " beyond RS256/ES256");
            }
        }
        rule(jwt.clockSkew().toSeconds() > MAX_SKEW_SECONDS, optOut.allowLongSkew(), JwtKeys.CLOCK_SKEW.name(),
                "is longer than 60s", "at most 60s");
        String mpSkew = mp.get(MpJwtKeys.CLOCK_SKEW);
        if (mpSkew != null) {
            long seconds;
            try {
                seconds = Long.parseLong(mpSkew);
            } catch (NumberFormatException e) {
                seconds = Long.MAX_VALUE;
            }
            rule(seconds > MAX_SKEW_SECONDS, optOut.allowLongSkew(), MpJwtKeys.CLOCK_SKEW.name(),
                    "is longer than 60 seconds (or not a number)", "at most 60");
        }
        checkKeyLength(optOut.allowWeakRsa());
    }

    private void rule(boolean broken, boolean optedOut, String key, String problem, String accepted) {
        if (!broken) {
            return;
        }
        if (optedOut) {
            warnings.add(key + " " + problem + " (allowed by an explicit bulwark.jwt.lint opt-out)");
        } else {
            problems.add(new ConfigProblem(key, problem, accepted));
        }
    }

    private void checkKeyLength(boolean optedOut) {
        String inline = mp.get(MpJwtKeys.PUBLIC_KEY);
        String location = mp.get(MpJwtKeys.PUBLIC_KEY_LOCATION);
        String text;
        String key;
        if (inline != null) {
            text = inline;
            key = MpJwtKeys.PUBLIC_KEY.name();
        } else if (location != null) {
            key = MpJwtKeys.PUBLIC_KEY_LOCATION.name();
            if (location.startsWith("http:") || location.startsWith("https:")) {
                warnings.add(key + " is remote: its key sizes are not checked at deployment");
                return;
            }
            text = read(location);
            if (text == null) {
                problems.add(new ConfigProblem(key, "cannot be read", "a class-path resource or file with a PEM"
                        + " public key or a JWKS"));
                return;
            }
        } else {
            return;
        }
        for (int bits : rsaKeySizes(text)) {
            rule(bits < MIN_RSA_BITS, optedOut, key, "holds a " + bits + "-bit RSA key", "RSA keys of 2048 bits or more");
        }
    }

    private String read(String location) {
        try {
            if (location.startsWith("file:")) {
                return Files.readString(Path.of(java.net.URI.create(location)), StandardCharsets.UTF_8);
            }
            String path = location.startsWith("classpath:") ? location.substring(10) : location;
            path = path.startsWith("/") ? path.substring(1) : path;
            try (InputStream in = loader.getResourceAsStream(path)) {
                if (in != null) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            Path file = Path.of(location);
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The modulus sizes of the RSA keys in a PEM public key or a JWK Set (other key types are ignored). */
    static List<Integer> rsaKeySizes(String text) {
        List<Integer> sizes = new ArrayList<>();
        String t = text.strip();
        if (t.startsWith("{")) {
            try (JsonReader reader = Json.createReader(new StringReader(t))) {
                JsonObject jwks = reader.readObject();
                List<JsonValue> keys = jwks.containsKey("keys") ? jwks.getJsonArray("keys") : List.of(jwks);
                for (JsonValue k : keys) {
                    JsonObject jwk = k.asJsonObject();
                    if (jwk.get("kty") instanceof JsonString kty && kty.getString().equals("RSA")
                            && jwk.get("n") instanceof JsonString n) {
                        sizes.add(new BigInteger(1, Base64.getUrlDecoder().decode(n.getString())).bitLength());
                    }
                }
            } catch (RuntimeException e) {
                return sizes;
            }
            return sizes;
        }
        String body = t.replaceAll("-----(BEGIN|END) (RSA )?PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            PublicKey key = KeyFactory.getInstance("RSA").generatePublic(
                    new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
            if (key instanceof RSAPublicKey rsa) {
                sizes.add(rsa.getModulus().bitLength());
            }
        } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
            // not an RSA public key (an EC key, say): nothing to measure
        }
        return sizes;
    }
}
