package dev.bulwark.testkit.engine;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The API under test: its endpoints from Bulwark's inventory ({@code /bulwark/inventory}), from an OpenAPI 3
 * document (JSON), or both (merged by method and path; the inventory's access rule, the document's schemas and
 * scopes), and the document's component schemas for {@code $ref}s.
 */
public final class ApiModel {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final List<ApiEndpoint> endpoints;
    private final Map<String, JsonObject> schemas;

    public ApiModel(List<ApiEndpoint> endpoints, Map<String, JsonObject> schemas) {
        this.endpoints = List.copyOf(endpoints);
        this.schemas = Map.copyOf(schemas);
    }

    public List<ApiEndpoint> endpoints() {
        return endpoints;
    }

    /** The endpoints whose path starts with one of {@code prefixes} (all of them when there is none). */
    public ApiModel only(List<String> prefixes) {
        if (prefixes.isEmpty()) {
            return this;
        }
        return new ApiModel(endpoints.stream().filter(e -> prefixes.stream().anyMatch(e.path()::startsWith)).toList(),
                schemas);
    }

    /** A schema with its {@code $ref} followed (to {@code #/components/schemas/X}); null stays null. */
    public JsonObject resolve(JsonObject schema) {
        JsonObject s = schema;
        for (int i = 0; s != null && s.containsKey("$ref") && i < 16; i++) {
            String ref = s.getString("$ref", "");
            s = schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return s;
    }

    /**
     * The inventory's JSON ({@code {"endpoints": [{"method", "path", "consumes", "access", "handler"}]}}), or the
     * posture report's (the access under {@code protections}).
     */
    public static ApiModel fromInventory(String json) {
        JsonObject root = Json.parse(json).asJsonObject();
        List<ApiEndpoint> out = new ArrayList<>();
        for (JsonValue v : root.getJsonArray("endpoints")) {
            JsonObject e = v.asJsonObject();
            // The inventory has "access"; the posture report (docs/posture.md) "protections": {"access": ...}.
            JsonObject protections = e.get("protections") instanceof JsonObject p ? p : null;
            String access = e.containsKey("access") ? e.getString("access", null)
                    : protections != null ? protections.getString("access", null) : null;
            out.add(new ApiEndpoint(e.getString("method"), e.getString("path"), Access.parse(access),
                    List.of(), Json.strings(e.get("consumes")), null, null, e.getString("handler", null)));
        }
        return new ApiModel(out, Map.of());
    }

    /**
     * An OpenAPI 3 document (JSON). Paths are prefixed with the path of the first server URL that applies (the
     * operation's, the path item's, else the document's: the context root in Liberty's documents) unless
     * {@code prefix} is given.
     */
    public static ApiModel fromOpenApi(String json, String prefix) {
        JsonObject root = Json.parse(json).asJsonObject();
        List<String> base = prefix != null ? List.of(prefix) : serverPaths(root);
        Map<String, JsonObject> schemas = new LinkedHashMap<>();
        JsonObject components = root.getJsonObject("components");
        if (components != null && components.getJsonObject("schemas") != null) {
            components.getJsonObject("schemas").forEach((k, v) -> {
                if (v instanceof JsonObject o) {
                    schemas.put(k, o);
                }
            });
        }
        List<ApiEndpoint> out = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        JsonObject paths = root.getJsonObject("paths");
        JsonArray globalSecurity = root.getJsonArray("security");
        if (paths != null) {
            for (Map.Entry<String, JsonValue> p : paths.entrySet()) {
                JsonObject item = p.getValue().asJsonObject();
                // A path item's own servers win over the document's (a server merging several applications'
                // documents puts each application's context root there).
                List<String> itemBase = prefix != null ? List.of(prefix)
                        : item.containsKey("servers") ? serverPaths(item) : base;
                List<Parameter> shared = parameters(item.getJsonArray("parameters"));
                for (Map.Entry<String, JsonValue> op : item.entrySet()) {
                    if (!METHODS.contains(op.getKey().toLowerCase(Locale.ROOT))) {
                        continue;
                    }
                    JsonObject o = op.getValue().asJsonObject();
                    List<Parameter> params = new ArrayList<>(shared);
                    params.addAll(parameters(o.getJsonArray("parameters")));
                    List<String> consumes = new ArrayList<>();
                    JsonObject request = null;
                    JsonObject body = o.getJsonObject("requestBody");
                    if (body != null && body.getJsonObject("content") != null) {
                        consumes.addAll(body.getJsonObject("content").keySet());
                        request = jsonSchema(body.getJsonObject("content"));
                    }
                    JsonObject response = null;
                    JsonObject responses = o.getJsonObject("responses");
                    if (responses != null) {
                        for (String code : List.of("200", "201", "2XX", "default")) {
                            JsonObject r = responses.getJsonObject(code);
                            if (r != null && r.getJsonObject("content") != null) {
                                response = jsonSchema(r.getJsonObject("content"));
                                if (response != null) {
                                    break;
                                }
                            }
                        }
                    }
                    JsonArray security = o.containsKey("security") ? o.getJsonArray("security") : globalSecurity;
                    // One operation per server path: a merged document lists every application serving the path.
                    List<String> opBase = prefix == null && o.containsKey("servers") ? serverPaths(o) : itemBase;
                    for (String b : opBase) {
                        String path = join(b, p.getKey());
                        if (seen.add(op.getKey().toUpperCase(Locale.ROOT) + " " + ApiEndpoint.normalized(path))) {
                            out.add(new ApiEndpoint(op.getKey(), path, access(o, security), params, consumes, request,
                                    response, null));
                        }
                    }
                }
            }
        }
        return new ApiModel(out, schemas);
    }

    /** The inventory's endpoints with what the document adds; documented operations the inventory lacks are kept. */
    public static ApiModel merge(ApiModel inventory, ApiModel document) {
        List<ApiEndpoint> out = new ArrayList<>();
        // Indexed by operation (a merged server document has thousands): method and the path without variable names.
        Map<String, ApiEndpoint> left = new LinkedHashMap<>();
        for (ApiEndpoint d : document.endpoints) {
            left.putIfAbsent(key(d), d);
        }
        for (ApiEndpoint e : inventory.endpoints) {
            ApiEndpoint match = left.remove(key(e));
            out.add(match != null ? e.merge(match) : e);
        }
        out.addAll(left.values());
        Map<String, JsonObject> schemas = new LinkedHashMap<>(inventory.schemas);
        schemas.putAll(document.schemas);
        return new ApiModel(out, schemas);
    }

    private static String key(ApiEndpoint e) {
        return e.method() + " " + ApiEndpoint.normalized(e.path());
    }

    private static Access access(JsonObject operation, JsonArray security) {
        JsonValue extension = operation.get("x-bulwark-access");
        if (extension instanceof JsonString s) {
            return Access.parse(s.getString());
        }
        if (security == null) {
            return Access.UNKNOWN;
        }
        if (security.isEmpty() || security.stream().anyMatch(r -> r.asJsonObject().isEmpty())) {
            return new Access(true, true, false, Set.of(), Set.of(), Set.of(), false);
        }
        // Alternatives (an array of requirements): only scopes every alternative names are surely needed.
        Set<String> scopes = null;
        for (JsonValue requirement : security) {
            Set<String> these = new LinkedHashSet<>();
            requirement.asJsonObject().values().forEach(v -> these.addAll(Json.strings(v)));
            if (scopes == null) {
                scopes = these;
            } else {
                scopes.retainAll(these);
            }
        }
        return new Access(true, false, false, Set.of(), scopes == null ? Set.of() : scopes, Set.of(), false);
    }

    private static List<Parameter> parameters(JsonArray array) {
        List<Parameter> out = new ArrayList<>();
        if (array != null) {
            for (JsonValue v : array) {
                JsonObject p = v.asJsonObject();
                String in = p.getString("in", "");
                if (in.equals("path") || in.equals("query")) {
                    out.add(new Parameter(p.getString("name", ""), in, p.getBoolean("required", in.equals("path")),
                            p.getJsonObject("schema")));
                }
            }
        }
        return out;
    }

    private static JsonObject jsonSchema(JsonObject content) {
        for (Map.Entry<String, JsonValue> e : content.entrySet()) {
            if (e.getKey().contains("json") && e.getValue() instanceof JsonObject media) {
                return media.getJsonObject("schema");
            }
        }
        return null;
    }

    /** The distinct paths of the {@code servers} of a document, path item or operation ({@code ""} when none). */
    private static List<String> serverPaths(JsonObject holder) {
        JsonArray servers = holder.getJsonArray("servers");
        Set<String> paths = new LinkedHashSet<>();
        if (servers != null) {
            for (JsonValue server : servers) {
                String url = server instanceof JsonObject o ? o.getString("url", "") : "";
                try {
                    String path = URI.create(url).getPath();
                    paths.add(path == null ? "" : path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
                } catch (IllegalArgumentException e) {
                    paths.add("");
                }
            }
        }
        return paths.isEmpty() ? List.of("") : List.copyOf(paths);
    }

    private static String join(String base, String path) {
        String b = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return b + (path.startsWith("/") ? path : "/" + path);
    }
}
