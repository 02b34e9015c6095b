package dev.bulwark.internal.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.MutableClock;
import dev.bulwark.api.SecurityAlert;
import dev.bulwark.api.SecurityAlert.Detector;
import dev.bulwark.internal.audit.AuditEvent;
import dev.bulwark.internal.audit.Refusal;
import dev.bulwark.internal.errors.ProblemKind;
import dev.bulwark.internal.pipeline.Phase;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The new-access and admin-new-address detectors, driven by a clock (never a sleep). */
class NoveltyDetectorsTest {

    private static final String ORDERS = "GET /app/api/orders/{id}";
    private static final String STATS = "GET /app/api/admin/stats";
    private static final String USERS = "DELETE /app/api/admin/users/{id}";
    private static final String SHARED = "GET /app/api/customers/{id}";
    private static final Set<String> ADMIN = Set.of("admin");
    private static final Set<String> USER = Set.of("user");
    private static final Set<String> ADMIN_OR_CUSTOMER = Set.of("admin", "customer");
    private static final String OFFICE = "192.0.2.10";

    private final MutableClock clock = MutableClock.atEpochSecond(1_790_000_000L);
    private final List<SecurityAlert> alerts = new ArrayList<>();

    private Detectors detectors(String... overrides) {
        return new Detectors(AlertConfig.with(overrides), alerts::add);
    }

    private static JsonObject token(String sub, String... groups) {
        var g = Json.createArrayBuilder();
        for (String group : groups) {
            g.add(group);
        }
        return Json.createObjectBuilder().add("sub", sub).add("groups", g).build();
    }

    private AuditEvent call(String route, Set<String> roles, JsonObject claims, String principal, String address,
                            int status) {
        Refusal refusal = status == 403 ? Refusal.of(Phase.ROLES, ProblemKind.FORBIDDEN, "no role") : null;
        return new AuditEvent(clock.millis(), 1000, route.substring(0, route.indexOf(' ')), route, false, "/app/x",
                status, -1, 100, address, claims, principal, "ua", "corr-" + clock.millis(), null, refusal,
                List.of(), roles);
    }

    private AuditEvent ok(String route, Set<String> roles, JsonObject claims, String address) {
        return call(route, roles, claims, null, address, 200);
    }

    private List<Detector> raised() {
        return alerts.stream().map(SecurityAlert::detector).toList();
    }

    /** An admin's ordinary use over {@code days}: the orders and the stats page, from the office, every hour. */
    private void establish(Detectors d, JsonObject claims, int days) {
        for (int hour = 0; hour < days * 24; hour++) {
            d.accept(ok(ORDERS, USER, claims, OFFICE));
            d.accept(ok(STATS, ADMIN, claims, OFFICE));
            clock.advance(Duration.ofHours(1));
        }
    }

    // --- new-access ---

