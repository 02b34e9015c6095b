package dev.bulwark.testkit;

/** How bad a finding is; the CLI's {@code --fail-on} and the SARIF level follow it. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL;

    /** The SARIF result level: {@code error} for high and critical, {@code warning} for medium, else {@code note}. */
    public String sarifLevel() {
        return switch (this) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW -> "note";
        };
    }

    /** The SARIF {@code security-severity} score GitHub code scanning ranks by. */
    public String securitySeverity() {
        return switch (this) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "2.0";
        };
    }
}
