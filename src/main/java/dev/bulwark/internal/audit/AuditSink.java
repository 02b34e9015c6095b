package dev.bulwark.internal.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Where the audit writer puts its lines (only ever called from the writer's thread). */
public interface AuditSink {

    /** @param warning an alert line (WARNING), else an access event (INFO) */
    void write(String line, boolean warning);

    /** The end of a batch: what was written is handed on. */
    default void flush() {
    }

    default void close() {
    }

    /** The sink of a destination. */
    static AuditSink of(AuditSettings settings) {
        return switch (settings.destination()) {
            case LOGGER -> logger(Logger.getLogger(AuditLog.LOGGER_NAME));
            case STDOUT -> lines(new OutputStreamWriter(new PrintStream(System.out, false, StandardCharsets.UTF_8),
                    StandardCharsets.UTF_8), false);
            case FILE -> file(Path.of(settings.file()));
        };
    }

    /** Each line as the message of one log record. */
    static AuditSink logger(Logger logger) {
        return (line, warning) -> logger.log(warning ? Level.WARNING : Level.INFO, line);
    }

    /** Appends to a file (created when missing). */
    static AuditSink file(Path file) {
        try {
            // a plain stream, not a channel: an interrupt of the writer thread must not close the file
            return lines(new OutputStreamWriter(new java.io.FileOutputStream(file.toFile(), true),
                    StandardCharsets.UTF_8), true);
        } catch (IOException e) {
            throw new UncheckedIOException("Bulwark audit: cannot open " + file + " for appending", e);
        }
    }

    /** One line each on a writer (pure ASCII lines: the charset cannot matter). */
    static AuditSink lines(Writer target, boolean closeIt) {
        Writer out = target instanceof BufferedWriter ? target : new BufferedWriter(target, 16_384);
        return new AuditSink() {
            private boolean failed;

            @Override
            public void write(String line, boolean warning) {
                try {
                    out.write(line);
                    out.write('\n');
                } catch (IOException e) {
                    failedOnce(e);
                }
            }

            @Override
            public void flush() {
                try {
                    out.flush();
                } catch (IOException e) {
                    failedOnce(e);
                }
            }

            @Override
            public void close() {
                flush();
                if (closeIt) {
                    try {
                        out.close();
                    } catch (IOException e) {
                        failedOnce(e);
                    }
                }
            }

            private void failedOnce(IOException e) {
                if (!failed) {
                    failed = true;
                    Logger.getLogger(AuditLog.LOGGER_NAME).log(Level.SEVERE, "Bulwark audit: writing failed: " + e);
                }
            }
        };
    }
}
