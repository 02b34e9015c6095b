package dev.bulwark.internal.exposure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SensitiveGraphTest {

    private final SensitiveGraph graph = new SensitiveGraph();

    @Test
    void aNestedDeclaredClassIsCoveredByItsOwnersNamesWithoutARunTimeWalk() {
        assertThat(graph.closed(LeakShapes.Holder.class)).isTrue();
        assertThat(graph.staticNames(LeakShapes.Holder.class)).containsExactly("vaultReference");
        assertThat(graph.names(new LeakShapes.Holder())).isSameAs(graph.staticNames(LeakShapes.Holder.class));
        assertThat(graph.staticNames(LeakShapes.LoginEnvelope.class)).containsExactly("recoveryPhrase");
    }

    @Test
    void classesThatReachEachOtherEndTheirWalk() {
        assertThat(graph.closed(LeakShapes.Left.class)).isTrue();
        assertThat(graph.staticNames(LeakShapes.Left.class)).containsExactlyInAnyOrder("leftSecret", "rightSecret");
    }

    @Test
    void whatOnlyTheObjectsTellIsReadAlongTheOpenPropertiesOnly() {
        assertThat(graph.closed(LeakShapes.Page.class)).isFalse();
        assertThat(graph.edgeNames(LeakShapes.Page.class)).containsExactly("items");
        assertThat(graph.names(new LeakShapes.Page<>(List.of(new LeakShapes.FieldCard()))))
                .containsExactly("vaultReference");
        assertThat(graph.names(new LeakShapes.Envelope(new LeakShapes.Page<>(List.of(new LeakShapes.Holder())))))
                .containsExactly("vaultReference");
        assertThat(graph.edgeNames(LeakShapes.Envelope.class)).containsExactly("data");
        // an abstract declared class: the object's class decides
        assertThat(graph.names(new LeakShapes.Drawing())).containsExactly("shapeSecret");
    }

    @Test
    void containersAreWalkedToTheirElementsWhateverTheirNesting() {
        LeakShapes.FieldCard card = new LeakShapes.FieldCard();
        for (Object entity : List.of(List.of(card), List.of(List.of(card)), Map.of("a", List.of(card)),
                Optional.of(card), new Object[] {card}, new Object[][] {{card}})) {
            assertThat(graph.names(entity)).as(entity.getClass().getName()).containsExactly("vaultReference");
        }
        // every element's class, however many
        List<Object> mixed = List.of(new LeakShapes.Holder(), new LeakShapes.Login(), new LeakShapes.SecretShape());
        assertThat(graph.names(mixed)).containsExactlyInAnyOrder("vaultReference", "recoveryPhrase", "shapeSecret");
        assertThat(graph.names(List.of("a", 1, true))).isEmpty();
        assertThat(graph.names(Json.createObjectBuilder().add("password", "x").build())).isEmpty();
        assertThat(graph.closed(List.class)).isFalse();
        assertThat(graph.closed(String.class)).isTrue();
    }

    @Test
    void aCycleInTheDataAlongOpenPropertiesIsRefusedNotFollowedForever() {
        LeakShapes.Envelope loop = new LeakShapes.Envelope(null);
        loop.data = loop;
        assertThatThrownBy(() -> graph.names(loop)).isInstanceOf(SensitiveGraph.TooLarge.class)
                .hasMessageContaining("deeper than");
    }

    @Test
    void aLongListOfOneClassCostsOneComparisonPerElement() {
        List<LeakShapes.Holder> many = new java.util.ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            many.add(new LeakShapes.Holder());
        }
        assertThat(graph.names(many)).isSameAs(graph.staticNames(LeakShapes.Holder.class));
        assertThat(graph.size()).isEqualTo(1);
    }
}
