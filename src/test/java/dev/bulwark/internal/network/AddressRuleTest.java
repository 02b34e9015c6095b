package dev.bulwark.internal.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.internal.config.TestConfig;
import dev.bulwark.internal.transport.ClientAddressResolver;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The address rules as a request meets them: global lists, route policies, roles; deny wins. */
class AddressRuleTest {

    private static NetworkSettings settings(Map<String, String> properties) {
        var result = TestConfig.load(properties);
        assertThat(result.problems()).isEmpty();
        return result.config().settings(NetworkKeys.CONCERN);
    }

    private static AddressRules rules(Map<String, String> properties) {
        return AddressRules.fixed(settings(properties));
    }

    @Test
    void anOfficeRangeIsAllowedAndEverythingElseRefused() {
        AddressRules rules = rules(Map.of("bulwark.ip.allow", "198.51.100.0/24"));
        assertThat(rules.refusal("198.51.100.23", "GET", "/api/orders")).isNull();
        assertThat(rules.refusal("198.51.101.23", "GET", "/api/orders")).contains("not allowed by bulwark.ip");
        assertThat(rules.refusal("2001:db8::1", "GET", "/")).as("IPv6 outside an IPv4-only allow list").isNotNull();
    }

    @Test
    void anIpv6ClientInAnAllowed48GoesOn() {
        AddressRules rules = rules(Map.of("bulwark.ip.allow", "2001:db8:42::/48"));
        assertThat(rules.refusal("2001:db8:42:7::1", "GET", "/")).isNull();
        assertThat(rules.refusal("2001:db8:43::1", "GET", "/")).isNotNull();
    }

    @Test
    void denyWinsOverAllow() {
        AddressRules rules = rules(Map.of("bulwark.ip.allow", "10.0.0.0/8", "bulwark.ip.deny", "10.66.0.0/16"));
        assertThat(rules.refusal("10.1.2.3", "GET", "/")).isNull();
        assertThat(rules.refusal("10.66.2.3", "GET", "/")).contains("denied by bulwark.ip");
    }

    @Test
    void ipv4MappedClientsAreComparedAsIpv4() {
        AddressRules rules = rules(Map.of("bulwark.ip.deny", "10.0.0.0/8"));
        ClientAddressResolver direct = new ClientAddressResolver(List.of());
        for (String peer : List.of("::ffff:10.0.0.1", "0:0:0:0:0:ffff:a00:1", "::FFFF:A00:1")) {
            String client = direct.resolve(peer, false, List.of(), List.of(), List.of()).clientAddress();
            assertThat(client).isEqualTo("10.0.0.1");
            assertThat(rules.refusal(client, "GET", "/")).as(peer).isNotNull();
        }
        assertThat(rules.refusal("[::ffff:10.0.0.1]", "GET", "/")).as("an odd spelling fails closed").isNotNull();
    }

    @Test
    void anUnreadableClientAddressIsRefusedByAnyRuleAndPassesWithoutRules() {
        AddressRules rules = rules(Map.of("bulwark.ip.deny", "203.0.113.0/24"));
        assertThat(rules.refusal("fe80::1%eth0", "GET", "/")).as("a zone id from the container").contains("unreadable");
        assertThat(rules.refusal(null, "GET", "/")).isNotNull();
        assertThat(rules(Map.of()).refusal("fe80::1%eth0", "GET", "/")).isNull();
    }

    @Test
    void spoofedForwardingHeadersFromAnUntrustedPeerAreIgnored() {
        AddressRules rules = rules(Map.of("bulwark.ip.allow", "10.8.0.0/16"));
        ClientAddressResolver behindProxy = new ClientAddressResolver(List.of(cidr("192.0.2.1/32")));
        // a client on the internet claims to be inside the VPN
        String spoofed = behindProxy.resolve("203.0.113.9", false, List.of("for=10.8.0.5"), List.of("10.8.0.5"),
                List.of()).clientAddress();
        assertThat(spoofed).isEqualTo("203.0.113.9");
        assertThat(rules.refusal(spoofed, "GET", "/")).isNotNull();
        // the same header through the trusted proxy is believed
        String proxied = behindProxy.resolve("192.0.2.1", false, List.of(), List.of("10.8.0.5"), List.of())
                .clientAddress();
        assertThat(rules.refusal(proxied, "GET", "/")).isNull();
        // a client that prepends a VPN address to the proxy's chain is still the address the proxy saw
        String prepended = behindProxy.resolve("192.0.2.1", false, List.of(), List.of("10.8.0.5, 203.0.113.9"),
                List.of()).clientAddress();
        assertThat(rules.refusal(prepended, "GET", "/")).isNotNull();
    }

    @Test
    void routePoliciesApplyToTheirPathsAndMethodsOnly() {
        AddressRules rules = rules(Map.of("bulwark.routes", "admin, writes",
                "bulwark.routes.admin.paths", "/admin/*, /metrics",
                "bulwark.routes.admin.ip.allow", "10.8.0.0/16",
                "bulwark.routes.writes.paths", "/api/*",
                "bulwark.routes.writes.methods", "POST, DELETE",
                "bulwark.routes.writes.ip.deny", "203.0.113.0/24"));
        assertThat(rules.refusal("203.0.113.9", "GET", "/admin")).contains("route admin");
        assertThat(rules.refusal("203.0.113.9", "GET", "/admin/users")).contains("route admin");
        assertThat(rules.refusal("203.0.113.9", "GET", "/metrics")).contains("route admin");
        assertThat(rules.refusal("203.0.113.9", "GET", "/metrics/x")).as("exact path only").isNull();
        assertThat(rules.refusal("203.0.113.9", "GET", "/administrator")).as("a prefix is whole segments").isNull();
        assertThat(rules.refusal("10.8.3.4", "GET", "/admin/users")).isNull();
        assertThat(rules.refusal("203.0.113.9", "GET", "/api/orders")).isNull();
        assertThat(rules.refusal("203.0.113.9", "POST", "/api/orders")).contains("route writes");
        assertThat(rules.refusal("203.0.113.9", "delete", "/api/orders/1")).contains("route writes");
    }

