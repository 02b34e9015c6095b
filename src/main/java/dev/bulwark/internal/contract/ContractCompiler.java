package dev.bulwark.internal.contract;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.serialization.JsonMapperFactory;
import com.networknt.schema.serialization.YamlMapperFactory;
import dev.bulwark.internal.apidoc.OpenApiKeys;
import dev.bulwark.internal.apidoc.OpenApiSettings;
import dev.bulwark.internal.apidoc.OperationIndex;
import dev.bulwark.internal.pipeline.EndpointPolicy;
import dev.bulwark.internal.pipeline.EndpointSite;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Compiles the application's OpenAPI document (3.0 or 3.1, JSON or YAML) against the endpoint model, once, at
 * deployment: each operation is matched to the one resource method that serves it (HTTP method and path template
 * below one of the document's server base paths, else as {@link OperationIndex} matches them), its parameters and request body schemas are compiled with networknt's
 * json-schema-validator in the document's OpenAPI dialect ({@code $ref}s within the document, {@code nullable},
 * {@code discriminator}), and everything that cannot be enforced as written is a deployment problem naming
 * {@code bulwark.openapi.document}: a document that does not parse, a reference outside it, an operation no
 * resource method serves, a parameter style or shape the check does not read. Resource methods the document does
 * not describe are listed (and a problem with {@code bulwark.openapi.undocumented-endpoints=refuse}).
 */
public final class ContractCompiler {

    /** Where the document is registered for the schema library: a name that is never fetched. */
    static final String BASE = "https://openapi.bulwark.invalid/document.json";

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");
    /** Header parameters OpenAPI says are ignored: other steps own them. */
    private static final Set<String> IGNORED_HEADERS = Set.of("accept", "content-type", "authorization");

    /** The contract, or the problems that fail the deployment (the contract is then null). */
    public record Result(Contract contract, List<String> problems) {
        public Result {
            problems = List.copyOf(problems);
        }
    }

    private final OpenApiSettings settings;
    private final String name;
    private final String contextRoot;
    private List<String> bases;
    private final List<String> problems = new ArrayList<>();
    private JsonNode root;
    private SchemaRegistry registry;

    private ContractCompiler(OpenApiSettings settings, String name, String contextRoot) {
        this.settings = settings;
        this.name = name;
        this.contextRoot = OperationIndex.normalize(contextRoot).equals("/") ? ""
                : OperationIndex.normalize(contextRoot);
    }

