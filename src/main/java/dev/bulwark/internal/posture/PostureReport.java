package dev.bulwark.internal.posture;

import dev.bulwark.internal.controls.BulwarkConfig;
import dev.bulwark.internal.errors.JsonText;
import dev.bulwark.internal.inventory.Endpoint;
import dev.bulwark.internal.network.NetworkKeys;
import dev.bulwark.internal.network.NetworkSettings;
import dev.bulwark.internal.network.RoutePolicy;
import dev.bulwark.internal.pipeline.EndpointPolicy;
import dev.bulwark.internal.versioning.VersionLint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The security posture of one deployment, mapped to the OWASP API Security Top 10 (2023): every endpoint with its
 * protections, every check (per endpoint and of the settings) in its category, and a score per category. Built
 * from the same endpoint model and validated settings the controls enforce, by the server at deployment and by the
 * offline tool from a built WAR. Immutable; rendered as JSON here and as HTML by {@link PostureHtml}.
 *
 * <p>Score of a judged category: {@code round(100 * passed / checked)} over its checks; null when nothing in the
 * deployment falls in it. API6, API7 and API10 are never scored. The overall score is the mean of the scores.
 *
 * @param application what the report is about (a context root, a WAR's file name)
 * @param generated   when it was built
 * @param docsBase    where the documentation is published (links are {@code docsBase + docs}), or null
 */
public record PostureReport(String application, Instant generated, List<EndpointRow> endpoints,
                            List<PostureCheck> checks, String docsBase) {

    /** One endpoint: its method, full path template, handler and protections (label to description). */
    public record EndpointRow(String method, String path, String handler, Map<String, String> protections) {
        public EndpointRow {
            protections = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(protections));
        }
    }

    /** One category's result: its score (null when not scored), how many checks passed, and its findings. */
    public record CategoryScore(OwaspCategory category, Integer score, int passed, int checked,
                                List<PostureCheck> findings) {
    }

    public PostureReport {
        endpoints = List.copyOf(endpoints);
        checks = List.copyOf(checks);
    }

    /** The report of a deployment: its resource methods' policies and its validated settings. */
    public static PostureReport assess(String application, List<EndpointPolicy> policies, BulwarkConfig config,
                                       Instant generated, String docsBase) {
        return assess(application, "", policies, config, generated, docsBase, policy -> List.of());
    }

    /**
     * The report of a deployment, with the route policies covering each endpoint (matched below the context root,
     * as requests are) and the findings only the deployment knows (an endpoint the validated OpenAPI document does
     * not describe).
     *
     * @param contextRoot  the context root the endpoints' paths start with ("" for the root)
     * @param undocumented per endpoint, what the OpenAPI document leaves undescribed (an inventory finding each)
     */
    public static PostureReport assess(String application, String contextRoot, List<EndpointPolicy> policies,
                                       BulwarkConfig config, Instant generated, String docsBase,
                                       java.util.function.Function<EndpointPolicy, List<String>> undocumented) {
        List<VersionLint.Finding> weaker = VersionLint.check(policies, config.versioning());
        NetworkSettings network = config.settings(NetworkKeys.CONCERN);
        List<EndpointRow> rows = new ArrayList<>();
        List<PostureCheck> checks = new ArrayList<>();
        for (EndpointPolicy policy : policies) {
            List<String> lines = weaker.stream().filter(f -> f.older() == policy)
                    .map(VersionLint.Finding::inventoryLine).toList();
            Endpoint endpoint = Endpoint.of(policy).withFindings(lines);
            String below = endpoint.path().startsWith(contextRoot) ? endpoint.path().substring(contextRoot.length())
                    : endpoint.path();
            List<RoutePolicy> routes = network.covering(endpoint.httpMethod(), below);
            endpoint = endpoint.withPolicy("routes", network.describeRoutes(endpoint.httpMethod(), below));
            rows.add(new EndpointRow(endpoint.httpMethod(), endpoint.path(), endpoint.handler(),
                    EndpointChecks.protections(policy, endpoint, config)));
            checks.addAll(EndpointChecks.checks(policy, endpoint, lines, routes, undocumented.apply(policy), config));
        }
        checks.addAll(DeploymentChecks.of(config));
        return new PostureReport(application, generated, rows, checks, docsBase);
    }

    /** The checks that did not pass, in the order found. */
    public List<PostureCheck> findings() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }

    /** One result per category, API1 to API10. */
    public List<CategoryScore> scores() {
        Map<OwaspCategory, List<PostureCheck>> by = new EnumMap<>(OwaspCategory.class);
        for (OwaspCategory c : OwaspCategory.values()) {
            by.put(c, new ArrayList<>());
        }
        checks.forEach(c -> by.get(c.category()).add(c));
        List<CategoryScore> out = new ArrayList<>();
        by.forEach((category, list) -> {
            int passed = (int) list.stream().filter(PostureCheck::passed).count();
            Integer score = !category.judged() || list.isEmpty() ? null
                    : (int) Math.round(100.0 * passed / list.size());
            out.add(new CategoryScore(category, score, passed, list.size(),
                    list.stream().filter(c -> !c.passed()).toList()));
        });
        return out;
    }

    /** The mean of the scored categories' scores, rounded; null when none is scored. */
    public Integer overall() {
        List<Integer> scores = scores().stream().map(CategoryScore::score).filter(java.util.Objects::nonNull)
                .toList();
        return scores.isEmpty() ? null
                : (int) Math.round(scores.stream().mapToInt(Integer::intValue).average().orElse(0));
    }

    /** The link to a documentation page: the docs base joined to it, or the page's path when no base is known. */
    public String link(String docs) {
        if (docsBase == null) {
            return docs;
        }
        return docsBase.endsWith("/") ? docsBase + docs : docsBase + "/" + docs;
    }

    /** The report as JSON: the categories with scores and findings, the endpoints, and every check. */
    public String json() {
        JsonText json = new JsonText().beginObject().field("application", application)
                .field("generated", generated.toString()).field("standard", "OWASP API Security Top 10 2023")
                .field("overall", overall());
        json.field("findingCount", findings().size()).name("categories").beginArray();
        for (CategoryScore s : scores()) {
            json.beginObject().field("id", s.category().name()).field("title", s.category().title());
            json.field("score", s.score());
            if (s.score() == null) {
                json.field("note", s.category().judged()
                        ? "nothing in this deployment falls in this category"
                        : "not judged: Bulwark cannot see the application's business flows or outgoing calls");
            }
            json.field("passed", s.passed()).field("checked", s.checked()).field("docs", link(s.category().docs()))
                    .name("findings").beginArray();
            s.findings().forEach(f -> check(json, f));
            json.endArray().endObject();
        }
        json.endArray().name("endpoints").beginArray();
        for (EndpointRow row : endpoints) {
            json.beginObject().field("method", row.method()).field("path", row.path()).field("handler", row.handler())
                    .name("protections").beginObject();
            row.protections().forEach(json::field);
            json.endObject().endObject();
        }
        json.endArray().name("checks").beginArray();
        checks.forEach(c -> check(json, c));
        return json.endArray().endObject().toString();
    }

    private void check(JsonText json, PostureCheck c) {
        json.beginObject().field("category", c.category().name()).field("where", c.where())
                .field("passed", c.passed()).field("text", c.text()).field("docs", link(c.docs())).endObject();
    }
}
