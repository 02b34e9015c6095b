package dev.bulwark.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The findings a scanner may report without failing the build, read from one file
 * ({@code demo/src/test/scanners/accepted-findings.txt}, quoted by docs/security-testing.md): lines
 * {@code scanner | finding | reason}. Each finding is an id and a text; an entry {@code id: text} accepts that id
 * with a text starting so, an entry without {@code ": "} the id with any text. An entry without a reason is refused.
 */
final class ScanFindings {

    /** One thing a scanner reported, as its report has it. */
    record Finding(String scanner, String id, String text) {

        @Override
        public String toString() {
            return scanner + " | " + id + (text.isEmpty() ? "" : ": " + text);
        }
    }

    private record Accepted(String scanner, String id, String textPrefix, String reason) {

        boolean accepts(Finding f) {
            return f.scanner().equals(scanner) && f.id().equals(id)
                    && (textPrefix == null || f.text().startsWith(textPrefix));
        }
    }

    private final List<Accepted> accepted;

    private ScanFindings(List<Accepted> accepted) {
        this.accepted = accepted;
    }

    static ScanFindings read(Path file) throws IOException {
        List<Accepted> entries = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\|", 3);
            if (parts.length != 3 || parts[2].isBlank()) {
                throw new IllegalArgumentException(file + ": not 'scanner | finding | reason': " + line);
            }
            String finding = parts[1].strip();
            int colon = finding.indexOf(": ");
            entries.add(colon < 0 ? new Accepted(parts[0].strip(), finding, null, parts[2].strip())
                    : new Accepted(parts[0].strip(), finding.substring(0, colon), finding.substring(colon + 2),
                            parts[2].strip()));
        }
        return new ScanFindings(List.copyOf(entries));
    }

    /** The findings no entry accepts: what the build fails on. */
    List<Finding> unaccepted(List<Finding> findings) {
        return findings.stream().filter(f -> accepted.stream().noneMatch(a -> a.accepts(f))).toList();
    }
}
