package dev.bulwark.internal.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A list naming a held-back name (a @Sensitive name met at run time) loses that name, at any level. */
class FieldPathsWithoutTest {

    private static final SensitiveNames HELD = SensitiveNames.defaults().andExactly(Set.of("vaultReference"));

    @Test
    void heldBackNamesLeaveTheListAtAnyLevelAndTheRestStays() {
        FieldPaths list = FieldPaths.of(List.of("holder", "vaultReference", "card.vault_reference", "card.last4",
                "items.*.vaultReference", "items.*.name", "apiKey"));
        assertThat(list.without(HELD).paths()).containsExactly("card.last4", "holder", "items.*.name");
    }

    @Test
    void aListWithoutHeldBackNamesIsKeptAsItIs() {
        FieldPaths list = FieldPaths.of(List.of("name", "orders.total"));
        assertThat(list.without(HELD)).isSameAs(list);
        assertThat(FieldPaths.ANY.without(HELD)).isSameAs(FieldPaths.ANY);
        assertThat(FieldPaths.NONE.without(HELD)).isSameAs(FieldPaths.NONE);
    }
}
