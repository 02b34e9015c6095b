package dev.bulwark.testkit.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.testkit.FakeApi;
import dev.bulwark.testkit.Finding;
import dev.bulwark.testkit.OwaspCategory;
import dev.bulwark.testkit.engine.Access;
import dev.bulwark.testkit.engine.ApiModel;
import dev.bulwark.testkit.engine.ScanContext;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriftTest {

    /** The reviewed file in the posture report's shape (access under "protections"). */
    private static final String REVIEWED = """
            {"endpoints":[
             {"method":"GET","path":"/api/customers","protections":{"access":"roles(admin)"}},
             {"method":"GET","path":"/api/orders/{id}","protections":{"access":"roles(admin,customer) owner(path id by A)"}},
             {"method":"POST","path":"/api/orders","protections":{"access":"roles(customer) scopes(all: orders:write)"}},
             {"method":"GET","path":"/api/status","protections":{"access":"public"}},
             {"method":"GET","path":"/api/gone","protections":{"access":"roles(admin)"}}]}""";

    @TempDir
    Path dir;

    private ScanContext scan(String live) throws Exception {
        Path reviewed = Files.writeString(dir.resolve("reviewed.json"), REVIEWED);
        try (FakeApi api = new FakeApi()) {
            ScanContext ctx = api.context(api.settings(dir).reviewedInventory(reviewed.toString()).build(),
                    ApiModel.fromInventory(live));
            new Drift().run(ctx);
            assertThat(api.calls()).as("the drift check sends nothing").isEmpty();
            return ctx;
        }
    }

    @Test
    void theSameOrNarrowerAccessIsNoFinding() throws Exception {
        ScanContext ctx = scan("""
                {"endpoints":[
                 {"method":"GET","path":"/api/customers","access":"roles(admin)"},
                 {"method":"GET","path":"/api/orders/{orderId}","access":"roles(customer) owner(path orderId by A)"},
                 {"method":"POST","path":"/api/orders","access":"roles(customer) scopes(all: orders:write orders:x)"},
                 {"method":"GET","path":"/api/status","access":"roles(customer)"}]}""");
        assertThat(ctx.findings()).isEmpty();
        assertThat(ctx.testedSubjects()).hasSize(4);
    }

    @Test
    void aWidenedRoleADroppedScopeARemovedOwnerCheckAndANewEndpointAreReported() throws Exception {
        // The attack review's change: the customer list opened to customers.
        ScanContext ctx = scan("""
                {"endpoints":[
                 {"method":"GET","path":"/api/customers","access":"roles(admin,customer)"},
                 {"method":"GET","path":"/api/orders/{id}","access":"roles(admin,customer)"},
                 {"method":"POST","path":"/api/orders","access":"roles(customer)"},
                 {"method":"GET","path":"/api/status","access":"public"},
                 {"method":"GET","path":"/api/export","access":"roles(admin)"}]}""");
        assertThat(ctx.findings()).extracting(Finding::rule, Finding::subject, Finding::category).containsExactly(
                org.assertj.core.groups.Tuple.tuple("drift.access-weakened", "GET /api/customers", OwaspCategory.API5),
                org.assertj.core.groups.Tuple.tuple("drift.owner-check-removed", "GET /api/orders/{id}",
                        OwaspCategory.API1),
                org.assertj.core.groups.Tuple.tuple("drift.access-weakened", "POST /api/orders", OwaspCategory.API5),
                org.assertj.core.groups.Tuple.tuple("drift.unreviewed-endpoint", "GET /api/export",
                        OwaspCategory.API9));
        assertThat(ctx.findings().get(0).message())
                .contains("reviewed roles(admin), now roles(admin,customer)");
    }

    @Test
    void weakerThanReadsEveryWayAccessWidens() {
        Access admin = Access.parse("roles(admin)");
        assertThat(Access.parse("public").weakerThan(admin)).isTrue();
        assertThat(Access.parse("roles(admin)").weakerThan(Access.parse("NONE: denied by default"))).isTrue();
        assertThat(Access.parse("scopes(any: a|b|c)").weakerThan(Access.parse("scopes(any: a|b)"))).isTrue();
        assertThat(Access.parse("scopes(all: a)").weakerThan(Access.parse("scopes(any: a|b)"))).isFalse();
        assertThat(Access.parse("public").weakerThan(Access.parse("public"))).isFalse();
    }

    @Test
    void anUnreadableReviewedFileIsAnError() throws Exception {
        try (FakeApi api = new FakeApi()) {
            ScanContext ctx = api.context(api.settings(dir).reviewedInventory(dir.resolve("none.json").toString())
                    .build(), ApiModel.fromInventory("{\"endpoints\":[]}"));
            new Drift().run(ctx);
            assertThat(ctx.notRun().get("drift")).startsWith("error: cannot read the reviewed inventory");
        }
    }
}
