package dev.bulwark.internal.exposure;

import dev.bulwark.api.Sensitive;
import jakarta.json.bind.config.PropertyVisibilityStrategy;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * JSON-B's default visibility (public fields and public getters) without {@link Sensitive} properties: a sensitive
 * field, its getter, a sensitive getter and a sensitive record component are never read, whatever class (a subclass
 * unknown at deployment included) the serialized object is. JSON-B asks once per class and keeps the answer.
 */
final class SensitiveVisibility implements PropertyVisibilityStrategy {

    @Override
    public boolean isVisible(Field field) {
        return Modifier.isPublic(field.getModifiers()) && !field.isAnnotationPresent(Sensitive.class);
    }

    @Override
    public boolean isVisible(Method method) {
        if (!Modifier.isPublic(method.getModifiers()) || method.isAnnotationPresent(Sensitive.class)) {
            return false;
        }
        String property = method.getDeclaringClass().isRecord() ? method.getName()
                : ResponseTypes.propertyName(method);
        if (property == null) {
            return true;
        }
        for (Class<?> c = method.getDeclaringClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(property);
                return !f.isAnnotationPresent(Sensitive.class);
            } catch (NoSuchFieldException e) {
                // look further up
            }
        }
        return true;
    }
}
