package dev.bulwark.internal.posture;

/**
 * One thing the posture report checked: on an endpoint ({@code where} is "GET /api/v1/orders/{id}") or in the
 * deployment's settings ({@code where} is the key or "deployment"), in one OWASP category. A check that did not
 * pass is a finding; {@code docs} is the page that says how to fix it, relative to the docs' root.
 */
public record PostureCheck(OwaspCategory category, String where, boolean passed, String text, String docs) {

    public PostureCheck {
        java.util.Objects.requireNonNull(category);
        java.util.Objects.requireNonNull(where);
        java.util.Objects.requireNonNull(text);
        docs = docs == null ? category.docs() : docs;
    }

    static PostureCheck pass(OwaspCategory category, String where, String text, String docs) {
        return new PostureCheck(category, where, true, text, docs);
    }

    static PostureCheck fail(OwaspCategory category, String where, String text, String docs) {
        return new PostureCheck(category, where, false, text, docs);
    }

    static PostureCheck of(OwaspCategory category, String where, boolean passed, String text, String docs) {
        return new PostureCheck(category, where, passed, text, docs);
    }
}
