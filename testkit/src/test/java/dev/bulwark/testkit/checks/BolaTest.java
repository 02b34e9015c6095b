package dev.bulwark.testkit.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.testkit.FakeApi;
import dev.bulwark.testkit.FakeApi.Answer;
import dev.bulwark.testkit.Finding;
import dev.bulwark.testkit.OwaspCategory;
import dev.bulwark.testkit.engine.ScanContext;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BolaTest {

    @TempDir
    static Path keys;

    @Test
    void ownerCheckedOrdersGiveNoFindingAndAreTested() {
        try (FakeApi api = Shop.correct()) {
            ScanContext ctx = Shop.scan(api, keys, new Bola());
            assertThat(ctx.findings()).isEmpty();
            assertThat(ctx.testedSubjects()).extracting(t -> t.subject())
                    .contains("GET /shop/api/orders/{id}", "PUT /shop/api/orders/{id}", "GET /shop/api/orders");
            // user2 tried user1's order 101 (and got 404); user1 never tried user2's; nothing was deleted
            assertThat(api.calls().stream().filter(c -> c.path().equals("/shop/api/orders/101")
                    && "bulwark-kit-user2".equals(c.subject())).map(c -> c.method())).contains("GET", "PUT");
            assertThat(api.calls().stream().filter(c -> c.path().equals("/shop/api/orders/202")
                    && "bulwark-kit-user1".equals(c.subject()))).isEmpty();
            assertThat(api.calls().stream().map(c -> c.method())).doesNotContain("DELETE");
        }
    }

    @Test
    void ordersWithoutOwnerCheckAreReportedAsApi1() {
        FakeApi api = new FakeApi().on("GET", "/shop/api/orders/([^/]+)",
                (m, c) -> Answer.json(200, Shop.order(m.group(1), Shop.owner(m.group(1)))));
        try (FakeApi shop = Shop.routes(api)) {
            ScanContext ctx = Shop.scan(shop, keys, new Bola());
            Finding f = ctx.findings().stream().filter(x -> x.rule().equals("bola.path")).findFirst().orElseThrow();
            assertThat(f.category()).isEqualTo(OwaspCategory.API1);
            assertThat(f.subject()).isEqualTo("GET /shop/api/orders/{id}");
            assertThat(f.message()).contains("user2 read user1's object 101");
            assertThat(f.evidence()).contains("/shop/api/orders/101 as user2 -> 200");
            assertThat(Shop.rules(ctx)).containsOnly("bola.path");
        }
    }

    @Test
    void writesToAnotherUsersObjectAreReported() {
        FakeApi api = new FakeApi().on("PUT", "/shop/api/orders/([^/]+)",
                (m, c) -> Answer.json(200, Shop.order(m.group(1), Shop.owner(m.group(1)))));
        try (FakeApi shop = Shop.routes(api)) {
            ScanContext ctx = Shop.scan(shop, keys, new Bola());
            assertThat(ctx.findings()).singleElement().satisfies(f -> {
                assertThat(f.subject()).isEqualTo("PUT /shop/api/orders/{id}");
                assertThat(f.message()).contains("overwrote");
            });
        }
    }

    @Test
    void aQueryFilterThatTrustsTheParameterIsReported() {
        FakeApi api = new FakeApi().on("GET", "/shop/api/orders", (m, c) -> {
            String id = c.query() != null && c.query().startsWith("customerId=") ? c.query().substring(11)
                    : Shop.orderOf(c.subject());
            return Answer.json(200, "[" + Shop.order(id, Shop.owner(id)) + "]");
        });
        try (FakeApi shop = Shop.routes(api)) {
            ScanContext ctx = Shop.scan(shop, keys, new Bola());
            assertThat(Shop.rules(ctx)).contains("bola.query");
        }
    }

    @Test
    void ownedIdsAreThoseOnlyTheFirstUserSaw() {
        Map<String, Set<String>> owned = Bola.owned(Map.of("id", Set.of("1", "101")), Map.of("id", Set.of("1", "202")));
        assertThat(owned).isEqualTo(Map.of("id", Set.of("101")));
        assertThat(Bola.sameObject("[]", "[]")).isFalse();
        assertThat(Bola.sameObject("{\"id\":1,\"a\":2}", "{\"id\":1}")).isTrue();
        assertThat(Bola.sameObject("{\"id\":1}", "{\"id\":2}")).isFalse();
    }
}
