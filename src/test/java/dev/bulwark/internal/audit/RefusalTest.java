package dev.bulwark.internal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.internal.errors.ProblemException;
import dev.bulwark.internal.errors.ProblemKind;
import dev.bulwark.internal.pipeline.Phase;
import dev.bulwark.internal.pipeline.RequestState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RefusalTest {

    @Test
    void aPhaseNamesTheControl() {
        assertThat(Refusal.of(Phase.BEARER_TOKEN, ProblemKind.UNAUTHORIZED, "expired"))
                .isEqualTo(new Refusal("bearer-token", "unauthorized", "expired"));
        assertThat(Refusal.of(Phase.HTTPS, ProblemKind.HTTPS_REQUIRED, "plain").kind()).isEqualTo("https-required");
    }

    @Test
    void anExceptionNamesItsPhaseElseItsConcern() {
        assertThat(Refusal.of(new ProblemException(Phase.OWNERSHIP, ProblemKind.NOT_FOUND, List.of(), "not owned",
                Map.of()))).isEqualTo(new Refusal("ownership", "not-found", "not owned"));
        assertThat(Refusal.of(new ProblemException(ProblemKind.UNAUTHORIZED, List.of(), "no caller")).control())
                .isEqualTo("authentication");
        assertThat(Refusal.of(new ProblemException(ProblemKind.BODY_LIMIT, List.of(), "deep")).control())
                .isEqualTo("validation");
        assertThat(Refusal.of(new ProblemException(ProblemKind.CONFLICT, List.of(), "x")).control())
                .isEqualTo(Refusal.APPLICATION);
    }

    @Test
    void theFirstRefusalOfARequestWins() {
        RequestState state = new RequestState();
        Refusal first = Refusal.of(Phase.ROLES, ProblemKind.FORBIDDEN, "no role");
        Refusal.record(state, first);
        Refusal.record(state, new Refusal(Refusal.APPLICATION, "forbidden", "later"));
        Refusal.record(null, first); // a request the filter never saw: nothing to record in
        assertThat(state.get(Refusal.KEY)).isEqualTo(first);
        assertThat(first.byBulwark()).isTrue();
        assertThat(new Refusal(Refusal.CONTAINER, "not-found", "x").byBulwark()).isFalse();
    }
}
