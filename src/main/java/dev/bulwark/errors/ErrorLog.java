package dev.bulwark.errors;

import dev.bulwark.correlation.RequestCorrelation;
import dev.bulwark.logging.SafeLog;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one server-side line written for each problem response, with the request's correlation id. Server errors
 * carry the full exception; client errors carry the real reason (sanitized), which the client never sees.
 */
public final class ErrorLog {

    private static final Logger LOG = Logger.getLogger("dev.bulwark.errors");

    private final Level clientLevel;

    public ErrorLog(Level clientLevel) {
        this.clientLevel = clientLevel;
    }

    public void serverError(String correlationId, int status, String request, Throwable error) {
        LOG.log(Level.SEVERE, RequestCorrelation.logPrefix(correlationId) + status + " for " + request + ": "
                + (error == null ? "error response from the container or application"
                        : "unhandled " + error.getClass().getName()), error);
    }

    public void clientError(String correlationId, int status, String request, String reason) {
        if (LOG.isLoggable(clientLevel)) {
            LOG.log(clientLevel, RequestCorrelation.logPrefix(correlationId) + status + " for " + request + ": "
                    + SafeLog.printable(reason, 300));
        }
    }

    /** "GET /path" with the path made safe for a log line. */
    public static String describe(String method, String uri) {
        return SafeLog.printable(method, 16) + " " + SafeLog.printable(uri, 200);
    }
}
