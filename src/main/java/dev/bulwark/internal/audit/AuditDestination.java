package dev.bulwark.internal.audit;

/** Where the audit lines go ({@code bulwark.audit.destination}). */
public enum AuditDestination {
    /** The {@code java.util.logging} logger {@value AuditLog#LOGGER_NAME} (the server's log, Liberty's JSON logging). */
    LOGGER,
    /** Standard output, one JSON line each (containers that collect stdout). */
    STDOUT,
    /** A file of JSON lines, appended to ({@code bulwark.audit.file}). */
    FILE
}
