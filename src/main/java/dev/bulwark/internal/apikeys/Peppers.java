package dev.bulwark.internal.apikeys;

import dev.bulwark.internal.secrets.FollowedValue;
import dev.bulwark.internal.secrets.SecretFiles;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The keyed hash under the current pepper, followed through the secret files: when the files change
 * ({@link SecretFiles#generation()}), {@code bulwark.apikeys.pepper} and {@code bulwark.apikeys.pepper-previous}
 * are read again and the hash rebuilt, without a restart. A value the files no longer hold falls back to the one
 * the deployment read elsewhere (a value that came from the files is gone with them). A new pepper that is too short,
 * or a removed one, is refused: the last good pepper stays, and the problem is reported (names only). Cheap per
 * call: one look at the files' generation.
 */
public final class Peppers implements Supplier<KeyHasher> {

    private final String deployedPepper;
    private final String deployedPrevious;
    private final SecretFiles secrets;
    private final boolean pepperFromFiles;
    private final boolean previousFromFiles;
    private final Consumer<String> problems;
    private final FollowedValue<KeyHasher> current;

    /**
     * @param pepper   the pepper the deployment read
     * @param previous the previous pepper the deployment read, or null
     * @param secrets  the secret files, or null when there are none
     * @param problems told of a refused pepper change (names only)
     */
    public Peppers(String pepper, String previous, SecretFiles secrets, Consumer<String> problems) {
        this.deployedPepper = pepper;
        this.deployedPrevious = previous;
        this.secrets = secrets;
        this.problems = problems;
        // from the files only when the configuration took the files' value: an environment variable or a system
        // property outranks them, and then the files are not this pepper's source
        this.pepperFromFiles = secrets != null && pepper != null
                && pepper.equals(fileValue(ApiKeyKeys.PEPPER.name()).orElse(null));
        // no previous pepper from anywhere: one may come with a rotation, through the files
        this.previousFromFiles = secrets != null && (previous == null
                || previous.equals(fileValue(ApiKeyKeys.PREVIOUS_PEPPER.name()).orElse(null)));
        this.current = new FollowedValue<>(secrets, new KeyHasher(pepper, previous), this::rebuilt);
    }

    @Override
    public KeyHasher get() {
        return current.get();
    }

    /** A secret file's value as the configuration reads it (surrounding white space removed), or empty. */
    private java.util.Optional<String> fileValue(String key) {
        return secrets.get(key).map(String::strip).filter(v -> !v.isEmpty());
    }

    private KeyHasher rebuilt(KeyHasher last) {
        String pepper = pepperFromFiles ? fileValue(ApiKeyKeys.PEPPER.name()).orElse(null) : deployedPepper;
        String previous = previousFromFiles ? fileValue(ApiKeyKeys.PREVIOUS_PEPPER.name()).orElse(null)
                : deployedPrevious;
        if (pepper == null) {
            problems.accept(ApiKeyKeys.PEPPER.name() + " was removed from the secret files: the last pepper stays");
            return last;
        }
        if (tooShort(pepper) || previous != null && tooShort(previous)) {
            problems.accept("the new " + (tooShort(pepper) ? ApiKeyKeys.PEPPER : ApiKeyKeys.PREVIOUS_PEPPER).name()
                    + " is shorter than " + KeyHasher.MIN_PEPPER_BYTES + " bytes: the last pepper stays");
            return last;
        }
        return new KeyHasher(pepper, previous);
    }

    private static boolean tooShort(String pepper) {
        return pepper.getBytes(StandardCharsets.UTF_8).length < KeyHasher.MIN_PEPPER_BYTES;
    }
}
