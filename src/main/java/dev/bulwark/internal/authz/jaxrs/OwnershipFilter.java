package dev.bulwark.internal.authz.jaxrs;

import dev.bulwark.internal.pipeline.Phase;
import dev.bulwark.api.AccessRequest;
import dev.bulwark.api.ObjectAccessPolicy;
import dev.bulwark.api.OwnedBy;
import dev.bulwark.internal.auth.RawToken;
import dev.bulwark.internal.authz.AuthzSettings;
import dev.bulwark.internal.authz.ObjectIds;
import dev.bulwark.internal.authz.Scopes;
import dev.bulwark.internal.errors.ProblemException;
import dev.bulwark.internal.errors.ProblemKind;
import dev.bulwark.internal.pipeline.RequestState;
import dev.bulwark.internal.resources.JaxRsParameters;
import dev.bulwark.internal.validation.JsonBodyRules;
import dev.bulwark.internal.ratelimit.RefusalBudget;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Method;
import java.util.List;
import java.util.function.Function;

/**
 * {@code @OwnedBy}: takes the object id from the path, the query or the checked body, in the canonical form the
 * resource will receive, and asks the application's {@link ObjectAccessPolicy} with the caller's identity from
 * the verified token only. Anything but a clear yes (no token, a non-canonical id, several values, a refusal) is
 * answered like a missing object. Runs after the body checks, so a body id is read from the checked copy.
 */
final class OwnershipFilter implements ContainerRequestFilter {

    /** One reader factory: {@code Json.createReader} looks the JSON provider up again on every call. */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(java.util.Map.of());

    private final OwnedBy owner;
    private final Class<?> idType;
    private final String endpoint;
    private final int deniedStatus;
    private final String scopeClaim;
    private final Function<Class<? extends ObjectAccessPolicy>, ObjectAccessPolicy> beans;
    private volatile ObjectAccessPolicy policy;

    /** @param beans the application's beans, where the {@link ObjectAccessPolicy} comes from */
    OwnershipFilter(OwnedBy owner, Method method, String endpoint, AuthzSettings config,
                    Function<Class<? extends ObjectAccessPolicy>, ObjectAccessPolicy> beans) {
        this.owner = owner;
        this.beans = beans;
        this.idType = parameterType(method, owner);
        this.endpoint = endpoint;
        this.deniedStatus = config.objectDeniedStatus();
        this.scopeClaim = config.scopeClaim();
    }

    @Override
    public void filter(ContainerRequestContext context) {
        RawToken token = AccessFilters.verifiedToken(context);
        String raw = rawId(context);
        String id = ObjectIds.canonical(raw, idType);
        if (id == null) {
            throw denied(context, "object id missing or not canonical for " + idType.getSimpleName());
        }
        JsonObject claims = token.claims();
        AccessRequest request = new AccessRequest(claims.getString("sub", ""), Scopes.groups(claims),
                Scopes.of(claims, scopeClaim), id, context.getMethod(), endpoint);
        if (!policy().permits(request)) {
            throw denied(context, "object " + id + " refused by " + owner.policy().getSimpleName());
        }
    }

    private String rawId(ContainerRequestContext context) {
        switch (owner.source()) {
            case PATH -> {
                List<String> values = context.getUriInfo().getPathParameters().get(owner.value());
                return values == null || values.size() != 1 ? null : values.get(0);
            }
            case QUERY -> {
                List<String> values = context.getUriInfo().getQueryParameters().get(owner.value());
                return values == null || values.size() != 1 ? null : values.get(0);
            }
            default -> {
                RequestState state = RequestState.from(context::getProperty);
                return bodyId(state == null ? null : state.get(JsonBodyRules.CHECKED_BODY));
            }
        }
    }

    private String bodyId(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try (JsonReader reader = READERS.createReader(new ByteArrayInputStream(bytes))) {
            JsonValue doc = reader.readValue();
            if (!(doc instanceof JsonObject o)) {
                return null;
            }
            JsonValue v = o.get(owner.value());
            if (v instanceof JsonString s) {
                return s.getString();
            }
            if (v instanceof JsonNumber n) {
                return n.toString();
            }
            return null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private ObjectAccessPolicy policy() {
        ObjectAccessPolicy p = policy;
        if (p == null) {
            p = beans.apply(owner.policy());
            policy = p;
        }
        return p;
    }

    /** The refusal, marked as one for the refusal budget (a 404 alone is not a refusal). */
    private ProblemException denied(ContainerRequestContext context, String reason) {
        RequestState.ensure(context::getProperty, context::setProperty).put(RefusalBudget.REFUSED, Boolean.TRUE);
        return new ProblemException(Phase.OWNERSHIP, deniedStatus == 403 ? ProblemKind.FORBIDDEN
                : ProblemKind.NOT_FOUND, List.of(), reason, java.util.Map.of());
    }

    /** The Java type of the path or query parameter (String for body members and unknown parameters). */
    private static Class<?> parameterType(Method method, OwnedBy owner) {
        if (owner.source() == OwnedBy.Source.BODY) {
            return String.class;
        }
        int index = JaxRsParameters.find(method, owner.source() == OwnedBy.Source.PATH ? "path" : "query",
                owner.value());
        return index < 0 ? String.class : method.getParameterTypes()[index];
    }
}
