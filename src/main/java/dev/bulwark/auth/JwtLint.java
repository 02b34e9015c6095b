package dev.bulwark.auth;

import dev.bulwark.config.BulwarkConfig;
import dev.bulwark.config.ConfigLoader;
import dev.bulwark.config.ConfigProblem;
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

    private final BulwarkConfig.Jwt jwt;
    private final Function<String, Optional<String>> source;
    private final ClassLoader loader;
    private final List<ConfigProblem> problems = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private JwtLint(BulwarkConfig.Jwt jwt, Function<String, Optional<String>> source, ClassLoader loader) {
        this.jwt = jwt;
        this.source = source;
        this.loader = loader;
    }

    public static Result check(BulwarkConfig.Jwt jwt, Function<String, Optional<String>> source, ClassLoader loader) {
        JwtLint lint = new JwtLint(jwt, source, loader);
        if (jwt.inUse()) {
            lint.run();
        }
        return new Result(List.copyOf(lint.problems), List.copyOf(lint.warnings));
    }

    private void run() {
        BulwarkConfig.JwtLint optOut = jwt.lint();
        rule(jwt.issuer() == null, optOut.allowMissingIssuer(), ConfigLoader.MP_ISSUER,
                "is not set: tokens from any issuer the key signs for would be accepted", "the issuer URL");
        rule(jwt.audiences().isEmpty(), optOut.allowMissingAudience(), ConfigLoader.MP_AUDIENCES,
                "is not set: tokens minted for any other service would be accepted", "this API's audience");
        boolean hmac = jwt.algorithms().stream().anyMatch(a -> a.startsWith("HS"))
                || source.apply(ConfigLoader.MP_ALGORITHM).filter(a -> a.strip().startsWith("HS")).isPresent();
        rule(hmac, optOut.allowHmac(), "bulwark.jwt.algorithms",
                "allows an HMAC algorithm (a shared secret that every verifier could also sign with)",
                "RS256 or ES256");
        source.apply(ConfigLoader.MP_ALGORITHM).map(String::strip)
                .filter(a -> !jwt.algorithms().contains(a))
                .ifPresent(a -> problems.add(new ConfigProblem(ConfigLoader.MP_ALGORITHM,
                        "is not one of bulwark.jwt.algorithms", "one of " + String.join(", ", jwt.algorithms()))));
        for (String alg : jwt.algorithms()) {
            if (!alg.equals("RS256") && !alg.equals("ES256") && !alg.startsWith("HS")) {
                warnings.add("bulwark.jwt.algorithms opts in to " + alg + " beyond RS256/ES256");
            }
        }
        rule(jwt.clockSkew().toSeconds() > MAX_SKEW_SECONDS, optOut.allowLongSkew(), "bulwark.jwt.clock-skew",
                "is longer than 60s", "at most 60s");
        Optional<String> mpSkew = source.apply(ConfigLoader.MP_CLOCK_SKEW).map(String::strip);
        if (mpSkew.isPresent()) {
            long seconds;
            try {
                seconds = Long.parseLong(mpSkew.get());
            } catch (NumberFormatException e) {
                seconds = Long.MAX_VALUE;
            }
            rule(seconds > MAX_SKEW_SECONDS, optOut.allowLongSkew(), ConfigLoader.MP_CLOCK_SKEW,
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
        Optional<String> inline = source.apply(ConfigLoader.MP_PUBLIC_KEY);
        Optional<String> location = source.apply(ConfigLoader.MP_PUBLIC_KEY_LOCATION).map(String::strip);
        String text;
        String key;
        if (inline.isPresent()) {
            text = inline.get();
            key = ConfigLoader.MP_PUBLIC_KEY;
        } else if (location.isPresent()) {
            key = ConfigLoader.MP_PUBLIC_KEY_LOCATION;
            if (location.get().startsWith("http:") || location.get().startsWith("https:")) {
                warnings.add(key + " is remote: its key sizes are not checked at deployment");
                return;
            }
            text = read(location.get());
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