    @Test
    void getCoversHead() {
        AddressRules rules = rules(Map.of("bulwark.routes", "docs", "bulwark.routes.docs.paths", "/docs/*",
                "bulwark.routes.docs.methods", "GET", "bulwark.routes.docs.ip.deny", "0.0.0.0/0, ::/0"));
        assertThat(rules.refusal("198.51.100.1", "HEAD", "/docs/index.html")).isNotNull();
        assertThat(rules.refusal("2001:db8::1", "GET", "/docs")).isNotNull();
    }

    @Test
    void requestPathsAreNormalizedBeforeMatching() {
        assertThat(RoutePattern.normalize("//admin//users/")).isEqualTo("/admin/users");
        assertThat(RoutePattern.normalize("")).isEqualTo("/");
        assertThat(RoutePattern.normalize("/")).isEqualTo("/");
        assertThat(RoutePattern.normalize("///")).isEqualTo("/");
        assertThat(RoutePattern.normalize("/api/orders")).isEqualTo("/api/orders");
        assertThat(RoutePattern.normalize("api//orders/")).isEqualTo("/api/orders");
        assertThat(RoutePattern.normalize("/api/orders//")).isEqualTo("/api/orders");
        assertThat(RoutePattern.normalize(null)).isEqualTo("/");
        AddressRules rules = rules(Map.of("bulwark.routes", "admin", "bulwark.routes.admin.paths", "/admin/*",
                "bulwark.routes.admin.ip.allow", "10.8.0.0/16"));
        assertThat(rules.refusal("203.0.113.9", "GET", RoutePattern.normalize("//admin/"))).isNotNull();
    }

    @Test
    void roleRulesApplyToEveryNamedRole() {
        AddressRules rules = rules(Map.of("bulwark.ip.roles", "admin, auditor",
                "bulwark.ip.roles.admin.allow", "10.8.0.0/16",
                "bulwark.ip.roles.auditor.deny", "10.8.66.0/24"));
        assertThat(rules.roleRefusal("10.8.1.1", List.of("admin"))).isNull();
        assertThat(rules.roleRefusal("203.0.113.9", List.of("admin"))).contains("role admin");
        assertThat(rules.roleRefusal("203.0.113.9", List.of("user"))).as("a role without rules").isNull();
        assertThat(rules.roleRefusal("203.0.113.9", List.of("user", "admin")))
                .as("naming another role beside admin does not open the endpoint").isNotNull();
        assertThat(rules.roleRefusal("10.8.66.1", List.of("admin", "auditor"))).contains("role auditor");
    }

    @Test
    void badRouteAndRoleConfigurationFailsTheDeploymentNamingTheKey() {
        assertThat(TestConfig.load(Map.of("bulwark.routes", "admin")).problems())
                .anySatisfy(p -> assertThat(p.key()).isEqualTo("bulwark.routes.admin.paths"));
        assertThat(TestConfig.load(Map.of("bulwark.routes", "admin", "bulwark.routes.admin.paths", "/admin/../x"))
                .problems()).anySatisfy(p -> assertThat(p.key()).isEqualTo("bulwark.routes.admin.paths"));
        assertThat(TestConfig.load(Map.of("bulwark.routes", "admin", "bulwark.routes.admin.paths", "/admin*"))
                .problems()).anySatisfy(p -> assertThat(p.key()).isEqualTo("bulwark.routes.admin.paths"));
        assertThat(TestConfig.load(Map.of("bulwark.routes", "a", "bulwark.routes.a.paths", "/a",
                "bulwark.routes.a.ip.allow", "10.0.0.1/8")).problems())
                .anySatisfy(p -> assertThat(p.key()).isEqualTo("bulwark.routes.a.ip.allow"));
        assertThat(TestConfig.load(Map.of("bulwark.ip.roles", "admin")).problems())
                .anySatisfy(p -> assertThat(p.key()).isEqualTo("bulwark.ip.roles"));
        assertThat(TestConfig.load(Map.of("bulwark.ip.roles.admin.allow", "10.0.0.0/8")).problems())
                .as("a role's list without the role listed is an unknown key, never silently ignored")
                .anySatisfy(p -> assertThat(p.key()).isEqualTo("bulwark.ip.roles.admin.allow"));
        assertThat(TestConfig.load(Map.of("bulwark.ip.roles", "Admin")).problems())
                .anySatisfy(p -> assertThat(p.key()).isEqualTo("bulwark.ip.roles"));
    }

    private static dev.bulwark.internal.config.Cidr cidr(String text) {
        try {
            return AddressBlocks.block(text);
        } catch (dev.bulwark.internal.config.InvalidValueException e) {
            throw new AssertionError(e);
        }
    }
}
