package dev.bulwark.internal.errors;

/**
 * What the one server-side line of a problem says (the client sees none of it).
 *
 * @param correlationId the request's correlation id
 * @param request       what was asked for ({@link ErrorLog#describe})
 * @param caller        who asked, already safe for a log line, or null
 * @param reason        the real reason of a client error (made safe when written)
 * @param failure       the exception of a server error, logged in full; null when there is none
 */
public record Incident(String correlationId, String request, String caller, String reason, Throwable failure) {
}
