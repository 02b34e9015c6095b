package dev.bulwark.internal.exposure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The names an allow-list lets out at one level of a JSON document, and below each of them the names allowed
 * inside its value: a tree built once from paths such as {@code orders.total} or {@code prices.*}. Arrays add no
 * level (the elements of an array share the node of the array). Immutable; equal trees are equal values, so views
 * that allow the same names share one serializer.
 */
public final class FieldPaths {

    /** Every name at every level (no allow-list: only sensitive names are held back). */
    public static final FieldPaths ANY = new FieldPaths(Map.of(), null, true);

    /** No name at all (a caller that qualifies for no view). */
    public static final FieldPaths NONE = new FieldPaths(Map.of(), null, false);

    /** The wildcard segment. */
    public static final String WILDCARD = "*";

    private final Map<String, FieldPaths> named;
    private final FieldPaths other;
    private final boolean any;

    private FieldPaths(Map<String, FieldPaths> named, FieldPaths other, boolean any) {
        this.named = named;
        this.other = any ? this : other;
        this.any = any;
    }

    /**
     * The tree of some paths.
     *
     * @throws IllegalArgumentException naming the first path that is not a dot-separated list of non-empty names
     */
    public static FieldPaths of(Iterable<String> paths) {
        Builder root = new Builder();
        for (String path : paths) {
            problem(path).ifPresent(p -> {
                throw new IllegalArgumentException(p);
            });
            Builder b = root;
            for (String segment : path.split("\\.", -1)) {
                b = segment.equals(WILDCARD) ? b.other() : b.named(segment);
            }
        }
        return root.build();
    }

    /** What is wrong with one path, if anything. */
    public static java.util.Optional<String> problem(String path) {
        if (path == null || path.isEmpty()) {
            return java.util.Optional.of("an empty path");
        }
        for (String segment : path.split("\\.", -1)) {
            if (segment.isEmpty()) {
                return java.util.Optional.of("'" + path + "' has an empty segment (paths are names joined by dots)");
            }
            if (!segment.equals(WILDCARD) && segment.indexOf('*') >= 0) {
                return java.util.Optional.of("'" + path + "': * stands alone for any one name, as in 'prices.*'");
            }
            for (int i = 0; i < segment.length(); i++) {
                char c = segment.charAt(i);
                if (c < 0x20 || c == 0x7f || Character.isWhitespace(c)) {
                    return java.util.Optional.of("'" + path + "' holds white space or a control character");
                }
            }
        }
        return java.util.Optional.empty();
    }

    /** The node of a name listed by name here, or null. */
    public FieldPaths named(String name) {
        return named.get(name);
    }

    /** The node of any other name ({@code *}, or everything for {@link #ANY}), or null. */
    public FieldPaths other() {
        return other;
    }

    /** True for {@link #ANY}. */
    public boolean any() {
        return any;
    }

    /** The names listed by name at this level. */
    public java.util.Set<String> names() {
        return named.keySet();
    }

    /** True when no name at all may be written at this level. */
    public boolean empty() {
        return named.isEmpty() && other == null;
    }

    /** The names both trees let out (a caller with several views gets their union). */
    public FieldPaths union(FieldPaths o) {
        if (any || o.empty()) {
            return this;
        }
        if (o.any || empty()) {
            return o;
        }
        Map<String, FieldPaths> merged = new HashMap<>(named);
        o.named.forEach((k, v) -> merged.merge(k, v, FieldPaths::union));
        FieldPaths otherUnion = other == null ? o.other : o.other == null ? other : other.union(o.other);
        return new FieldPaths(Map.copyOf(merged), otherUnion, false);
    }

    /**
     * This tree without the names listed by name that {@code names} holds back, at any level: a list naming a
     * {@code @Sensitive} name of a class known only at run time still never lets it out. This instance when none is.
     */
    public FieldPaths without(SensitiveNames names) {
        if (any || empty()) {
            return this;
        }
        Map<String, FieldPaths> kept = new HashMap<>();
        boolean changed = false;
        for (Map.Entry<String, FieldPaths> e : named.entrySet()) {
            if (names.sensitive(e.getKey())) {
                changed = true;
                continue;
            }
            FieldPaths child = e.getValue().without(names);
            changed |= child != e.getValue();
            kept.put(e.getKey(), child);
        }
        FieldPaths otherKept = other == null ? null : other.without(names);
        changed |= otherKept != other;
        return changed ? new FieldPaths(Map.copyOf(kept), otherKept, false) : this;
    }

    /** The paths of this tree, sorted ({@code *} for the wildcard), for the inventory. */
    public List<String> paths() {
        if (any) {
            return List.of("**");
        }
        List<String> out = new ArrayList<>();
        collect("", out);
        Collections.sort(out);
        return out;
    }

    private void collect(String prefix, List<String> out) {
        Map<String, FieldPaths> sorted = new TreeMap<>(named);
        if (other != null) {
            sorted.put(WILDCARD, other);
        }
        sorted.forEach((name, child) -> {
            String path = prefix.isEmpty() ? name : prefix + "." + name;
            if (child.empty()) {
                out.add(path);
            } else {
                child.collect(path, out);
            }
        });
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof FieldPaths f && !any && !f.any && named.equals(f.named)
                && Objects.equals(other, f.other);
    }

    @Override
    public int hashCode() {
        return any ? 1 : Objects.hash(named, other);
    }

    @Override
    public String toString() {
        return String.join(", ", paths());
    }

    private static final class Builder {
        private final Map<String, Builder> named = new HashMap<>();
        private Builder other;

        Builder named(String name) {
            return named.computeIfAbsent(name, n -> new Builder());
        }

        Builder other() {
            if (other == null) {
                other = new Builder();
            }
            return other;
        }

        FieldPaths build() {
            Map<String, FieldPaths> built = new HashMap<>();
            named.forEach((k, v) -> built.put(k, v.build()));
            return new FieldPaths(Map.copyOf(built), other == null ? null : other.build(), false);
        }
    }
}
