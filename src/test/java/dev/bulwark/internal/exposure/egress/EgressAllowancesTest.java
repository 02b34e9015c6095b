package dev.bulwark.internal.exposure.egress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.api.EgressAllowed;
import dev.bulwark.internal.config.ConfigProblem;
import dev.bulwark.internal.controls.BulwarkConfig;
import dev.bulwark.internal.controls.ConfigLoader;
import dev.bulwark.internal.pipeline.EndpointModel;
import dev.bulwark.internal.pipeline.EndpointSite;
import dev.bulwark.internal.resources.ResourceScanner;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code @EgressAllowed} resolved at deployment, and the egress keys read and validated. */
class EgressAllowancesTest {

    @EgressAllowed(kinds = EgressAllowed.Kind.API_KEY)
    static class Keys {
        public void create() {
            // fixture: the class's annotation
        }

        @EgressAllowed(kinds = {EgressAllowed.Kind.TOKEN})
        public void token() {
            // fixture: the method's wins
        }
    }

    static class Plain {
        public void list() {
            // fixture
        }

        @EgressAllowed(kinds = {})
        public void everything() {
            // fixture
        }
    }

    private static EndpointModel model(Class<?> type) {
        List<EndpointSite> sites = java.util.Arrays.stream(type.getDeclaredMethods())
                .map(m -> ResourceScanner.site(type, m)).toList();
        return EndpointModel.build(List.of(new EgressAllowances()), sites);
    }

    private static EgressAllowances.Allowed allowed(Class<?> type, String method) throws Exception {
        return EndpointModel.build(List.of(new EgressAllowances()), List.of(ResourceScanner.site(type,
                type.getMethod(method)))).policies().get(0).get(EgressAllowances.Allowed.class);
    }

    @Test
    void theMethodsAnnotationWinsOverTheClasss() throws Exception {
        assertThat(allowed(Keys.class, "create").kinds()).containsExactly(EgressAllowed.Kind.API_KEY);
        assertThat(allowed(Keys.class, "token").kinds()).containsExactly(EgressAllowed.Kind.TOKEN);
        assertThat(allowed(Keys.class, "token").describe()).isEqualTo("may return TOKEN");
        assertThat(allowed(Plain.class, "list")).isNull();
    }

    @Test
    void anAnnotationNamingNoKindFailsTheDeployment() {
        assertThat(model(Plain.class).problems()).singleElement().asString().contains("@EgressAllowed")
                .contains("everything").contains("names no kind");
    }

    @Test
    void defaultsCheckEveryKindAndRedact() {
        EgressSettings settings = BulwarkConfig.defaults().settings(EgressKeys.CONCERN);
        assertThat(settings.action()).isEqualTo(EgressAction.REDACT);
        assertThat(settings.kinds()).isEqualTo(EnumSet.allOf(EgressAllowed.Kind.class));
        assertThat(settings.maxBuffer()).isEqualTo(262144);
    }

    @Test
    void configuredValuesAreReadAndBadOnesNameTheirKey() {
        Map<String, String> raw = Map.of("bulwark.exposure.egress.action", "problem",
                "bulwark.exposure.egress.kinds", "card_number, PRIVATE_KEY", "bulwark.exposure.egress.max-buffer",
                "65536");
        EgressSettings settings = ConfigLoader.load(k -> Optional.ofNullable(raw.get(k))).config()
                .settings(EgressKeys.CONCERN);
        assertThat(settings.action()).isEqualTo(EgressAction.PROBLEM);
        assertThat(settings.kinds()).containsExactlyInAnyOrder(EgressAllowed.Kind.CARD_NUMBER,
                EgressAllowed.Kind.PRIVATE_KEY);
        assertThat(settings.maxBuffer()).isEqualTo(65536);

        Map<String, String> bad = Map.of("bulwark.exposure.egress.action", "block",
                "bulwark.exposure.egress.kinds", "PASSWORDS", "bulwark.exposure.egress.max-buffer", "10");
        List<String> problems = ConfigLoader.load(k -> Optional.ofNullable(bad.get(k))).problems().stream()
                .map(ConfigProblem::toString).toList();
        assertThat(problems).hasSize(3).anyMatch(p -> p.contains("bulwark.exposure.egress.action"))
                .anyMatch(p -> p.contains("bulwark.exposure.egress.kinds"))
                .anyMatch(p -> p.contains("bulwark.exposure.egress.max-buffer"));
    }

    @Test
    void anEmptyKindListChecksNothing() {
        EgressSettings settings = ConfigLoader.load(k -> Optional.ofNullable(
                Map.of("bulwark.exposure.egress.kinds", "").get(k))).config().settings(EgressKeys.CONCERN);
        assertThat(new EgressCheck(settings).active()).isFalse();
    }
}
