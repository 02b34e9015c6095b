package dev.bulwark.internal.secrets;

import dev.bulwark.internal.config.InvalidValueException;
import dev.bulwark.internal.config.Key;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A key's value as it is now, following the secret files at run time in the order MicroProfile Config ranks its
 * sources (the files at {@value SecretFilesConfigSource#ORDINAL}):
 * <ul>
 * <li>the deployment took the value from a source ranked above the files (a system property, 400; an environment
 * variable, 300; a server's own higher sources): the files never replace it, whatever they hold now or later;</li>
 * <li>otherwise a value in the files wins (a packaged value, 100, or the default, is below them): a new file, or a
 * changed one, is used from the next call; a removed file leaves the last value from the files in place (a
 * volume being updated), or the deployed value when the files never gave one;</li>
 * <li>a value the key's parser refuses is reported once (by name, never the value) and the last one stays;</li>
 * <li>a file's value is read as the key's parser reads any value: without surrounding white space; an empty file
 * holds no value (like a removed one).</li>
 * </ul>
 */
public final class FollowedSecret implements Supplier<String> {

    private final Key<String> key;
    private final String deployed;
    private final boolean outranked;
    private final SecretFiles files;
    private final Consumer<String> problems;
    private final AtomicReference<String> last;
    private final AtomicReference<String> refused = new AtomicReference<>();
    private volatile boolean fromFiles;

    /**
     * @param deployed        the value the deployment read (may be the default)
     * @param deployedOrdinal the ordinal of the source it came from (0 for the default)
     * @param files           the secret files
     * @param problems        told of a refused value (names only)
     */
    public FollowedSecret(Key<String> key, String deployed, int deployedOrdinal, SecretFiles files,
                          Consumer<String> problems) {
        this.key = key;
        this.deployed = deployed;
        this.outranked = deployedOrdinal > SecretFilesConfigSource.ORDINAL;
        this.fromFiles = deployedOrdinal == SecretFilesConfigSource.ORDINAL;
        this.files = files;
        this.problems = problems;
        this.last = new AtomicReference<>(deployed);
    }

    /** True when a source above the secret files gave the value: the files are not followed. */
    public boolean outranked() {
        return outranked;
    }

    @Override
    public String get() {
        String current = last.get();
        if (outranked) {
            return current;
        }
        // as the configuration reads a value: surrounding white space removed (a file written with an editor), and
        // an empty one is none
        String file = files.get(key.name()).map(String::trim).filter(v -> !v.isEmpty()).orElse(null);
        String value = file != null ? file : fromFiles ? current : deployed;
        if (value == null || value.equals(current) || value.equals(refused.get())) {
            return current;
        }
        try {
            String valid = key.parser().parse(value);
            last.set(valid);
            fromFiles = file != null;
            return valid;
        } catch (InvalidValueException e) {
            refused.set(value); // reported once
            problems.accept("the new " + key.name() + " is not valid (" + e.getMessage() + "): the last one stays");
            return current;
        }
    }
}
