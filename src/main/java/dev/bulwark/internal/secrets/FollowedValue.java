package dev.bulwark.internal.secrets;

import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A value derived from the secret files, made again when they change ({@link SecretFiles#generation()}): a rotated
 * secret is used without a restart. Cheap per call: one look at the files' generation; the value is remade once per
 * change, by one caller while the others wait.
 *
 * @param <T> the derived value
 */
public final class FollowedValue<T> implements Supplier<T> {

    private record Current<T>(long generation, T value) {
    }

    private final SecretFiles files;
    private final UnaryOperator<T> remake;
    private volatile Current<T> current;

    /**
     * @param files   the secret files, or null when there are none (the value never changes)
     * @param initial the value the deployment made
     * @param remake  the value after a change, given the last one (which it may keep)
     */
    public FollowedValue(SecretFiles files, T initial, UnaryOperator<T> remake) {
        this.files = files;
        this.remake = remake;
        this.current = new Current<>(files == null ? 0 : files.generation(), initial);
    }

    @Override
    public T get() {
        Current<T> c = current;
        if (files == null) {
            return c.value();
        }
        long generation = files.generation();
        if (generation == c.generation()) {
            return c.value();
        }
        synchronized (this) {
            c = current;
            if (generation != c.generation()) {
                current = new Current<>(generation, remake.apply(c.value()));
            }
            return current.value();
        }
    }
}
