package dev.bulwark.internal.authz;

import java.util.regex.Pattern;

/**
 * The canonical form of an object id, so that the policy sees exactly what the resource method will receive. For
 * integral Java types only the plain decimal form passes ({@code 01}, {@code +1}, {@code 1.0}, {@code " 1"},
 * {@code 1e0} do not: a JAX-RS runtime might convert some of them to the same number and so reach an object the
 * policy never saw). Strings pass unchanged, they are compared exactly.
 */
public final class ObjectIds {

    private static final Pattern INTEGRAL = Pattern.compile("0|-?[1-9][0-9]{0,18}");

    private ObjectIds() {
    }

    /** The canonical id, or null when the raw value is not the canonical form for the type. */
    public static String canonical(String raw, Class<?> type) {
        if (raw == null) {
            return null;
        }
        if (type == long.class || type == Long.class || type == int.class || type == Integer.class
                || type == short.class || type == Short.class) {
            if (!INTEGRAL.matcher(raw).matches()) {
                return null;
            }
            try {
                long v = Long.parseLong(raw);
                if ((type == int.class || type == Integer.class) && (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE)
                        || (type == short.class || type == Short.class) && (v < Short.MIN_VALUE || v > Short.MAX_VALUE)) {
                    return null;
                }
                return raw;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return raw;
    }
}
