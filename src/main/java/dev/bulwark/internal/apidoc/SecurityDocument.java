package dev.bulwark.internal.apidoc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.Constructible;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.eclipse.microprofile.openapi.models.servers.Server;

/**
 * Writes what Bulwark enforces into a MicroProfile OpenAPI document: the security schemes in use, each operation's
 * security requirement (from its roles and scopes, the same policy the bindings enforce), the problem responses
 * Bulwark can answer there, and HTTPS servers only. What the application wrote itself wins: an operation's own
 * {@code security}, a response status it documents and a component of the same name are left as they are.
 */
public final class SecurityDocument {

    /** The name of the bearer token's scheme. */
    public static final String BEARER = "bulwark-bearer";
    /** The name of the API key's scheme (when API keys are on). */
    public static final String API_KEY = "bulwark-api-key";
    /** The name of the problem schema. */
    public static final String PROBLEM = "BulwarkProblem";
    /** Where each operation's access rule is written. */
    public static final String ACCESS_EXTENSION = "x-bulwark-access";
    private static final String PROBLEM_JSON = "application/problem+json";

    /** Makes the document's model objects: {@link OASFactory#createObject} on a server. */
    public interface Factory {
        <T extends Constructible> T create(Class<T> type);
    }

    private final OpenApiSettings settings;
    private final OperationIndex operations;
    private final String apiKeyHeader;
    private final Factory factory;

    /**
     * @param apiKeyHeader the header API keys come in when they are on (null: keys off, or only in
     *                     {@code Authorization})
     */
    public SecurityDocument(OpenApiSettings settings, OperationIndex operations, String apiKeyHeader,
                            Factory factory) {
        this.settings = settings;
        this.operations = operations;
        this.apiKeyHeader = apiKeyHeader;
        this.factory = factory;
    }

    /** A document made on a server: model objects from {@link OASFactory}. */
    public static SecurityDocument onServer(OpenApiSettings settings, OperationIndex operations, String apiKeyHeader) {
        return new SecurityDocument(settings, operations, apiKeyHeader, OASFactory::createObject);
    }

    /** Writes the security into {@code document}. */
    public void write(OpenAPI document) {
        if (!settings.security()) {
            return;
        }
        httpsServersOnly(document);
        boolean anyOperation = false;
        Map<Integer, Boolean> used = new TreeMap<>();
        if (document.getPaths() != null && document.getPaths().getPathItems() != null) {
            for (Map.Entry<String, PathItem> path : document.getPaths().getPathItems().entrySet()) {
                PathItem item = path.getValue();
                if (item == null || item.getOperations() == null) {
                    continue;
                }
                for (Map.Entry<PathItem.HttpMethod, Operation> op : item.getOperations().entrySet()) {
                    OperationContract contract = operations.find(op.getKey().name(), path.getKey());
                    if (contract == null || op.getValue() == null) {
                        continue;
                    }
                    anyOperation = true;
                    write(op.getValue(), contract, used);
                }
            }
        }
        if (anyOperation) {
            components(document, used);
        }
    }