    /** Reads the document the settings name from the application's class path, and compiles it. */
    public static Result load(OpenApiSettings settings, ClassLoader loader, String contextRoot,
                              List<EndpointPolicy> policies) {
        try {
            Class.forName("com.networknt.schema.SchemaRegistry", false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return new Result(null, List.of(OpenApiKeys.VALIDATION.name() + "=on needs "
                    + "com.networknt:json-schema-validator in the application"));
        }
        List<String> candidates = settings.document() != null ? List.of(settings.document())
                : OpenApiSettings.STATIC_FILES;
        for (String candidate : candidates) {
            try (java.io.InputStream in = loader.getResourceAsStream(candidate)) {
                if (in != null) {
                    return compile(settings, candidate, new String(in.readAllBytes(),
                            java.nio.charset.StandardCharsets.UTF_8), contextRoot, policies);
                }
            } catch (java.io.IOException e) {
                return new Result(null, List.of(OpenApiKeys.DOCUMENT.name() + " (" + candidate + "): cannot be read: "
                        + e.getMessage()));
            }
        }
        return new Result(null, List.of(OpenApiKeys.DOCUMENT.name() + ": no class-path resource " + String.join(
                " or ", candidates) + " for " + OpenApiKeys.VALIDATION.name() + "=on"));
    }

    /**
     * Compiles a document's text against the resource methods of the endpoint model.
     *
     * @param contextRoot the module's context root, which the model's templates start with ({@code ""} for none)
     */
    public static Result compile(OpenApiSettings settings, String name, String text, String contextRoot,
                                 List<EndpointPolicy> policies) {
        ContractCompiler compiler = new ContractCompiler(settings, name, contextRoot);
        Contract contract = compiler.run(text, policies);
        return compiler.problems.isEmpty() ? new Result(contract, List.of()) : new Result(null, compiler.problems);
    }

    /** The classes request validation needs from the application (networknt's validator, Jackson 3 and its YAML). */
    private static final java.util.List<String> LIBRARY = java.util.List.of("com.networknt.schema.SchemaRegistry",
            "tools.jackson.databind.JsonNode", "tools.jackson.dataformat.yaml.YAMLFactory");

    /**
     * The problem of an application without the validation library (the first class its loader cannot load), or
     * null when it has them all: the deployment must fail naming the key, not with a linkage error.
     */
    public static dev.bulwark.internal.config.ConfigProblem libraryProblem(ClassLoader loader) {
        for (String name : LIBRARY) {
            try {
                Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                return new dev.bulwark.internal.config.ConfigProblem(OpenApiKeys.VALIDATION.name(),
                        "is on but the application cannot load " + name + ": put com.networknt:json-schema-validator"
                                + " 3.0.x (with Jackson 3 and its YAML module) in the WAR", "off, or add the library");
            }
        }
        return null;
    }

    private void problem(String text) {
        problems.add(OpenApiKeys.DOCUMENT.name() + " (" + name + "): " + text);
    }

    private Contract run(String text, List<EndpointPolicy> policies) {
        try {
            root = YamlMapperFactory.getInstance().readTree(text); // YAML 1.2 reads JSON too
        } catch (JacksonException e) {
            problem("does not parse as JSON or YAML" + (e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ")"));
            return null;
        }
        Dialect dialect = dialect(root == null ? null : root.get("openapi"));
        if (dialect == null) {
            problem("is not an OpenAPI 3.0 or 3.1 document (its 'openapi' field)");
            return null;
        }
        List<String> external = new ArrayList<>();
        externalReferences(root, "", external);
        if (!external.isEmpty()) {
            problem("references outside the document are not read: " + String.join(", ", external));
            return null;
        }
        bases = bases(root.get("servers"));
        String json = JsonMapperFactory.getInstance().writeValueAsString(root);
        registry = SchemaRegistry.withDefaultDialect(dialect, b -> b.schemas(Map.of(BASE, json)));
        Map<Contract.Key, OperationCheck> operations = new LinkedHashMap<>();
        List<EndpointSite> resources = policies.stream().map(EndpointPolicy::site)
                .filter(s -> s.kind() == EndpointSite.Kind.RESOURCE && s.httpMethod() != null && s.path() != null)
                .toList();
        JsonNode paths = root.get("paths");
        if (paths != null && paths.isObject()) {
            for (Map.Entry<String, JsonNode> path : paths.properties()) {
                for (String method : METHODS) {
                    JsonNode op = path.getValue().get(method);
                    if (op != null && op.isObject()) {
                        operation(path.getKey(), method, path.getValue(), op, resources, operations);
                    }
                }
            }
        }
        Set<String> undocumented = new LinkedHashSet<>();
        for (EndpointSite site : resources) {
            if (!operations.containsKey(new Contract.Key(site.type(), site.method()))) {
                undocumented.add(site.httpMethod() + " " + site.path());
            }
        }
        if (settings.refuseUndocumented() && !undocumented.isEmpty()) {
            problems.add(OpenApiKeys.UNDOCUMENTED_ENDPOINTS.name() + "=refuse: the OpenAPI document " + name
                    + " does not describe " + String.join(", ", undocumented));
        }
        return new Contract(name, operations, List.copyOf(undocumented));
    }

    /**
     * Whether a document path below one of the document's server base paths ({@code servers[].url}: absolute, or
     * relative to the document) is the endpoint's template, with or without the context root.
     */
    private boolean exact(String template, String path) {
        String own = OperationIndex.normalize(template);
        String withoutContext = contextRoot.isEmpty() || !own.startsWith(contextRoot + "/") ? own
                : own.substring(contextRoot.length());
        for (String base : bases) {
            String full = OperationIndex.normalize(base + "/" + path);
            if (full.equals(own) || full.equals(withoutContext)) {
                return true;
            }
        }
        return false;
    }

    /** The path of each server URL ({@code https://api.example/v1} is {@code /v1}), and the root. */
    private static List<String> bases(JsonNode servers) {
        List<String> bases = new ArrayList<>();
        if (servers != null && servers.isArray()) {
            for (JsonNode server : servers) {
                String url = text(server, "url");
                if (url != null) {
                    String path = url.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*", "");
                    int end = path.indexOf('?');
                    bases.add(end < 0 ? path : path.substring(0, end));
                }
            }
        }
        bases.add("");
        return bases;
    }

    private static Dialect dialect(JsonNode version) {
        String v = version == null || !version.isString() ? "" : version.asString();
        return v.startsWith("3.0.") ? Dialects.getOpenApi30() : v.startsWith("3.1.") ? Dialects.getOpenApi31() : null;
    }

    private static void externalReferences(JsonNode node, String at, List<String> out) {
        if (out.size() >= 5) {
            return;
        }
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isString() && !ref.asString().startsWith("#")) {
                out.add(at + "/$ref");
            }
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                externalReferences(e.getValue(), at + "/" + escape(e.getKey()), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                externalReferences(node.get(i), at + "/" + i, out);
            }
        }
    }

    private void operation(String path, String method, JsonNode item, JsonNode op, List<EndpointSite> resources,
                           Map<Contract.Key, OperationCheck> operations) {
        String label = method.toUpperCase(Locale.ROOT) + " " + path;
        Map<Contract.Key, EndpointSite> served = new LinkedHashMap<>();
        for (boolean exact : new boolean[]{true, false}) { // the servers' base paths first, then any suffix
            for (EndpointSite site : resources) {
                if (site.httpMethod().equalsIgnoreCase(method) && (exact ? exact(site.path(), path)
                        : OperationIndex.matches(site.path(), path))) {
                    served.putIfAbsent(new Contract.Key(site.type(), site.method()), site);
                }
            }
            if (!served.isEmpty()) {
                break;
            }
        }
        if (served.isEmpty()) {
            problem(label + " is served by no resource method");
            return;
        }
        if (served.size() > 1) {
            problem(label + " matches several resource methods: " + String.join(", ",
                    served.values().stream().map(EndpointSite::name).toList()));
            return;
        }
        EndpointSite site = served.values().iterator().next();
        String pointer = "/paths/" + escape(path) + "/" + method;
        Map<String, String> pathNames = pathNames(path, site.path());
        if (pathNames == null) {
            problem(label + " has other path variables than " + site.name() + " (" + site.path() + ")");
            return;
        }
        Map<String, ParameterCheck> parameters = new LinkedHashMap<>();
        parameters(item.get("parameters"), "/paths/" + escape(path) + "/parameters", label, pathNames, parameters);
        parameters(op.get("parameters"), pointer + "/parameters", label, pathNames, parameters);
        Set<String> knownQuery = null;
        if (settings.refuseUnknownQuery()) {
            knownQuery = new LinkedHashSet<>();
            for (ParameterCheck p : parameters.values()) {
                if (p.in().equals("query")) {
                    knownQuery.add(p.name());
                }
            }
        }
        OperationCheck.Body body = null;
        JsonNode requestBody = op.get("requestBody");
        if (requestBody != null) {
            body = body(resolve(requestBody, pointer + "/requestBody"), label);
        }
        operations.put(new Contract.Key(site.type(), site.method()), new OperationCheck(label,
                List.copyOf(parameters.values()), knownQuery, body));
    }

    private void parameters(JsonNode list, String pointer, String label, Map<String, String> pathNames,
                            Map<String, ParameterCheck> out) {
        if (list == null || !list.isArray()) {
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            Located p = resolve(list.get(i), pointer + "/" + i);
            if (p == null) {
                problem(label + ": parameter " + i + " is a reference to nothing");
                continue;
            }
            String in = text(p.node(), "in");
            String pname = text(p.node(), "name");
            if (pname == null || in == null) {
                problem(label + ": parameter " + i + " has no name or no 'in'");
                continue;
            }
            String where = label + ": " + in + " parameter '" + pname + "'";
            if (in.equals("header") && IGNORED_HEADERS.contains(pname.toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (!List.of("path", "query", "header", "cookie").contains(in)) {
                problem(where + " is in no place a request has");
                continue;
            }
            if (p.node().has("content")) {
                problem(where + " is described by 'content': only parameters with a 'schema' are checked");
                continue;
            }
            String source = pname;
            if (in.equals("path")) {
                source = pathNames.get(pname);
                if (source == null) {
                    problem(where + " is not a variable of the path");
                    continue;
                }
            }
            JsonNode schemaNode = p.node().get("schema");
            String type = typeOf(schemaNode, 0);
            if ("object".equals(type)) {
                problem(where + " is an object: object parameters are not read");
                continue;
            }
            String itemType = "array".equals(type) ? typeOf(schemaNode.get("items"), 0) : null;
            if ("array".equals(type) && ("object".equals(itemType) || "array".equals(itemType))) {
                problem(where + " is an array of " + itemType + "s: only arrays of scalars are read");
                continue;
            }
            String delimiter = delimiter(in, p.node());
            if ("?".equals(delimiter)) {
                problem(where + " has style '" + text(p.node(), "style") + "' that is not read");
                continue;
            }
            boolean exploded = "".equals(delimiter);
            Schema schema = schemaNode == null ? null : schema(p.pointer() + "/schema", where);
            JsonNode required = p.node().get("required");
            out.put(in + " " + pname, new ParameterCheck(in, pname, source,
                    in.equals("path") || required != null && required.asBoolean(false),
                    new ParameterValues(type, itemType, exploded ? null : delimiter), schema));
        }
    }

    /**
     * The delimiter an array's items are split at; {@code ""} when every occurrence is one item (form, exploded);
     * {@code "?"} for a style that is not read.
     */
    private static String delimiter(String in, JsonNode parameter) {
        String style = text(parameter, "style");
        boolean form = in.equals("query") || in.equals("cookie");
        if (style == null) {
            style = form ? "form" : "simple";
        }
        JsonNode explodeNode = parameter.get("explode");
        boolean explode = explodeNode == null ? style.equals("form") : explodeNode.asBoolean(false);
        return switch (style) {
            case "form" -> form ? (explode ? "" : ",") : "?";
            case "simple" -> form ? "?" : ",";
            case "spaceDelimited" -> in.equals("query") && !explode ? " " : "?";
            case "pipeDelimited" -> in.equals("query") && !explode ? "|" : "?";
            default -> "?";
        };
    }

    private OperationCheck.Body body(Located body, String label) {
        if (body == null) {
            problem(label + ": the request body is a reference to nothing");
            return null;
        }
        JsonNode content = body.node().get("content");
        List<OperationCheck.Media> media = new ArrayList<>();
        if (content != null && content.isObject()) {
            for (Map.Entry<String, JsonNode> e : content.properties()) {
                String range = OperationCheck.essence(e.getKey());
                Schema schema = e.getValue().has("schema")
                        ? schema(body.pointer() + "/content/" + escape(e.getKey()) + "/schema", label + ": body "
                        + range) : null;
                media.add(new OperationCheck.Media(range, schema));
            }
        }
        media.sort(Comparator.comparingInt(m -> m.range().equals("*/*") ? 2 : m.range().endsWith("/*") ? 1 : 0));
        JsonNode required = body.node().get("required");
        return new OperationCheck.Body(required != null && required.asBoolean(false), media);
    }

    private Schema schema(String pointer, String where) {
        try {
            Schema schema = registry.getSchema(SchemaLocation.of(BASE + "#" + pointer));
            schema.initializeValidators(); // every keyword and $ref now, so a broken schema fails the deployment
            return schema;
        } catch (RuntimeException e) {
            problem(where + ": its schema does not compile (" + e.getClass().getSimpleName() + ")");
            return null;
        }
    }

    /** A node of the document and its JSON pointer, references followed. */
    private record Located(JsonNode node, String pointer) {
    }

    private Located resolve(JsonNode node, String pointer) {
        for (int hops = 0; node != null && hops < 20; hops++) {
            JsonNode ref = node.get("$ref");
            if (ref == null || !ref.isString()) {
                return new Located(node, pointer);
            }
            pointer = ref.asString().substring(1);
            node = root.at(pointer);
            if (node.isMissingNode()) {
                return null;
            }
        }
        return null;
    }

    /** The schema's {@code type} (the first that is not {@code null} of a 3.1 list), references followed. */
    private String typeOf(JsonNode schema, int depth) {
        Located at = schema == null ? null : resolve(schema, "");
        if (at == null || depth > 20) {
            return null;
        }
        JsonNode type = at.node().get("type");
        if (type != null && type.isString()) {
            return type.asString();
        }
        if (type != null && type.isArray()) {
            for (JsonNode t : type) {
                if (t.isString() && !t.asString().equals("null")) {
                    return t.asString();
                }
            }
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isString() ? v.asString() : null;
    }

    /** A JSON pointer token: {@code ~} and {@code /} escaped. */
    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    /**
     * The document's names of the path variables mapped to the resource method's own, by position
     * ({@code /pets/{petId}} against {@code /api/pets/{id: [0-9]+}}), or null when their numbers differ.
     */
    static Map<String, String> pathNames(String documentPath, String template) {
        List<String> documented = variables(documentPath);
        List<String> own = variables(template);
        if (documented.size() != own.size()) {
            return null;
        }
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < documented.size(); i++) {
            names.put(documented.get(i), own.get(i));
        }
        return names;
    }

    private static List<String> variables(String template) {
        List<String> names = new ArrayList<>();
        int depth = 0;
        StringBuilder name = null;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '{' && depth++ == 0) {
                name = new StringBuilder();
            } else if (c == '}' && depth > 0 && --depth == 0) {
                String n = name.toString();
                int colon = n.indexOf(':');
                names.add((colon < 0 ? n : n.substring(0, colon)).strip());
                name = null;
            } else if (name != null && depth == 1) {
                name.append(c);
            }
        }
        return names;
    }
}
