package dev.bulwark.internal.exposure;

import dev.bulwark.api.Sensitive;
import jakarta.json.bind.annotation.JsonbVisibility;
import jakarta.json.bind.config.PropertyVisibilityStrategy;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

/** Field access, as JPA entities often declare: private fields are written, getters are not. */
@JsonbVisibility(FieldAccount.FieldAccess.class)
public class FieldAccount {

    private String name = "Ada";
    @Sensitive
    private String internalNote = "FIELD-NOTE";
    private String apiKey = "sk_live_field";

    /** Every field, no getter. */
    public static class FieldAccess implements PropertyVisibilityStrategy {
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
