package dev.bulwark.internal.controls;

import dev.bulwark.internal.config.ConfigReader;
import dev.bulwark.internal.config.Key;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the key tables of docs/configuration.md from the key metadata ({@link ConfigLoader#keys()}): every column
 * (key, type, default, example, meaning) comes from the {@link Key}s, between two marker comments; the prose around
 * them is kept. Run with the path of configuration.md as the only argument, or through
 * {@link ConfigurationDocsTest} with {@code -Dbulwark.docs.regenerate=true}.
 */
public final class ConfigurationDocs {

    static final String BEGIN = "<!-- BEGIN key tables: generated from the key metadata by ConfigurationDocs;"
            + " edit the Keys classes, not this table -->";
    static final String END = "<!-- END key tables -->";

    private ConfigurationDocs() {
    }

    public static void main(String[] args) throws IOException {
        Path doc = Path.of(args.length > 0 ? args[0] : "docs/configuration.md");
        Files.writeString(doc, regenerate(Files.readString(doc, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    /** The page with the text between the markers replaced by the tables generated from the metadata. */
    static String regenerate(String page) {
        int begin = page.indexOf(BEGIN);
        int end = page.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("configuration.md lacks the markers " + BEGIN + " ... " + END);
        }
        return page.substring(0, begin + BEGIN.length()) + "\n" + tables(ConfigLoader.keys()) + page.substring(end);
    }

    /** Bulwark's own keys, then the MicroProfile JWT keys Bulwark reads. */
    static String tables(List<Key<?>> keys) {
        StringBuilder out = new StringBuilder();
        out.append('\n');
        table(out, keys.stream().filter(k -> k.name().startsWith(ConfigReader.PREFIX)).toList());
        out.append("\n### MicroProfile JWT keys Bulwark reads\n\n")
                .append("Bulwark never sets these; it reads them to know whether bearer tokens are in use and what to")
                .append(" check besides the container.\nThe defaults are MicroProfile JWT's.\n\n");
        table(out, keys.stream().filter(k -> !k.name().startsWith(ConfigReader.PREFIX)).toList());
        out.append('\n');
        return out.toString();
    }

    private static void table(StringBuilder out, List<Key<?>> keys) {
        out.append("| Key | Type | Default | Example | Meaning |\n| --- | --- | --- | --- | --- |\n");
        for (Key<?> key : keys) {
            out.append("| ").append(code(key.name()))
                    .append(" | ").append(cell(key.type()))
                    .append(" | ").append(key.defaultValue() == null || key.defaultValue().isEmpty() ? "*(empty)*"
                            : code(key.defaultValue()))
                    .append(" | ").append(code(key.example()))
                    .append(" | ").append(cell(key.description()))
                    .append(" |\n");
        }
    }

    private static String code(String text) {
        return "`" + cell(text) + "`";
    }

    /** A table cell: a pipe would end it. */
    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