    @Test
    void anEstablishedSubjectReachingAnAdminRouteItNeverUsedRaisesOneAlert() {
        Detectors d = detectors("bulwark.alerts.admin-address.enabled", "false");
        JsonObject alice = token("alice", "user", "admin");
        establish(d, alice, 8);
        assertThat(alerts).isEmpty();

        d.accept(ok(USERS, ADMIN, alice, OFFICE));
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.detector()).isEqualTo(Detector.NEW_ACCESS);
            assertThat(a.key()).isEqualTo("alice");
            assertThat(a.subject()).isEqualTo("alice");
            assertThat(a.route()).isEqualTo(USERS);
            assertThat(a.window()).isEqualTo(Duration.ofDays(7));
            assertThat(a.at()).isEqualTo(clock.instant());
            assertThat(a.observed()).isEqualTo(1);
        });
        // the route is learnt: using it again, now or the next day, is ordinary
        d.accept(ok(USERS, ADMIN, alice, OFFICE));
        clock.advance(Duration.ofDays(1));
        d.accept(ok(USERS, ADMIN, alice, OFFICE));
        establish(d, alice, 2);
        assertThat(alerts).hasSize(1);
    }

    @Test
    void aNewSubjectLearnsWithoutAlertingWhateverItCalls() {
        Detectors d = detectors("bulwark.alerts.admin-address.enabled", "false");
        JsonObject ops = token("ops", "admin");
        for (int day = 0; day < 6; day++) { // within its first week, a new admin route each day
            d.accept(ok("GET /app/api/admin/report/" + day, ADMIN, ops, OFFICE));
            clock.advance(Duration.ofDays(1));
        }
        clock.advance(Duration.ofHours(23)); // 6 days 23 hours after its first call: still learning
        d.accept(ok("GET /app/api/admin/report/late", ADMIN, ops, OFFICE));
        assertThat(alerts).isEmpty();
        clock.advance(Duration.ofHours(1));
        d.accept(ok("GET /app/api/admin/report/6", ADMIN, ops, OFFICE)); // a week on
        assertThat(raised()).containsExactly(Detector.NEW_ACCESS);
    }

    @Test
    void anOrdinaryUserReachingAnAdminRouteIsAnEscalation() {
        Detectors d = detectors();
        JsonObject bob = token("bob", "user");
        for (int day = 0; day < 8; day++) {
            d.accept(ok(ORDERS, USER, bob, "198.51.100.4"));
            clock.advance(Duration.ofDays(1));
        }
        d.accept(ok(STATS, ADMIN, token("bob", "user", "admin"), "198.51.100.4"));
        // its first privileged call: new access, but no new address (it never made one before)
        assertThat(raised()).containsExactly(Detector.NEW_ACCESS);
        assertThat(alerts.get(0).route()).isEqualTo(STATS);
    }

    @Test
    void aPrivilegedRoleNewOnARouteTheSubjectKnowsIsNewAccess() {
        Detectors d = detectors("bulwark.alerts.admin-address.enabled", "false");
        // a route open to admins and customers, used as a customer: no privileged call
        for (int day = 0; day < 8; day++) {
            d.accept(ok(SHARED, ADMIN_OR_CUSTOMER, token("carol", "customer"), OFFICE));
            clock.advance(Duration.ofDays(1));
        }
        assertThat(alerts).isEmpty();
        d.accept(ok(SHARED, ADMIN_OR_CUSTOMER, token("carol", "customer", "admin"), OFFICE));
        assertThat(raised()).containsExactly(Detector.NEW_ACCESS);
    }

    @Test
    void newOrdinaryRoutesAreNoAlertUnlessEveryRouteIsWatched() {
        JsonObject dave = token("dave", "user");
        Detectors privileged = detectors();
        for (int day = 0; day < 10; day++) {
            privileged.accept(ok("GET /app/api/feature/" + day, USER, dave, OFFICE));
            clock.advance(Duration.ofDays(1));
        }
        assertThat(alerts).isEmpty();

        Detectors all = detectors("bulwark.alerts.new-access", "all");
        for (int day = 0; day < 10; day++) {
            all.accept(ok(ORDERS, USER, dave, OFFICE));
            clock.advance(Duration.ofDays(1));
        }
        all.accept(ok("GET /app/api/feature/new", USER, dave, OFFICE));
        assertThat(raised()).containsExactly(Detector.NEW_ACCESS);
        assertThat(alerts.get(0).route()).isEqualTo("GET /app/api/feature/new");
    }

    @Test
    void aSubjectExploringTheAdminApiRaisesOneAlertPerWindow() {
        Detectors d = detectors("bulwark.alerts.admin-address.enabled", "false");
        JsonObject alice = token("alice", "user", "admin");
        establish(d, alice, 8);
        for (int i = 0; i < 40; i++) { // a stolen admin session walking every admin route
            d.accept(ok("GET /app/api/admin/explore/" + i, ADMIN, alice, OFFICE));
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(raised()).containsExactly(Detector.NEW_ACCESS);
        clock.advance(Duration.ofMinutes(21)); // an hour after the first alert
        d.accept(ok("GET /app/api/admin/explore/0", ADMIN, alice, OFFICE)); // learnt meanwhile
        assertThat(alerts).hasSize(1);
        d.accept(ok("GET /app/api/admin/explore/more", ADMIN, alice, OFFICE));
        assertThat(raised()).containsExactly(Detector.NEW_ACCESS, Detector.NEW_ACCESS);
    }

    @Test
    void refusedCallsTeachNothingAndRaiseNothing() {
        Detectors d = detectors();
        JsonObject alice = token("alice", "user", "admin");
        establish(d, alice, 8);
        d.accept(call(USERS, ADMIN, token("alice", "user"), null, "203.0.113.66", 403));
        assertThat(alerts).isEmpty();
        d.accept(ok(USERS, ADMIN, alice, OFFICE)); // not learnt from the refusal: new now
        assertThat(raised()).containsExactly(Detector.NEW_ACCESS);
    }

    @Test
    void aCallerTheContainerAuthenticatedIsPrivilegedOnlyWhenEveryRoleOfTheEndpointIs() {
        Detectors d = detectors("bulwark.alerts.admin-address.learning", "0s");
        for (int day = 0; day < 8; day++) {
            d.accept(call(ORDERS, USER, null, "erin", OFFICE, 200));
            clock.advance(Duration.ofDays(1));
        }
        d.accept(call(SHARED, ADMIN_OR_CUSTOMER, null, "erin", "203.0.113.7", 200)); // a customer, perhaps
        assertThat(alerts).isEmpty();
        d.accept(call(STATS, ADMIN, null, "erin", "203.0.113.7", 200));
        assertThat(raised()).containsExactly(Detector.NEW_ACCESS);
        assertThat(alerts.get(0).subject()).isEqualTo("erin");
    }

    @Test
    void aForgottenSubjectLearnsAgain() {
        Detectors d = detectors("bulwark.alerts.max-keys", "100", "bulwark.alerts.admin-address.enabled", "false");
        JsonObject alice = token("alice", "user", "admin");
        establish(d, alice, 8);
        for (int i = 0; i < 100; i++) { // a hundred other subjects push alice out
            d.accept(ok(ORDERS, USER, token("s" + i, "user"), OFFICE));
        }
        d.accept(ok(USERS, ADMIN, alice, OFFICE));
        assertThat(alerts).isEmpty();
    }

    @Test
    void newAccessSwitchedOffRaisesNothing() {
        Detectors d = detectors("bulwark.alerts.new-access", "off", "bulwark.alerts.admin-address.enabled", "false");
        JsonObject alice = token("alice", "user", "admin");
        establish(d, alice, 8);
        d.accept(ok(USERS, ADMIN, alice, "203.0.113.99"));
        assertThat(alerts).isEmpty();
    }

    // --- admin-new-address ---

    @Test
    void aPrivilegedCallFromANewAddressRaisesOneAlert() {
        Detectors d = detectors("bulwark.alerts.new-access", "off");
        JsonObject alice = token("alice", "user", "admin");
        d.accept(ok(STATS, ADMIN, alice, OFFICE)); // its very first privileged call
        clock.advance(Duration.ofHours(2));
        d.accept(ok(STATS, ADMIN, alice, "198.51.100.20")); // home, within its first day: learnt
        clock.advance(Duration.ofDays(1));
        d.accept(ok(STATS, ADMIN, alice, OFFICE));
        d.accept(ok(STATS, ADMIN, alice, "198.51.100.20"));
        d.accept(ok(ORDERS, USER, alice, "203.0.113.50")); // not a privileged call: the address is no concern
        assertThat(alerts).isEmpty();

        d.accept(ok(STATS, ADMIN, alice, "203.0.113.50"));
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.detector()).isEqualTo(Detector.ADMIN_NEW_ADDRESS);
            assertThat(a.key()).isEqualTo("alice");
            assertThat(a.clientAddress()).isEqualTo("203.0.113.50");
            assertThat(a.route()).isEqualTo(STATS);
            assertThat(a.window()).isEqualTo(Duration.ofDays(30));
            assertThat(a.at()).isEqualTo(clock.instant());
        });
        d.accept(ok(STATS, ADMIN, alice, "203.0.113.50")); // a repeat
        clock.advance(Duration.ofMinutes(10));
        d.accept(ok(STATS, ADMIN, alice, "203.0.113.51")); // another new one within the hour
        assertThat(alerts).hasSize(1);
        clock.advance(Duration.ofMinutes(51));
        d.accept(ok(STATS, ADMIN, alice, "203.0.113.51")); // learnt meanwhile
        assertThat(alerts).hasSize(1);
        d.accept(ok(STATS, ADMIN, alice, "203.0.113.52"));
        assertThat(raised()).containsExactly(Detector.ADMIN_NEW_ADDRESS, Detector.ADMIN_NEW_ADDRESS);
    }

    @Test
    void anAddressUnusedForLongerThanTheMemoryIsNewAgain() {
        Detectors d = detectors("bulwark.alerts.new-access", "off");
        JsonObject alice = token("alice", "admin");
        d.accept(ok(STATS, ADMIN, alice, "198.51.100.20"));
        d.accept(ok(STATS, ADMIN, alice, OFFICE)); // both learnt within its first day
        clock.advance(Duration.ofDays(2));
        for (int day = 0; day < 29; day++) {
            d.accept(ok(STATS, ADMIN, alice, OFFICE));
            clock.advance(Duration.ofDays(1));
        }
        d.accept(ok(STATS, ADMIN, alice, "198.51.100.20")); // 31 days after its last privileged call from there
        assertThat(raised()).containsExactly(Detector.ADMIN_NEW_ADDRESS);
    }

    @Test
    void anIpv6AdminIsKnownByItsSlash64() {
        Detectors d = detectors("bulwark.alerts.new-access", "off", "bulwark.alerts.admin-address.learning", "0s");
        JsonObject alice = token("alice", "admin");
        d.accept(ok(STATS, ADMIN, alice, "2001:db8:5:6::1"));
        d.accept(ok(STATS, ADMIN, alice, "2001:db8:5:6:a8f3:11ff:fe22:3344")); // a privacy address of the same /64
        assertThat(alerts).isEmpty();
        d.accept(ok(STATS, ADMIN, alice, "2001:db8:5:7::1"));
        assertThat(alerts).singleElement().satisfies(a ->
                assertThat(a.clientAddress()).isEqualTo("2001:db8:5:7::1"));
    }

    @Test
    void withoutLearningOnlyTheFirstPrivilegedCallIsExempt() {
        Detectors d = detectors("bulwark.alerts.new-access", "off", "bulwark.alerts.admin-address.learning", "0s");
        JsonObject alice = token("alice", "admin");
        d.accept(ok(STATS, ADMIN, alice, OFFICE));
        d.accept(ok(STATS, ADMIN, alice, "198.51.100.20"));
        assertThat(raised()).containsExactly(Detector.ADMIN_NEW_ADDRESS);
    }

    @Test
    void aCustomerOnARouteOpenToAdminsMakesNoPrivilegedCall() {
        Detectors d = detectors("bulwark.alerts.admin-address.learning", "0s");
        for (int i = 0; i < 50; i++) {
            d.accept(ok(SHARED, ADMIN_OR_CUSTOMER, token("shopper", "customer"), "198.51.100." + i));
            clock.advance(Duration.ofDays(1));
        }
        assertThat(alerts).isEmpty();
    }

    @Test
    void adminAddressesSwitchedOffOrNoPrivilegedRolesRaiseNothing() {
        for (String[] config : new String[][] {{"bulwark.alerts.admin-address.enabled", "false"},
                {"bulwark.alerts.privileged-roles", ""}}) {
            Detectors d = detectors(config[0], config[1], "bulwark.alerts.admin-address.learning", "0s",
                    "bulwark.alerts.new-access", "off");
            for (int i = 0; i < 10; i++) {
                d.accept(ok(STATS, ADMIN, token("alice", "admin"), "198.51.100." + i));
            }
        }
        assertThat(alerts).isEmpty();
    }

    @Test
    void theRolesThatMakeACallPrivilegedAreConfigurable() {
        Detectors d = detectors("bulwark.alerts.privileged-roles", "ops, billing-admin",
                "bulwark.alerts.admin-address.learning", "0s", "bulwark.alerts.new-access", "off");
        d.accept(ok(STATS, ADMIN, token("alice", "admin"), OFFICE));
        d.accept(ok(STATS, ADMIN, token("alice", "admin"), "198.51.100.1")); // admin is not privileged here
        d.accept(ok("POST /app/api/billing/refunds", Set.of("billing-admin"), token("bea", "billing-admin"), OFFICE));
        d.accept(ok("POST /app/api/billing/refunds", Set.of("billing-admin"), token("bea", "billing-admin"),
                "198.51.100.2"));
        assertThat(alerts).singleElement().satisfies(a -> assertThat(a.key()).isEqualTo("bea"));
    }

    // --- both ---

    @Test
    void ordinaryTrafficOfUsersAndAdminsRaisesNothing() {
        Detectors d = detectors();
        String[] users = {"alice", "bob", "carol", "dave", "erin"};
        JsonObject admin = token("root", "user", "admin");
        for (int hour = 0; hour < 14 * 24; hour++) { // two weeks: the learning week, then a week of the same
            for (int u = 0; u < users.length; u++) {
                JsonObject claims = token(users[u], "user");
                String address = hour % 24 < 9 ? "192.0.2." + (10 + u) : "198.51.100." + (10 + u); // office, home
                d.accept(ok(ORDERS, USER, claims, address));
                d.accept(ok("GET /app/api/items", USER, claims, address));
                d.accept(call(STATS, ADMIN, claims, null, address, 403)); // a user trying the admin page
            }
            String adminAt = hour % 24 < 9 ? OFFICE : "2001:db8:9:1::" + Integer.toHexString(1 + hour % 200);
            d.accept(ok(STATS, ADMIN, admin, adminAt));
            if (hour % 24 == 3) {
                d.accept(ok(USERS, ADMIN, admin, adminAt)); // a daily clean-up
            }
            clock.advance(Duration.ofHours(1));
        }
        assertThat(alerts).isEmpty();
    }

    @Test
    void memoryStaysBoundedUnderAFloodOfSubjectsRoutesAndAddresses() {
        NewAccess routes = new NewAccess(1, 10, 60_000, 1000);
        AdminAddresses addresses = new AdminAddresses(86_400_000L, 0, 20, 60_000, 1000);
        for (int i = 0; i < 200_000; i++) {
            routes.use("s" + i, "GET /r/" + i, Set.of("admin"), i);
            routes.use("one", "GET /r/" + i, Set.of("role" + i), i);
            addresses.call("s" + i, "203.0.113." + i % 250, i);
            addresses.call("one", "a" + i, i);
        }
        assertThat(routes.keys()).isEqualTo(1000);
        assertThat(routes.remembered("one")).isEqualTo(20); // 10 routes and 10 roles
        assertThat(addresses.keys()).isEqualTo(1000);
        assertThat(addresses.remembered("one")).isEqualTo(20);
    }
}
