package dev.bulwark.internal.controls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.internal.config.Key;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/configuration.md lists exactly the keys the code reads, each column as the key metadata says. */
class ConfigurationDocsTest {

    static final String REGENERATE = "mvn -B -ntp -o -pl :bulwark test -Dtest=ConfigurationDocsTest"
            + " -Dbulwark.docs.regenerate=true";

    @Test
    void theKeyTablesAreTheOnesTheMetadataGenerates() throws Exception {
        Path doc = Path.of(System.getProperty("bulwark.docs.dir", "docs"), "configuration.md");
        String page = Files.readString(doc, StandardCharsets.UTF_8);
        String generated = ConfigurationDocs.regenerate(page);
        if (Boolean.getBoolean("bulwark.docs.regenerate") && !generated.equals(page)) {
            Files.writeString(doc, generated, StandardCharsets.UTF_8);
            page = generated;
        }
        assertThat(page).as("docs/configuration.md differs from the key metadata (the Keys classes); regenerate"
                + " its tables with: " + REGENERATE).isEqualTo(generated);
    }

    @Test
    void everyKeyIsARowWithItsExactDefault() {
        String tables = ConfigurationDocs.tables(ConfigLoader.keys());
        for (Key<?> key : ConfigLoader.keys()) {
            String def = key.defaultValue() == null || key.defaultValue().isEmpty() ? "*(empty)*"
                    : "`" + key.defaultValue() + "`";
            assertThat(tables).as(key.name()).contains("| `" + key.name() + "` | " + key.type() + " | " + def + " | `"
                    + key.example() + "` | ");
        }
        assertThat(tables.lines().filter(l -> l.startsWith("| `"))).hasSize(ConfigLoader.keys().size());
    }
}
