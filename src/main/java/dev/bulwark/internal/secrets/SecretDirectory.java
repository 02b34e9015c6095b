package dev.bulwark.internal.secrets;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * Where the secret directory is: the system property {@value #PROPERTY}, else the environment variable
 * {@value #VARIABLE}. Only these two: the secret source is one of the sources the application's configuration is
 * made of, so it cannot be configured by that configuration. A relative path is relative to the server's working
 * directory.
 */
public final class SecretDirectory {

    public static final String PROPERTY = "bulwark.secrets.dir";
    public static final String VARIABLE = "BULWARK_SECRETS_DIR";

    private SecretDirectory() {
    }

    /** The configured directory, or null. */
    public static Path locate(Function<String, String> systemProperties, Function<String, String> environment) {
        String value = systemProperties.apply(PROPERTY);
        if (value == null || value.isBlank()) {
            value = environment.apply(VARIABLE);
        }
        return value == null || value.isBlank() ? null : Path.of(value.strip());
    }

    /** The directory the running JVM is configured with, or null. */
    public static Path locate() {
        return locate(System::getProperty, System::getenv);
    }
}
