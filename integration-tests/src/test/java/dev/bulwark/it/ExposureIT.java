package dev.bulwark.it;

import static dev.bulwark.it.ItSupport.assertProblem;
import static dev.bulwark.it.ItSupport.awaitLog;
import static dev.bulwark.it.ItSupport.get;
import static dev.bulwark.it.ItSupport.json;
import static dev.bulwark.it.ItSupport.token;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Data exposure on JPA entities from a real embedded database (ShopResource, H2 through the WAR's own data source):
 * each caller gets the fields of its view and nothing else, checked on the bytes a client receives; the password
 * hash, the internal note and secret-looking map keys never leave, whoever asks and whatever the endpoint lists.
 */
class ExposureIT {

    private static final String ADMIN = "Bearer " + token("root", "admin");
    private static final String ADA = "Bearer " + token("ada", "customer");
    private static final String GRACE = "Bearer " + token("grace", "customer");
    private static final String OPS = "Bearer " + token("ops", "bulwark-admin");

    /** Values that must never be on the wire: the seeded password hashes and internal notes, the internal ids. */
    private static final List<String> NEVER = List.of("$2a$12$", "NOTE-ada", "NOTE-grace", "passwordHash",
            "internalNote", "\"id\"", "\"login\"", "\"customer\"");

    private static HttpResponse<String> call(String path, String authorization) {
        HttpResponse<String> r = authorization == null ? get(path) : get(path, "Authorization", authorization);
        assertThat(r.statusCode()).as("status of %s", path).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/json"));
        if (!path.endsWith("/async")) {
            // written whole before the container commits: a length, not a chunked body
            assertThat(r.headers().firstValueAsLong("Content-Length")).as("Content-Length of %s", path)
                    .hasValue(r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        }
        return r;
    }

    private static JsonArray array(String body) {
        return Json.createReader(new StringReader(body)).readArray();
    }

    @Test
    void anAdminSeesEveryCustomersEmailAndOrdersButNothingElse() {
        String body = call("/it/api/shop/customers", ADMIN).body();
        assertThat(body).doesNotContain(NEVER);
        JsonArray customers = array(body);
        assertThat(customers).hasSize(2);
        JsonObject ada = customers.getJsonObject(0);
        assertThat(ada.keySet()).containsExactlyInAnyOrder("number", "name", "email", "orders");
        assertThat(ada.getString("email")).isEqualTo("ada@example.com");
        // the lazy collection, filtered element by element
        JsonObject order = ada.getJsonArray("orders").getJsonObject(0);
        assertThat(order.keySet()).containsExactlyInAnyOrder("number", "total");
        assertThat(order.getString("number")).isEqualTo("O-5001");
        // the amount as stored (docs/data-exposure.md shows this response)
        assertThat(body).contains("{\"number\":\"O-5001\",\"total\":120.50}");
        assertThat(body).doesNotContain("PAID", "SHIPPED", "passwordResetRequired");
    }

    @Test
    void aCustomerSeesOnlyNamesInTheListAndItsOwnEmail() {
        String list = call("/it/api/shop/customers", ADA).body();
        assertThat(list).doesNotContain(NEVER).doesNotContain("@example.com", "orders", "O-50");
        assertThat(array(list).getJsonObject(1).keySet()).containsExactlyInAnyOrder("number", "name");
        String me = call("/it/api/shop/me", ADA).body();
        assertThat(me).doesNotContain(NEVER).doesNotContain("grace");
        JsonObject ada = json(me);
        assertThat(ada.getString("email")).isEqualTo("ada@example.com");
        // a legitimate name next to the sensitive ones: it is about the password, not the password
        assertThat(ada.getBoolean("passwordResetRequired")).isFalse();
        assertThat(ada.getJsonArray("orders")).hasSize(2);
        assertThat(ada.getJsonArray("orders").getJsonObject(1).getString("status")).isEqualTo("SHIPPED");
        assertThat(json(call("/it/api/shop/me", GRACE).body()).getBoolean("passwordResetRequired")).isTrue();
    }

    @Test
    void aResponseEntityGetsTheViewOfItsCaller() {
        String anonymous = call("/it/api/shop/customers/C-1002", null).body();
        assertThat(json(anonymous).keySet()).containsExactlyInAnyOrder("number", "name");
        assertThat(anonymous).doesNotContain(NEVER).doesNotContain("grace@example.com");
        String customer = call("/it/api/shop/customers/C-1002", ADA).body();
        assertThat(json(customer).keySet()).containsExactlyInAnyOrder("number", "name");
        JsonObject admin = json(call("/it/api/shop/customers/C-1002", ADMIN).body());
        assertThat(admin.keySet()).containsExactlyInAnyOrder("number", "name", "email");
    }

    @Test
    void anAsynchronousMethodsListHoldsAsJsonAndAsTextJson() {
        String json = call("/it/api/shop/customers/C-1002/async", null).body();
        assertThat(json(json).keySet()).containsExactlyInAnyOrder("number", "name");
        assertThat(json).doesNotContain(NEVER).doesNotContain("grace@example.com");
        HttpResponse<String> text = get("/it/api/shop/customers/C-1002/async", "Accept", "text/json");
        assertThat(text.statusCode()).isEqualTo(200);
        assertThat(text.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("text/json"));
        assertThat(json(text.body()).keySet()).containsExactlyInAnyOrder("number", "name");
        assertThat(text.body()).doesNotContain(NEVER).doesNotContain("grace@example.com");
    }

    @Test
    void anApplicationsOwnWriterKeepsItsFormatWhileTheListHolds() {
        JsonObject receipt = json(call("/it/api/shop/receipts/C-1001", null).body());
        assertThat(receipt.keySet()).containsExactlyInAnyOrder("receipt", "customerName", "issued");
        assertThat(receipt.getString("issued")).as("the application's date format").isEqualTo("30 Nov 2026");
        assertThat(receipt.getString("receipt")).isEqualTo("R-C-1001");
        assertThat(receipt.toString()).doesNotContain("MARGIN");
    }

    @Test
    void aFieldAccessClassReturnedAsObjectKeepsItsSensitiveFieldIn() {
        String body = call("/it/api/shop/customers/C-1001/card", ADMIN).body();
        assertThat(body).doesNotContain("VAULT", "vaultReference");
        JsonObject card = json(body);
        assertThat(card.keySet()).containsExactlyInAnyOrder("holder", "last4");
        assertThat(card.getString("last4")).isEqualTo("4242");
    }

    @Test
    void withoutAListTheEntityLeavesButSensitiveDataNever() {
        String body = call("/it/api/shop/customers/C-1001/whole", ADMIN).body();
        assertThat(body).doesNotContain("$2a$12$", "passwordHash", "\"customer\"");
        JsonObject whole = json(body);
        assertThat(whole.getString("internalNote")).isEqualTo("NOTE-ada-pays-late");
        assertThat(whole.getJsonArray("orders").getJsonObject(0).keySet()).contains("id", "number", "total",
                "status");
    }

    @Test
    void secretLookingMapKeysNeverLeaveAndTheirValuesAreNotOnTheWire() {
        String body = call("/it/api/shop/customers/C-1001/settings", ADMIN).body();
        assertThat(json(body).keySet()).containsExactlyInAnyOrder("theme", "tokenType");
        assertThat(body).doesNotContain("apiKey", "sk_live", "webhook", "whsec_");
    }

    @Test
    void strictExposureRefusesToDeployAModelObjectWithoutAList() {
        org.junit.jupiter.api.Assumptions.assumeTrue(ItSupport.onLiberty(), "the strict deployment is Liberty's");
        awaitLog("(bulwark.exposure.strict=true) refuses to deploy /it-exposure-strict",
                "GET /it-exposure-strict/api/shop/customers/{number}/whole: no allow-list (@ResponseFields): every"
                        + " field of ShopCustomer leaves",
                "GET /it-exposure-strict/api/shop/customers/{number}/settings: no allow-list",
                "GET /it-exposure-strict/api/shop/shapes/holder: no allow-list (@ResponseFields) and the entity is not"
                        + " known at deployment (jakarta.ws.rs.core.Response)");
        awaitLog("itExposureStrict was not started");
        assertThat(get("/it-exposure-strict/api/shop/me").statusCode()).isEqualTo(404);
    }

    @Test
    void theInventoryShowsWhatLeavesPerViewAndFlagsTheWholeEntity() {
        JsonObject inventory = json(get("/it/bulwark/inventory", "Authorization", OPS).body());
        var endpoints = inventory.getJsonArray("endpoints").getValuesAs(JsonObject.class);
        JsonObject list = endpoints.stream().filter(e -> e.getString("path").equals("/it/api/shop/customers"))
                .findFirst().orElseThrow();
        assertThat(list.toString()).contains("roles [admin]: number, name, email, orders.number, orders.total")
                .contains("roles [customer]: number, name");
        assertThat(list.getJsonArray("findings")).isEmpty();
        JsonObject whole = endpoints.stream().filter(e -> e.getString("path")
                .equals("/it/api/shop/customers/{number}/whole")).findFirst().orElseThrow();
        assertThat(whole.getJsonArray("findings").toString())
                .contains("no allow-list (@ResponseFields): every field of ShopCustomer leaves");
        assertThat(whole.toString()).doesNotContain("passwordHash");
    }

    /** The legitimate names of finding 6 of the attack review: each must arrive (they were dropped by name before). */
    private static final List<String> LEGITIMATE = List.of("nextPageToken", "pageToken", "NextToken",
            "continuationToken", "syncToken", "csrfToken", "xsrfToken", "deviceToken", "pushToken", "fcmToken",
            "hasPassword", "showPassword", "hasOtp", "maskedCardNumber", "maskedPassword", "maskedSsn", "numSecrets",
            "bucketTokens");
    private static final List<String> USAGE = List.of("prompt_tokens", "completion_tokens", "total_tokens",
            "max_tokens");

    @Test
    void aUsageReportWithCursorsFlagsAndMaskedCopiesArrivesWholeAsADeclaredType() {
        String body = call("/it/api/usage/completion", null).body();
        JsonObject completion = json(body);
        assertThat(completion.keySet()).containsAll(LEGITIMATE).contains("model", "usage")
                .doesNotContain("accessToken", "signingKey");
        assertThat(body).doesNotContain("ACCESS-TOKEN-SECRET", "SIGNING-KEY-SECRET");
        assertThat(completion.getString("nextPageToken")).isEqualTo("CAUQAA");
        assertThat(completion.getString("maskedCardNumber")).isEqualTo("**** **** **** 4242");
        assertThat(completion.getBoolean("hasPassword")).isTrue();
        assertThat(completion.getInt("bucketTokens")).isEqualTo(17);
        JsonObject usage = completion.getJsonObject("usage");
        assertThat(usage.keySet()).containsAll(USAGE).contains("input_tokens", "output_tokens");
        assertThat(usage.getInt("total_tokens")).isEqualTo(1545);
    }

    @Test
    void theSameNamesArriveAsMapKeysAtAnyDepthWhileSessionIdsAndKeysNever() {
        String body = call("/it/api/usage/page", null).body();
        JsonObject page = json(body);
        assertThat(page.keySet()).containsAll(LEGITIMATE.stream().filter(n -> !List.of("hasPassword",
                "maskedCardNumber", "numSecrets", "bucketTokens").contains(n)).toList());
        assertThat(page.getJsonObject("usage").keySet()).containsExactlyInAnyOrder("prompt_tokens",
                "completion_tokens", "total_tokens", "max_tokens", "numSecrets", "bucketTokens");
        assertThat(page.getJsonArray("items").getJsonObject(0).keySet()).containsExactlyInAnyOrder("id",
                "maskedCardNumber", "hasPassword");
        assertThat(page.getString("csrfToken")).isEqualTo("v-9");
        assertThat(body).doesNotContain("refreshToken", "JSESSIONID", "PHPSESSID", "encryptionKey", "hmacKey",
                "masterKey", "privKey", "SECRET-");
    }

    private static final String SHAPES = "/it/api/shop/shapes/";

    @Test
    void aNestedSensitiveFieldNeverLeavesWhateverTheDeclaredTypeSays() {
        // a field-access card nested in a holder in a Response, and in a generic page returned as Object
        assertThat(call(SHAPES + "holder", null).body())
                .isEqualTo("{\"card\":{\"holder\":\"Ada\",\"last4\":\"4242\"},\"name\":\"holder\"}");
        assertThat(call(SHAPES + "page", null).body()).isEqualTo("{\"items\":[{\"holder\":\"Ada\",\"last4\":\"4242\"},"
                + "{\"holder\":\"Ada\",\"last4\":\"4242\"}],\"total\":2}");
    }

    @Test
    void aNestedSensitiveFieldNeverLeavesFromWrappersStagesOrArrays() {
        String card = "{\"holder\":\"Ada\",\"last4\":\"4242\"}";
        assertThat(call(SHAPES + "wrapped/optional", null).body()).isEqualTo(card);
        assertThat(call(SHAPES + "wrapped/map", null).body()).isEqualTo("{\"a\":[" + card + "]}");
        assertThat(call(SHAPES + "wrapped/lists", null).body()).isEqualTo("[[" + card + "]]");
        assertThat(call(SHAPES + "wrapped/array", null).body()).isEqualTo("[" + card + "]");
        assertThat(call(SHAPES + "later", null).body()).isEqualTo("{\"card\":" + card + ",\"name\":\"holder\"}");
    }

    @Test
    void aJsonpObjectWithAListIsWrittenAsJsonOnlyAndAnotherJsonTypeIsFilteredOrRefused() {
        HttpResponse<String> json = get(SHAPES + "jsonp", "Accept", "application/json");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).isEqualTo("{\"name\":\"n\"}");
        HttpResponse<String> text = get(SHAPES + "jsonp", "Accept", "text/plain");
        assertThat(text.body()).doesNotContain("NOTE-SHAPES-3");
        assertThat(text.statusCode()).isNotEqualTo(200);
        // JSON lines: written by the runtime's JSON-B (then filtered) or refused, never the whole record; RESTEasy on
        // WildFly has no writer for it at all (NoMessageBodyWriterFoundFailure: its 500, as the generic problem)
        HttpResponse<String> lines = get(SHAPES + "note", "Accept", "application/jsonl");
        assertThat(lines.body()).doesNotContain("NOTE-SHAPES-1");
        if (lines.statusCode() == 200) {
            assertThat(lines.body()).isEqualTo("{\"name\":\"n\"}");
        } else {
            assertProblem(lines, ItSupport.runtime().equals("wildfly") ? 500 : 406);
        }
    }

    @Test
    void aDtoReturnedInAResponseIsHeldToTheViewsItsClassDeclares() {
        assertThat(call(SHAPES + "badge/1", null).body()).isEqualTo("{\"name\":\"Ada\"}");
        assertThat(call(SHAPES + "badge/1", ADA).body()).isEqualTo("{\"name\":\"Ada\"}");
        assertThat(call(SHAPES + "badge/1", ADMIN).body())
                .isEqualTo("{\"email\":\"ada@example.com\",\"name\":\"Ada\"}");
        assertThat(call(SHAPES + "badge/2", null).body()).isEqualTo("[{\"name\":\"Ada\"},{\"name\":\"Ada\"}]");
        assertThat(call(SHAPES + "badge/2", ADMIN).body()).doesNotContain("NOTE-SHAPES-BADGE", "internalNote")
                .contains("ada@example.com");
    }

    @Test
    void aListReachingOrNamingANestedSensitiveFieldStillHoldsItBack() {
        assertThat(call(SHAPES + "star", null).body())
                .isEqualTo("{\"card\":{\"holder\":\"Ada\",\"last4\":\"4242\"},\"name\":\"holder\"}");
        assertThat(call(SHAPES + "named", null).body()).isEqualTo("{\"holder\":\"Ada\"}");
    }

    @Test
    void anApplicationsOwnJsonbHoldsBackANestedSensitiveGetter() {
        HttpResponse<String> r = get(SHAPES + "envelope", "Accept", ShopShapesResource.VENDOR);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith(ShopShapesResource.VENDOR));
        assertThat(r.body()).isEqualTo("{\"data\":{\"login\":\"ada\"},\"status\":\"ok\"}");
    }

    @Test
    void aModelObjectIsNotWrittenInAMediaTypeTheMethodDoesNotDeclare() {
        // a JSON client gets the JSON, without the @Sensitive component
        HttpResponse<String> json = get(SHAPES + "note", "Accept", "application/json");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).isEqualTo("{\"name\":\"n\"}");
        // text/plain would be the record's toString(), every component included
        HttpResponse<String> text = get(SHAPES + "note", "Accept", "text/plain");
        assertThat(text.body()).doesNotContain("NOTE-SHAPES-1").doesNotContain("internalNote");
        if (ItSupport.runtime().equals("payara")) {
            // Jersey has no text writer for a record: it refuses before Bulwark is asked
            assertThat(text.statusCode()).isNotEqualTo(200);
        } else {
            String id = assertProblem(text, 406).getString("correlationId");
            awaitLog(id, "ShopShapesResource#note would write its dev.bulwark.it.ShopShapes$Note entity as"
                    + " text/plain");
        }
        // a method that declares text keeps it
        HttpResponse<String> declared = get(SHAPES + "text", "Accept", "text/plain");
        assertThat(declared.statusCode()).isEqualTo(200);
        assertThat(declared.body()).isEqualTo("plain text");
    }

    @Test
    void aStringEntityOnAMethodWithAnAllowListFailsClosed() {
        HttpResponse<String> r = get(SHAPES + "raw");
        String id = assertProblem(r, 500).getString("correlationId");
        assertThat(r.body()).doesNotContain("NOTE-SHAPES-RAW");
        awaitLog(id, "ShopShapesResource#raw has an allow-list (@ResponseFields) but returned a String entity");
    }

    @Test
    void anAllowListOnTheInterfaceMethodIsInheritedWithItsJaxRsAnnotations() {
        assertThat(call(SHAPES + "inherited", null).body()).isEqualTo("{\"name\":\"n\"}");
    }
}
