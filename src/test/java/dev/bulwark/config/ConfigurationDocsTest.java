package dev.bulwark.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/configuration.md must list exactly the keys the code reads, each with its real default. */
class ConfigurationDocsTest {

    /** | `key` | type | `default` or *(empty)* | ... */
    private static final Pattern ROW = Pattern.compile(
            "^\\|\\s*`(bulwark\\.[^`]+)`\\s*\\|[^|]*\\|\\s*(?:`([^`]*)`|\\*\\(empty\\)\\*)\\s*\\|", Pattern.MULTILINE);

    @Test
    void everyKeyIsDocumentedWithItsDefaultAndNothingElse() throws Exception {
        Path doc = Path.of(System.getProperty("bulwark.docs.dir", "docs"), "configuration.md");
        String text = Files.readString(doc);
        Map<String, String> documented = new LinkedHashMap<>();
        Matcher m = ROW.matcher(text);
        while (m.find()) {
            documented.put(m.group(1), m.group(2) == null ? "" : m.group(2));
        }
        Map<String, String> actual = new LinkedHashMap<>();
        for (Key<?> key : ConfigKeys.ALL) {
            actual.put(key.name(), key.defaultValue() == null ? "" : key.defaultValue());
        }
        assertThat(documented).as("rows of docs/configuration.md: | `key` | type | `default` or *(empty)* | ...")
                .containsExactlyInAnyOrderEntriesOf(actual);
    }
}
