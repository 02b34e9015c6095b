package dev.bulwark.testkit.report;

import dev.bulwark.testkit.ScanReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a scan's three reports into a directory: the summary, SARIF and JUnit XML. */
public final class Reports {

    public static final String SUMMARY = "bulwark-scan.txt";
    public static final String SARIF = "bulwark-scan.sarif";
    public static final String JUNIT = "TEST-bulwark-scan.xml";

    private Reports() {
    }

    /** Writes the reports, the SARIF located under {@code src/main/java}; returns the files written. */
    public static List<Path> write(ScanReport report, Path dir) throws IOException {
        return write(report, dir, "src/main/java");
    }

    /** Writes the reports, the SARIF's locations under {@code sourceRoot}; returns the files written. */
    public static List<Path> write(ScanReport report, Path dir, String sourceRoot) throws IOException {
        Files.createDirectories(dir);
        return List.of(text(dir.resolve(SUMMARY), report.summary()),
                text(dir.resolve(SARIF), Sarif.write(report, version(), sourceRoot)),
                text(dir.resolve(JUNIT), JUnitXml.write(report)));
    }

    /**
     * Writes UTF-8, a lone surrogate (a hostile answer's broken text quoted in a finding) as {@code ?}: the report
     * is written whatever the API answered ({@code Files.writeString} would throw and leave no report).
     */
    private static Path text(Path file, String content) throws IOException {
        return Files.write(file, content.getBytes(StandardCharsets.UTF_8));
    }

    static String version() {
        String v = Reports.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }
}