    private void write(Operation operation, OperationContract contract, Map<Integer, Boolean> used) {
        if (operation.getSecurity() == null) {
            operation.setSecurity(requirements(contract));
        }
        Map<String, Object> access = new LinkedHashMap<>();
        access.put("access", contract.access().name().toLowerCase(java.util.Locale.ROOT));
        if (!contract.roles().isEmpty()) {
            access.put("roles", List.copyOf(new java.util.TreeSet<>(contract.roles())));
        }
        if (!contract.allScopes().isEmpty()) {
            access.put("scopes", List.copyOf(new java.util.TreeSet<>(contract.allScopes())));
        }
        if (!contract.anyScopes().isEmpty()) {
            access.put("anyOfScopes", List.copyOf(new java.util.TreeSet<>(contract.anyScopes())));
        }
        if (contract.owned()) {
            access.put("objectLevel", "other callers' objects answer 404");
        }
        operation.addExtension(ACCESS_EXTENSION, access);
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = factory.create(APIResponses.class);
            operation.setResponses(responses);
        }
        for (int status : contract.statuses()) {
            String code = Integer.toString(status);
            if (responses.getAPIResponses() != null && responses.getAPIResponses().containsKey(code)) {
                continue; // the application documents this status itself
            }
            APIResponse ref = factory.create(APIResponse.class);
            ref.setRef("#/components/responses/" + responseName(status));
            responses.addAPIResponse(code, ref);
            used.put(status, Boolean.TRUE);
        }
    }

    private List<SecurityRequirement> requirements(OperationContract contract) {
        List<SecurityRequirement> list = new ArrayList<>();
        if (contract.access() == OperationContract.Access.PUBLIC) {
            return list; // an empty list: no credential is needed
        }
        boolean oidc = settings.openIdConnectUrl() != null;
        for (List<String> scopes : contract.scopeAlternatives()) {
            SecurityRequirement r = factory.create(SecurityRequirement.class);
            r.addScheme(BEARER, oidc ? scopes : List.of()); // OpenAPI 3.0: scopes only on oauth2 / openIdConnect
            list.add(r);
        }
        if (apiKeyHeader != null) {
            SecurityRequirement r = factory.create(SecurityRequirement.class);
            r.addScheme(API_KEY, List.of());
            list.add(r);
        }
        return list;
    }

    private void components(OpenAPI document, Map<Integer, Boolean> used) {
        Components components = document.getComponents();
        if (components == null) {
            components = factory.create(Components.class);
            document.setComponents(components);
        }
        if (absent(components.getSecuritySchemes(), BEARER)) {
            SecurityScheme bearer = factory.create(SecurityScheme.class);
            if (settings.openIdConnectUrl() != null) {
                bearer.setType(SecurityScheme.Type.OPENIDCONNECT);
                bearer.setOpenIdConnectUrl(settings.openIdConnectUrl());
            } else {
                bearer.setType(SecurityScheme.Type.HTTP);
                bearer.setScheme("bearer");
                bearer.setBearerFormat("JWT");
            }
            bearer.setDescription("An access token (JWT) in `Authorization: Bearer`, verified by the server and "
                    + "checked by Bulwark (issuer, audience, lifetime, algorithm). Roles and scopes each operation "
                    + "requires are in its `" + ACCESS_EXTENSION + "`.");
            components.addSecurityScheme(BEARER, bearer);
        }
        if (apiKeyHeader != null && absent(components.getSecuritySchemes(), API_KEY)) {
            SecurityScheme key = factory.create(SecurityScheme.class);
            key.setType(SecurityScheme.Type.APIKEY);
            key.setIn(SecurityScheme.In.HEADER);
            key.setName(apiKeyHeader);
            key.setDescription("An API key issued to a machine client; its roles and scopes are the key's.");
            components.addSecurityScheme(API_KEY, key);
        }
        if (absent(components.getSchemas(), PROBLEM)) {
            components.addSchema(PROBLEM, problemSchema());
        }
        for (int status : used.keySet()) {
            if (absent(components.getResponses(), responseName(status))) {
                components.addResponse(responseName(status), response(status));
            }
        }
    }

    private APIResponse response(int status) {
        APIResponse r = factory.create(APIResponse.class);
        r.setDescription(description(status));
        Schema ref = factory.create(Schema.class);
        ref.setRef("#/components/schemas/" + PROBLEM);
        MediaType media = factory.create(MediaType.class);
        media.setSchema(ref);
        Content content = factory.create(Content.class);
        content.addMediaType(PROBLEM_JSON, media);
        r.setContent(content);
        if (status == 429) {
            r.addHeader("Retry-After", header("Seconds until a request may succeed again.", true));
            r.addHeader("RateLimit", header("The client's remaining quota and its reset (IETF RateLimit fields).",
                    false));
            r.addHeader("RateLimit-Policy", header("The quota policies that apply (IETF RateLimit fields).", false));
        }
        if (status == 401) {
            r.addHeader("WWW-Authenticate", header("The authentication scheme expected: `Bearer`.", true));
        }
        return r;
    }

    private Header header(String description, boolean integer) {
        Header h = factory.create(Header.class);
        h.setDescription(description);
        h.setSchema(typed(integer ? Schema.SchemaType.INTEGER : Schema.SchemaType.STRING));
        return h;
    }

    private Schema problemSchema() {
        Schema problem = typed(Schema.SchemaType.OBJECT);
        problem.setDescription("An RFC 9457 problem as Bulwark answers it: a generic title and detail, the "
                + "correlation id to quote, and for invalid input where and why (never the value sent).");
        problem.addProperty("type", typed(Schema.SchemaType.STRING));
        problem.addProperty("title", typed(Schema.SchemaType.STRING));
        problem.addProperty("status", typed(Schema.SchemaType.INTEGER));
        problem.addProperty("detail", typed(Schema.SchemaType.STRING));
        problem.addProperty("instance", typed(Schema.SchemaType.STRING));
        problem.addProperty("correlationId", typed(Schema.SchemaType.STRING));
        Schema error = typed(Schema.SchemaType.OBJECT);
        error.addProperty("in", typed(Schema.SchemaType.STRING));
        error.addProperty("field", typed(Schema.SchemaType.STRING));
        error.addProperty("message", typed(Schema.SchemaType.STRING));
        Schema errors = typed(Schema.SchemaType.ARRAY);
        errors.setItems(error);
        problem.addProperty("errors", errors);
        problem.setRequired(List.of("type", "title", "status", "correlationId"));
        return problem;
    }

    private Schema typed(Schema.SchemaType type) {
        Schema s = factory.create(Schema.class);
        s.setType(type);
        return s;
    }

    private void httpsServersOnly(OpenAPI document) {
        List<Server> servers = document.getServers();
        if (servers == null || servers.isEmpty()) {
            return;
        }
        List<Server> kept = new ArrayList<>();
        for (Server s : servers) {
            String url = s.getUrl();
            if (url != null && url.regionMatches(true, 0, "http://", 0, 7)) {
                continue; // Bulwark refuses or redirects plain HTTP: a client must not be told to use it
            }
            kept.add(s);
        }
        if (kept.size() != servers.size()) {
            document.setServers(kept);
        }
    }

    private static boolean absent(Map<String, ?> map, String name) {
        return map == null || !map.containsKey(name);
    }

    static String responseName(int status) {
        return switch (status) {
            case 400 -> "BulwarkBadRequest";
            case 401 -> "BulwarkUnauthorized";
            case 403 -> "BulwarkForbidden";
            case 404 -> "BulwarkNotFound";
            case 413 -> "BulwarkContentTooLarge";
            case 415 -> "BulwarkUnsupportedMediaType";
            case 429 -> "BulwarkTooManyRequests";
            default -> "BulwarkInternalServerError";
        };
    }

    private static String description(int status) {
        return switch (status) {
            case 400 -> "Invalid request: malformed or invalid input (path, query, headers or body; `errors` names "
                    + "each, never echoing the value).";
            case 401 -> "No valid credential: the bearer token (or API key) is missing, malformed, expired or not "
                    + "accepted.";
            case 403 -> "The caller lacks a required role or scope (or the request broke a transport or CORS rule).";
            case 404 -> "Not found, or an object that belongs to another caller (object-level authorization answers "
                    + "404 so that ids are not disclosed).";
            case 413 -> "The request body is larger than this endpoint accepts.";
            case 415 -> "The request's content type is not one this endpoint accepts.";
            case 429 -> "Too many requests: retry after `Retry-After` seconds.";
            default -> "An unexpected error; quote the correlation id when reporting it.";
        };
    }
}
