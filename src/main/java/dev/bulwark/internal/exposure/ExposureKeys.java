package dev.bulwark.internal.exposure;

import dev.bulwark.internal.config.ConfigConcern;
import dev.bulwark.internal.config.ConfigReader;
import dev.bulwark.internal.config.InvalidValueException;
import dev.bulwark.internal.config.Key;
import dev.bulwark.internal.config.Parsers;
import java.util.List;
import java.util.Set;

/** The keys of data exposure ({@code bulwark.exposure.*}): allow-lists, sensitive names, the lint. */
public final class ExposureKeys implements ConfigConcern<ExposureSettings> {

    public static final Key<Boolean> ENABLED = new Key<>("bulwark.exposure.enabled", Parsers.bool(), "true",
            "Serialize the JSON responses of resource methods with Bulwark's JSON-B filter: `@ResponseFields`"
                    + " allow-lists, `@Sensitive` properties and sensitive names never leave. See"
                    + " [data-exposure.md](data-exposure.md).",
            "false");

    public static final Key<Boolean> STRICT = new Key<>("bulwark.exposure.strict", Parsers.bool(), "false",
            "Fail the deployment on the exposure findings of the inventory: an endpoint returning a model object"
                    + " without `@ResponseFields`, a response type with properties held back only because their"
                    + " names look sensitive (mark them `@Sensitive`, or allow the name).",
            "true");

    public static final Key<List<String>> SENSITIVE_NAMES = new Key<>("bulwark.exposure.sensitive-names",
            Parsers.listOf(Parsers.of("term", "words such as api key", raw -> {
                if (SensitiveNames.termProblem(raw).isPresent()) {
                    throw new InvalidValueException(SensitiveNames.termProblem(raw).get());
                }
                return raw;
            }), "terms"), String.join(",", SensitiveNames.DEFAULT_TERMS),
            "Terms of JSON names that never leave, at any depth (map keys included), compared by words without case"
                    + " or separators (`api key` catches `apiKey`, `api_key`, `x-api-key`); a term followed by a"
                    + " word about it (`passwordResetRequired`, `tokenType`) is not caught. Replaces the default"
                    + " list.",
            "password,secret,token,api key,iban");

    public static final Key<List<String>> SENSITIVE_NAMES_ALLOWED = new Key<>(
            "bulwark.exposure.sensitive-names-allowed", Parsers.listOf(Parsers.text(), "JSON names"), "",
            "Exact JSON names that may leave although they look sensitive (an OAuth token endpoint's"
                    + " `access_token`); `@Sensitive` still wins.",
            "access_token,refresh_token");

    public static final ExposureKeys CONCERN = new ExposureKeys();

    private ExposureKeys() {
    }

    @Override
    public List<Key<?>> keys() {
        return List.of(ENABLED, STRICT, SENSITIVE_NAMES, SENSITIVE_NAMES_ALLOWED);
    }

    @Override
    public ExposureSettings read(ConfigReader reader) {
        return new ExposureSettings(reader.get(ENABLED), reader.get(STRICT),
                new SensitiveNames(reader.get(SENSITIVE_NAMES), Set.copyOf(reader.get(SENSITIVE_NAMES_ALLOWED))));
    }
}
