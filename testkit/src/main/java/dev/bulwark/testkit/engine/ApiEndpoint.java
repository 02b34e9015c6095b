package dev.bulwark.testkit.engine;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One operation of the API under test: method and full path template ({@code /api/v1/orders/{id}}, the context root
 * included), who it is for, its parameters, the JSON body it takes and the JSON it answers (schemas from the OpenAPI
 * document, {@code $ref}s resolved by {@link ApiModel#resolve}), and the handler the inventory names.
 */
public record ApiEndpoint(String method, String path, Access access, List<Parameter> parameters, List<String> consumes,
                          JsonObject requestSchema, JsonObject responseSchema, String handler) {

    private static final Pattern TEMPLATE = Pattern.compile("\\{\\s*(\\w[\\w.-]*)\\s*(?::[^}]*)?}");

    public ApiEndpoint {
        method = method.toUpperCase(Locale.ROOT);
        parameters = List.copyOf(parameters);
        consumes = List.copyOf(consumes);
    }

    /** {@code GET /api/v1/orders/{id}}: the subject of this endpoint's findings. */
    public String subject() {
        return method + " " + path;
    }

    /** The names of the path template's variables, in order. */
    public List<String> pathVariables() {
        List<String> names = new ArrayList<>();
        Matcher m = TEMPLATE.matcher(path);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    public boolean hasPathVariables() {
        return TEMPLATE.matcher(path).find();
    }

    /** The path with each variable replaced by {@code values.apply(name)} (URL-encoded by the caller as needed). */
    public String expand(java.util.function.Function<String, String> values) {
        Matcher m = TEMPLATE.matcher(path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.apply(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** True for POST, PUT and PATCH operations that take JSON (or say nothing about what they take). */
    public boolean takesJson() {
        boolean writes = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        return writes && (consumes.isEmpty() || consumes.stream().anyMatch(c -> c.contains("json") || c.equals("*/*")));
    }

    public List<Parameter> query() {
        return parameters.stream().filter(p -> p.in().equals("query")).toList();
    }

    /** This endpoint with what the OpenAPI document adds to what the inventory said. */
    public ApiEndpoint merge(ApiEndpoint documented) {
        List<Parameter> params = new ArrayList<>(parameters);
        for (Parameter p : documented.parameters) {
            if (params.stream().noneMatch(q -> q.name().equals(p.name()) && q.in().equals(p.in()))) {
                params.add(p);
            }
        }
        return new ApiEndpoint(method, path, access.and(documented.access), params,
                consumes.isEmpty() ? documented.consumes : consumes,
                requestSchema != null ? requestSchema : documented.requestSchema,
                responseSchema != null ? responseSchema : documented.responseSchema,
                handler != null ? handler : documented.handler);
    }

    /** True when the two templates name the same operation ({@code {id}} and {@code {orderId}} alike). */
    public boolean sameOperation(String otherMethod, String otherPath) {
        return method.equalsIgnoreCase(otherMethod) && normalized(path).equals(normalized(otherPath));
    }

    static String normalized(String template) {
        String p = TEMPLATE.matcher(template).replaceAll("{}");
        return p.endsWith("/") && p.length() > 1 ? p.substring(0, p.length() - 1) : p;
    }
}
