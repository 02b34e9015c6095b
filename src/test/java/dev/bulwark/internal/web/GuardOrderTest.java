package dev.bulwark.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.internal.controls.BulwarkConfig;
import dev.bulwark.internal.errors.ErrorLog;
import dev.bulwark.internal.pipeline.Phase;
import dev.bulwark.internal.validation.EndpointBodyLimits;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/** The servlet filter's guards run in the order {@link Phase} gives, which is the checklist's order. */
class GuardOrderTest {

    @Test
    void theGuardsRunInPhaseOrderAndAllAtTheServletLayer() {
        BulwarkFilter filter = new BulwarkFilter(BulwarkConfig.defaults(), new EndpointBodyLimits(List.of(), 1024),
                new ErrorLog(Level.FINE, Duration.ZERO, Clock.systemUTC()), null, () -> null);
        List<Phase> phases = filter.guardPhases();
        assertThat(phases).isSortedAccordingTo(Comparator.naturalOrder()).doesNotHaveDuplicates()
                .allSatisfy(p -> assertThat(p.layer()).isEqualTo(Phase.Layer.SERVLET));
        assertThat(phases).containsExactly(Phase.PRIVATE_HEADERS, Phase.HOST, Phase.METHOD, Phase.ADDRESS_RULES, Phase.HTTPS, Phase.CORS,
                Phase.VERSION, Phase.REQUEST_TEXT, Phase.BODY_SIZE);
    }

    @Test
    void theJaxRsStepsAreOrderedByTheirPriorities() {
        List<Phase> jaxrs = java.util.Arrays.stream(Phase.values()).filter(p -> p.layer() == Phase.Layer.JAXRS)
                .toList();
        assertThat(jaxrs).as("declared in the order their priorities run them")
                .isSortedAccordingTo(Comparator.comparingInt(Phase::priority));
        assertThat(Phase.DENY.priority()).isLessThan(Phase.TOKEN_POLICY.priority());
        assertThat(Phase.RATE_LIMIT.priority()).isLessThan(Phase.ROLES.priority());
        assertThat(Phase.JSON_BODY.priority()).as("bodies of refused requests are never parsed")
                .isGreaterThan(Phase.SCOPES.priority());
        assertThat(Phase.OWNERSHIP.priority()).as("ownership reads the checked body")
                .isGreaterThan(Phase.JSON_BODY.priority());
        assertThat(Phase.OPENAPI.priority()).as("the OpenAPI check reads the bounded body, before ownership")
                .isGreaterThan(Phase.JSON_BODY.priority()).isLessThan(Phase.OWNERSHIP.priority());
    }
}
