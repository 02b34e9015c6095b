package dev.bulwark.testkit;

/** The OWASP API Security Top 10 (2023), the categories every finding of the kit maps to. */
public enum OwaspCategory {
    API1("API1:2023", "Broken Object Level Authorization"),
    API2("API2:2023", "Broken Authentication"),
    API3("API3:2023", "Broken Object Property Level Authorization"),
    API4("API4:2023", "Unrestricted Resource Consumption"),
    API5("API5:2023", "Broken Function Level Authorization"),
    API6("API6:2023", "Unrestricted Access to Sensitive Business Flows"),
    API7("API7:2023", "Server Side Request Forgery"),
    API8("API8:2023", "Security Misconfiguration"),
    API9("API9:2023", "Improper Inventory Management"),
    API10("API10:2023", "Unsafe Consumption of APIs");

    private final String id;
    private final String title;

    OwaspCategory(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** {@code API1:2023}. */
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** The category's page in the OWASP API Security Top 10 2023. */
    public String url() {
        String slug = switch (this) {
            case API1 -> "0xa1-broken-object-level-authorization";
            case API2 -> "0xa2-broken-authentication";
            case API3 -> "0xa3-broken-object-property-level-authorization";
            case API4 -> "0xa4-unrestricted-resource-consumption";
            case API5 -> "0xa5-broken-function-level-authorization";
            case API6 -> "0xa6-unrestricted-access-to-sensitive-business-flows";
            case API7 -> "0xa7-server-side-request-forgery";
            case API8 -> "0xa8-security-misconfiguration";
            case API9 -> "0xa9-improper-inventory-management";
            case API10 -> "0xaa-unsafe-consumption-of-apis";
        };
        return "https://owasp.org/API-Security/editions/2023/en/" + slug + "/";
    }
}
