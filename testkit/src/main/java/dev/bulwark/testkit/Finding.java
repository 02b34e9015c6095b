package dev.bulwark.testkit;

import java.util.Objects;

/**
 * One thing the kit found: which check and rule, its OWASP category and severity, where (method and path template, or
 * a whole-service subject such as {@code TLS}), the handler when the inventory names it, what is wrong, and the
 * evidence (the request that showed it and what came back, tokens shortened).
 *
 * @param check    the check's id ({@code bola}, {@code jwt}, ...)
 * @param rule     the rule's id, stable across runs ({@code bola.read}, {@code jwt.alg-none}, ...): SARIF's ruleId
 * @param subject  {@code GET /api/v1/orders/{id}}, or a service-wide subject ({@code TLS}, {@code CORS})
 * @param handler  the Java method serving the endpoint ({@code com.example.OrdersResource#get}), or null
 */
public record Finding(String check, String rule, OwaspCategory category, Severity severity, String subject,
                      String handler, String message, String evidence) {

    public Finding {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(message, "message");
        evidence = evidence == null ? "" : evidence;
    }

    /** One line for a summary: {@code [HIGH] API1:2023 bola.read GET /x/{id}: message}. */
    public String line() {
        return "[" + severity + "] " + category.id() + " " + rule + " " + subject + ": " + message;
    }
}
