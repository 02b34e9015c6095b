package dev.bulwark.it;

import dev.bulwark.api.Sensitive;
import jakarta.json.bind.annotation.JsonbVisibility;
import jakarta.json.bind.config.PropertyVisibilityStrategy;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * A customer's card on file, written by field access (ExposureIT): JSON-B reads its private fields, the
 * {@code @Sensitive} one included, unless Bulwark holds it back.
 */
@JsonbVisibility(ShopCard.Fields.class)
public class ShopCard {

    private final String holder;
    private final String last4;
    @Sensitive
    private final String vaultReference;

    public ShopCard(String holder, String last4, String vaultReference) {
        this.holder = holder;
        this.last4 = last4;
        this.vaultReference = vaultReference;
    }

    /** Every field, no getter. */
    public static class Fields implements PropertyVisibilityStrategy {
        @Override
        public boolean isVisible(Field field) {
            return true;
        }

        @Override
        public boolean isVisible(Method method) {
            return false;
        }
    }
}
