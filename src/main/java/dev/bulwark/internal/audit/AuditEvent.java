package dev.bulwark.internal.audit;

import dev.bulwark.internal.observe.Observation;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Set;

/**
 * What one request left behind, as the request thread hands it over: references only, nothing formatted, escaped
 * or parsed (the writer thread does that, {@link EcsLine}). It never holds a token, a secret, a body or a header
 * beyond the user agent and the trace context. Its strings are cut when it is made, one character beyond the bound
 * of their field (so the line still shows they were cut): a queue full of events holds no client-sized string, however
 * large the headers or the path a flood of requests sends.
 *
 * @param epochMillis    when the response was done
 * @param durationNanos  from the filter's first step to the response done
 * @param method         the HTTP method as sent
 * @param route          the matched route template ({@code GET /it/api/orders/{id}}), or null when none matched
 * @param ownedObject    whether that endpoint guards object ids ({@code @OwnedBy})
 * @param path           the request path as sent (no query string: it may carry secrets)
 * @param status         the response status
 * @param requestBytes   the request body's declared length, or -1 when unknown (chunked) or none
 * @param responseBytes  the body bytes written (characters through a writer)
 * @param clientAddress  the client address, resolved through the trusted proxies
 * @param claims         the claims of the token Bulwark verified (its subject and client id are read from them), or null
 * @param principal      the container's principal name when no token was verified, or null
 * @param userAgent      the User-Agent header, or null
 * @param correlationId  the request's correlation id
 * @param traceparent    the W3C traceparent header as sent (its trace id is logged when well-formed), or null
 * @param refusal        who refused the request and why, or null
 * @param observed       the refusals observed controls would have made ({@code bulwark.observe}); the request went
 *                       on
 * @param endpointRoles  the {@code @RolesAllowed} roles of the matched endpoint (the deployment's own set, shared by
 *                       every event of the endpoint); empty when none or no endpoint matched
 * @param responseItems  the items of the response's JSON entity Bulwark wrote (a top-level array's elements, or a
 *                       top-level object's array members' elements), or -1 when it wrote none
 */
public record AuditEvent(long epochMillis, long durationNanos, String method, String route, boolean ownedObject,
                         String path, int status,
                         long requestBytes, long responseBytes, String clientAddress, JsonObject claims,
                         String principal, String userAgent, String correlationId, String traceparent,
                         Refusal refusal, List<Observation> observed, Set<String> endpointRoles,
                         long responseItems) {

    /** An event without a count of response items. */
    public AuditEvent(long epochMillis, long durationNanos, String method, String route, boolean ownedObject,
                      String path, int status, long requestBytes, long responseBytes, String clientAddress,
                      JsonObject claims, String principal, String userAgent, String correlationId,
                      String traceparent, Refusal refusal, List<Observation> observed, Set<String> endpointRoles) {
        this(epochMillis, durationNanos, method, route, ownedObject, path, status, requestBytes, responseBytes,
                clientAddress, claims, principal, userAgent, correlationId, traceparent, refusal, observed,
                endpointRoles, -1);
    }

    /** An event without endpoint roles. */
    public AuditEvent(long epochMillis, long durationNanos, String method, String route, boolean ownedObject,
                      String path, int status, long requestBytes, long responseBytes, String clientAddress,
                      JsonObject claims, String principal, String userAgent, String correlationId,
                      String traceparent, Refusal refusal, List<Observation> observed) {
        this(epochMillis, durationNanos, method, route, ownedObject, path, status, requestBytes, responseBytes,
                clientAddress, claims, principal, userAgent, correlationId, traceparent, refusal, observed, Set.of());
    }

    /** An event without observed refusals. */
    public AuditEvent(long epochMillis, long durationNanos, String method, String route, boolean ownedObject,
                      String path, int status, long requestBytes, long responseBytes, String clientAddress,
                      JsonObject claims, String principal, String userAgent, String correlationId,
                      String traceparent, Refusal refusal) {
        this(epochMillis, durationNanos, method, route, ownedObject, path, status, requestBytes, responseBytes,
                clientAddress, claims, principal, userAgent, correlationId, traceparent, refusal, List.of());
    }

    public AuditEvent {
        observed = observed == null ? List.of() : List.copyOf(observed);
        endpointRoles = endpointRoles == null ? Set.of() : Set.copyOf(endpointRoles); // no copy of an immutable set
        method = held(method, EcsLine.MAX_SHORT);
        route = held(route, EcsLine.MAX_ROUTE);
        path = held(path, EcsLine.MAX_PATH);
        clientAddress = held(clientAddress, EcsLine.MAX_SHORT);
        principal = held(principal, EcsLine.MAX_IDENTITY);
        userAgent = held(userAgent, EcsLine.MAX_USER_AGENT);
        correlationId = held(correlationId, EcsLine.MAX_SHORT);
        traceparent = held(traceparent, EcsLine.MAX_SHORT);
    }

    /**
     * The value, or its first {@code max + 1} characters (a copy: the request's own string is not kept) when longer;
     * the line cuts it to {@code max} and marks the cut.
     */
    static String held(String value, int max) {
        return value == null || value.length() <= max + 1 ? value : value.substring(0, max + 1);
    }

    /** The verified token's subject, else the container's principal, else null. */
    public String subject() {
        if (claims != null) {
            String sub = string(claims, "sub");
            return sub != null ? sub : principal;
        }
        return principal;
    }

    /** True when the subject is a verified token's ({@code user.id}), not only a principal name ({@code user.name}). */
    public boolean tokenSubject() {
        return claims != null && string(claims, "sub") != null;
    }

    /** The OAuth client the verified token was issued to: {@code azp}, else {@code client_id}; or null. */
    public String clientId() {
        if (claims == null) {
            return null;
        }
        String azp = string(claims, "azp");
        return azp != null ? azp : string(claims, "client_id");
    }

    /** The token's {@code jti}, or null (detectors only; never logged). */
    public String tokenId() {
        return claims == null ? null : string(claims, "jti");
    }

    /** True when one of Bulwark's controls refused the request. */
    public boolean refusedByBulwark() {
        return refusal != null && refusal.byBulwark();
    }

    private static String string(JsonObject claims, String name) {
        return claims.get(name) instanceof jakarta.json.JsonString s ? s.getString() : null;
    }
}
