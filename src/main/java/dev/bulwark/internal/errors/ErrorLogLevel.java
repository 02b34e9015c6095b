package dev.bulwark.internal.errors;

import java.util.logging.Level;

/** How loudly client errors (4xx) are logged. Server errors (5xx) are always logged with their exception. */
public enum ErrorLogLevel {
    OFF(Level.OFF), FINE(Level.FINE), INFO(Level.INFO), WARNING(Level.WARNING);

    private final Level level;

    ErrorLogLevel(Level level) {
        this.level = level;
    }

    public Level level() {
        return level;
    }
}
