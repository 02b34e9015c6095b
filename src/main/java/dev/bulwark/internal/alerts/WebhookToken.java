package dev.bulwark.internal.alerts;

import dev.bulwark.internal.secrets.FollowedValue;
import dev.bulwark.internal.secrets.SecretFiles;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The webhook's bearer token now. When the deployment took it from the secret files (or found none anywhere), it is
 * followed there: a rotated token is used from the next POST on, without a restart. An environment variable or a
 * system property outranks the files, and then the files are not its source. A new value that is no valid token, or
 * the token's file removed, keeps the last good token (reported once, by name).
 */
final class WebhookToken implements Supplier<String> {

    private final SecretFiles files;
    private final Consumer<String> problems;
    private final Supplier<String> current;

    /**
     * @param deployed the token the deployment read, or null
     * @param files    the secret files, or null when there are none
     * @param problems told of a refused change (the key's name, never a value)
     */
    WebhookToken(String deployed, SecretFiles files, Consumer<String> problems) {
        this.files = files;
        this.problems = problems;
        boolean fromFiles = files != null && (deployed == null || deployed.equals(fileValue().orElse(null)));
        this.current = fromFiles ? new FollowedValue<>(files, deployed, this::reread) : () -> deployed;
    }

    @Override
    public String get() {
        return current.get();
    }

    private String reread(String last) {
        String name = WebhookKeys.TOKEN.name();
        String value = fileValue().orElse(null);
        if (value == null) {
            if (last != null) {
                problems.accept(name + " was removed from the secret files: the last token stays");
            }
            return last;
        }
        if (!WebhookKeys.validToken(value)) {
            problems.accept("the new " + name + " is not printable ASCII without spaces: the last token stays");
            return last;
        }
        return value;
    }

    /** The file's value as the configuration reads it (surrounding white space removed), or empty. */
    private Optional<String> fileValue() {
        return files.get(WebhookKeys.TOKEN.name()).map(String::strip).filter(v -> !v.isEmpty());
    }
}
