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
        Path summary = Files.writeString(dir.resolve(SUMMARY), report.summary(), StandardCharsets.UTF_8);
        Path sarif = Files.writeString(dir.resolve(SARIF), Sarif.write(report, version(), sourceRoot), StandardCharsets.UTF_8);
        Path junit = Files.writeString(dir.resolve(JUNIT), JUnitXml.write(report), StandardCharsets.UTF_8);
        return List.of(summary, sarif, junit);
    }

    static String version() {
        String v = Reports.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }
}
