package dev.bulwark.internal.posture;

/**
 * The OWASP API Security Top 10 (2023) categories. Bulwark judges seven of them from what it enforces; API6, API7
 * and API10 depend on the application's business flows and outgoing calls, which Bulwark does not see, so they
 * are reported as not judged (never as a score).
 */
public enum OwaspCategory {

    API1("Broken Object Level Authorization", true, "docs/authorization.md#object-level-bola-ownedby"),
    API2("Broken Authentication", true, "docs/authentication.md#deployment-time-lint-fail-closed"),
    API3("Broken Object Property Level Authorization", true, "docs/data-exposure.md#responsefields"),
    API4("Unrestricted Resource Consumption", true, "docs/rate-limiting.md#ratelimit"),
    API5("Broken Function Level Authorization", true, "docs/authorization.md#deny-by-default"),
    API6("Unrestricted Access to Sensitive Business Flows", false, "docs/posture.md#what-is-not-judged"),
    API7("Server Side Request Forgery", false, "docs/posture.md#what-is-not-judged"),
    API8("Security Misconfiguration", true, "docs/transport.md#https-only"),
    API9("Improper Inventory Management", true, "docs/versioning.md#the-model"),
    API10("Unsafe Consumption of APIs", false, "docs/posture.md#what-is-not-judged");

    private final String title;
    private final boolean judged;
    private final String docs;

    OwaspCategory(String title, boolean judged, String docs) {
        this.title = title;
        this.judged = judged;
        this.docs = docs;
    }

    /** The category's name in the OWASP list ("Broken Object Level Authorization"). */
    public String title() {
        return title;
    }

    /** False for the categories Bulwark cannot judge from an application's endpoints and settings. */
    public boolean judged() {
        return judged;
    }

    /** The page of Bulwark's documentation about the category, relative to the docs' root. */
    public String docs() {
        return docs;
    }

    /** "API1:2023 Broken Object Level Authorization". */
    public String label() {
        return name() + ":2023 " + title;
    }

    /** The category named by {@code API1} or {@code api1} (what a threshold option names), else an exception. */
    public static OwaspCategory parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + name + "' is not an OWASP API Top 10 2023 category (API1..API10)");
        }
    }
}
