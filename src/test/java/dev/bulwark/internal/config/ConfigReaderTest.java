package dev.bulwark.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The generic key reader, with keys of its own (no concern involved). */
class ConfigReaderTest {

    private static final Key<Duration> WINDOW = new Key<>("bulwark.sample.window",
            Parsers.duration(Duration.ZERO, Duration.ofHours(1)), "1m", "A window.", "5m");
    private static final Key<Integer> SIZE = new Key<>("bulwark.sample.max-size", Parsers.intRange(1, 10), null,
            "A size.", "5");
    private static final Key<String> ISSUER = new Key<>("mp.jwt.verify.issuer", Parsers.text(), null, "An issuer.",
            "https://idp.example");
    private static final List<Key<?>> KEYS = List.of(WINDOW, SIZE, ISSUER);

    private static ConfigReader reader(Map<String, String> values) {
        return new ConfigReader(name -> Optional.ofNullable(values.get(name)));
    }

    @Test
    void readsValuesAndFallsBackToTheDefaultOrNull() {
        ConfigReader reader = reader(Map.of("bulwark.sample.max-size", " 7 ", "mp.jwt.verify.issuer", " https://i "));
        assertThat(reader.get(WINDOW)).isEqualTo(Duration.ofMinutes(1));
        assertThat(reader.get(SIZE)).isEqualTo(7);
        assertThat(reader.get(ISSUER)).isEqualTo("https://i");
        assertThat(reader.isSet(ISSUER)).isTrue();
        assertThat(reader.isSet(WINDOW)).isFalse();
        assertThat(reader(Map.of()).get(SIZE)).isNull();
        assertThat(reader.problems()).isEmpty();
    }

    @Test
    void aBadValueIsAProblemNamingTheKeyWithTheValueAndTheAcceptedFormAndReadsAsTheDefault() {
        ConfigReader reader = reader(Map.of("bulwark.sample.window", "2h", "bulwark.sample.max-size", "eleven\u001b"));
        assertThat(reader.get(WINDOW)).isEqualTo(Duration.ofMinutes(1));
        assertThat(reader.get(SIZE)).isNull();
        assertThat(reader.problems()).extracting(ConfigProblem::message).containsExactly(
                "Bulwark configuration key 'bulwark.sample.window': out of range: '2h' (expected a duration such as"
                        + " 500ms, 30s, 15m, 2h, 1d or PT15M, from PT0S to PT1H)",
                "Bulwark configuration key 'bulwark.sample.max-size': not an integer: 'eleven\\u001b' (expected an"
                        + " integer from 1 to 10)");
    }

    enum Kind { TOKEN, CARD_NUMBER, PEM_PRIVATE_KEY }

    @Test
    void aBadListEntryIsNamedWithTheAlternativesButASecretsEntryNever() {
        Key<List<Kind>> kinds = new Key<>("bulwark.sample.kinds", Parsers.listOf(Parsers.enumOf(Kind.class), "kinds"),
                "TOKEN", "Kinds.", "TOKEN,CARD_NUMBER");
        Key<List<Kind>> secret = new Key<>("bulwark.sample.secret-kinds",
                Parsers.listOf(Parsers.enumOf(Kind.class), "kinds"), "TOKEN", "Kinds.", "TOKEN");
        ConfigReader reader = reader(Map.of("bulwark.sample.kinds", "TOKEN, CARD", "bulwark.sample.secret-kinds",
                "TOKEN,hunter2"));
        assertThat(reader.get(kinds)).containsExactly(Kind.TOKEN);
        assertThat(reader.get(secret)).containsExactly(Kind.TOKEN);
        assertThat(reader.problems()).extracting(ConfigProblem::message).containsExactly(
                "Bulwark configuration key 'bulwark.sample.kinds': unknown value 'CARD' in the list: 'TOKEN, CARD'"
                        + " (expected a comma-separated list of kinds, each one of TOKEN, CARD_NUMBER,"
                        + " PEM_PRIVATE_KEY)",
                "Bulwark configuration key 'bulwark.sample.secret-kinds': unknown value (expected a comma-separated"
                        + " list of kinds, each one of TOKEN, CARD_NUMBER, PEM_PRIVATE_KEY)");
    }

    @Test
    void aConcernsOwnProblemNamesItsKey() {
        ConfigReader reader = reader(Map.of());
        reader.problem(SIZE, "conflicts with bulwark.sample.window", "at most the window");
        assertThat(reader.problems()).extracting(ConfigProblem::key).containsExactly("bulwark.sample.max-size");
    }

    @Test
    void anUnknownNameInTheNamespaceIsAProblemNamingTheClosestKey() {
        ConfigReader reader = reader(Map.of());
        reader.checkNames(KEYS, List.of("bulwark.sample.max-sise", "BULWARK_SAMPLE_WINDOWS", "mp.jwt.verify.issuer",
                "mp.jwt.anything", "other.setting", "bulwark.sample.window"));
        assertThat(reader.problems()).extracting(ConfigProblem::message).containsExactly(
                "Bulwark configuration key 'BULWARK_SAMPLE_WINDOWS': is not a Bulwark setting (expected a key from"
                        + " docs/configuration.md; did you mean 'bulwark.sample.window' (environment variable"
                        + " BULWARK_SAMPLE_WINDOW)?)",
                "Bulwark configuration key 'bulwark.sample.max-sise': is not a Bulwark setting (expected a key from"
                        + " docs/configuration.md; did you mean 'bulwark.sample.max-size'?)");
    }

    @Test
    void anEnvironmentVariableAndLibertysDottedAliasOfItPass() {
        ConfigReader reader = reader(Map.of());
        reader.checkNames(KEYS, List.of("BULWARK_SAMPLE_MAX_SIZE", "bulwark.sample.max.size"));
        assertThat(reader.problems()).isEmpty();
        assertThat(ConfigReader.environmentName("bulwark.sample.max-size")).isEqualTo("BULWARK_SAMPLE_MAX_SIZE");

        ConfigReader misspelt = reader(Map.of());
        misspelt.checkNames(KEYS, List.of("bulwark.sample.max.sise"));
        assertThat(misspelt.problems()).extracting(ConfigProblem::key).containsExactly("bulwark.sample.max.sise");
    }

    @Test
    void theTypeLabelComesFromTheParser() {
        assertThat(WINDOW.type()).isEqualTo("duration 0s to 1h");
        assertThat(SIZE.type()).isEqualTo("integer 1 to 10");
        assertThat(Parsers.listOf(Parsers.httpMethod(), "HTTP methods").type()).isEqualTo("list of HTTP methods");
        assertThat(Parsers.headerValueOneOf("DENY", "SAMEORIGIN").type()).isEqualTo("`DENY`, `SAMEORIGIN` or `off`");
        assertThat(Parsers.enumNames("404", "403").type()).isEqualTo("`404` or `403`");
    }
}
