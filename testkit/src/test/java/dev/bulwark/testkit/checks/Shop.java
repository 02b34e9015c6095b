package dev.bulwark.testkit.checks;

import dev.bulwark.testkit.FakeApi;
import dev.bulwark.testkit.FakeApi.Answer;
import dev.bulwark.testkit.FakeApi.Call;
import dev.bulwark.testkit.Finding;
import dev.bulwark.testkit.engine.ApiModel;
import dev.bulwark.testkit.engine.Check;
import dev.bulwark.testkit.engine.ScanContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A small shop API for the data checks' tests: each user has one order ({@code 101} for user1, {@code 202} for
 * user2), both see the shared product {@code 1}. {@link #correct} wires an owner check; the tests add the bugs.
 */
final class Shop {

    static final String OPENAPI = """
            {"openapi":"3.0.3","servers":[{"url":"/shop"}],
             "paths":{
              "/api/orders":{"get":{"x-bulwark-access":"roles(customer)","parameters":[{"name":"customerId",
                 "in":"query","schema":{"type":"string"}}],"responses":{"200":{"content":{"application/json":
                 {"schema":{"type":"array","items":{"$ref":"#/components/schemas/Order"}}}}}}},
               "post":{"x-bulwark-access":"roles(customer)","requestBody":{"content":{"application/json":{"schema":
                 {"$ref":"#/components/schemas/NewOrder"}}}},"responses":{"201":{"content":{"application/json":
                 {"schema":{"$ref":"#/components/schemas/Order"}}}}}}},
              "/api/orders/{id}":{"get":{"x-bulwark-access":"roles(customer)","parameters":[{"name":"id",
                 "in":"path","required":true,"schema":{"type":"integer"}}],"responses":{"200":{"content":
                 {"application/json":{"schema":{"$ref":"#/components/schemas/Order"}}}}}},
               "put":{"x-bulwark-access":"roles(customer)","requestBody":{"content":{"application/json":{"schema":
                 {"$ref":"#/components/schemas/Order"}}}},"responses":{"200":{"description":"ok"}}}},
              "/api/products":{"get":{"x-bulwark-access":"public","responses":{"200":{"content":
                 {"application/json":{"schema":{"type":"array","items":{"$ref":"#/components/schemas/Product"}}}}}}}}},
             "components":{"schemas":{
              "Order":{"type":"object","properties":{"id":{"type":"integer","readOnly":true},
                 "item":{"type":"string"},"quantity":{"type":"integer"},"owner":{"type":"string","readOnly":true}}},
              "NewOrder":{"type":"object","required":["item","quantity"],"properties":{"item":{"type":"string"},
                 "quantity":{"type":"integer","minimum":1}}},
              "Product":{"type":"object","properties":{"id":{"type":"integer"},"name":{"type":"string"}}}}}}
            """;

    private Shop() {
    }

    static ApiModel model() {
        return ApiModel.fromOpenApi(OPENAPI, null);
    }

    static String orderOf(String subject) {
        return subject != null && subject.endsWith("user1") ? "101" : "202";
    }

    static String order(String id, String owner) {
        return "{\"id\":" + id + ",\"item\":\"book-" + owner + "\",\"quantity\":1,\"owner\":\"" + owner + "\"}";
    }

    static String owner(String id) {
        return id.equals("101") ? "bulwark-kit-user1" : "bulwark-kit-user2";
    }

    /** The shop with owner checks: another user's order is 404; bodies are validated (unknown fields: 400). */
    static FakeApi correct() {
        return routes(new FakeApi());
    }

    /** Adds the correct shop's routes after those {@code api} has (a test's bug routes come first and win). */
    static FakeApi routes(FakeApi api) {
        api.on("GET", "/shop/api/products", (m, c) -> Answer.json(200, "[{\"id\":1,\"name\":\"Book\"}]"));
        api.on("GET", "/shop/api/orders", (m, c) -> {
            String mine = orderOf(c.subject());
            return Answer.json(200, "[" + order(mine, c.subject()) + "]");
        });
        api.on("GET", "/shop/api/orders/([^/]+)", (m, c) -> ownOrder(m.group(1), c)
                ? Answer.json(200, order(m.group(1), c.subject())) : Answer.json(404, "{\"title\":\"Not Found\"}"));
        api.on("PUT", "/shop/api/orders/([^/]+)", (m, c) -> !ownOrder(m.group(1), c)
                ? Answer.json(404, "{\"title\":\"Not Found\"}") : strict(c, List.of("item", "quantity", "id", "owner"))
                ? Answer.json(200, order(m.group(1), c.subject())) : Answer.json(400, "{\"title\":\"Bad Request\"}"));
        api.on("POST", "/shop/api/orders", (m, c) -> strict(c, List.of("item", "quantity"))
                ? Answer.json(201, order("303", c.subject())) : Answer.json(400, "{\"title\":\"Bad Request\"}"));
        return api;
    }

    static boolean ownOrder(String id, Call c) {
        return c.subject() != null && id.equals(orderOf(c.subject()));
    }

    /** True when the JSON body has only the allowed members (and is an object). */
    static boolean strict(Call c, List<String> allowed) {
        var v = dev.bulwark.testkit.engine.Json.tryParse(c.body());
        return v instanceof jakarta.json.JsonObject o && allowed.containsAll(o.keySet());
    }

    /** Runs discovery, then {@code check}, against {@code api}; returns the context. */
    static ScanContext scan(FakeApi api, Path keys, Check check) {
        return scan(api, keys, check, model());
    }

    static ScanContext scan(FakeApi api, Path keys, Check check, ApiModel model) {
        ScanContext ctx = api.context(api.settings(keys).build(), model);
        new Discovery().run(ctx);
        check.run(ctx);
        return ctx;
    }

    static List<String> rules(ScanContext ctx) {
        return ctx.findings().stream().map(Finding::rule).toList();
    }

    static Map<String, String> json() {
        return Map.of("Content-Type", "application/json");
    }
}
