package dev.bulwark.testkit.checks;

import dev.bulwark.testkit.OwaspCategory;
import dev.bulwark.testkit.Severity;
import dev.bulwark.testkit.engine.ApiEndpoint;
import dev.bulwark.testkit.engine.ApiModel;
import dev.bulwark.testkit.engine.Check;
import dev.bulwark.testkit.engine.Exchange;
import dev.bulwark.testkit.engine.Identity;
import dev.bulwark.testkit.engine.Json;
import dev.bulwark.testkit.engine.Parameter;
import dev.bulwark.testkit.engine.ScanContext;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Excessive data exposure (API3:2023). Sends nothing: it reads the 2xx JSON answers discovery kept (every GET as
 * user1, user2 and the admin) and reports
 * <ul>
 * <li>{@code exposure.sensitive-field}: a member whose name says it is a secret or sensitive personal data
 * (ending in password, passwd, secret, apiKey, privateKey, token (not a page, cursor or CSRF token), creditCard,
 * cardNumber, cvv, cvc, ssn, iban, salary, dateOfBirth; or exactly hash, pwd, pan, dob; case and {@code _}/{@code -}
 * ignored) with a non-empty value (not a boolean, not a mask such as {@code ****}); HIGH for credentials and card
 * data, MEDIUM for personal data;</li>
 * <li>{@code exposure.secret-value}: a value shaped like a secret anywhere: a JWT, an AWS access key id, a PEM
 * private key, a Luhn-valid 13-19 digit card number in a string (not in an id field);</li>
 * <li>{@code exposure.undocumented-field}: when the OpenAPI document gives the response schema, members the answer
 * has that the schema does not declare ({@code $ref}s resolved, array items followed; schemas that allow additional
 * properties, or declare none, are skipped).</li>
 * </ul>
 */
public final class Exposure implements Check {

    private static final Pattern CREDENTIAL = Pattern.compile(
            ".*(password|passwd|secret|apikey|privatekey|passwordhash)|hash|pwd|(?!.*(page|csrf|xsrf|cursor)token).*token");
    private static final Pattern CARD_DATA = Pattern.compile(".*(creditcard|cardnumber|cvv|cvc)|pan");
    /**
     * Personal data: government and bank ids, pay, birth dates, phone numbers, home addresses. Not e-mail or names:
     * an API shows a caller their own, and a directory shows names by design.
     */
    private static final Pattern PERSONAL = Pattern.compile(".*(ssn|socialsecurity|iban|salary|dateofbirth|birthdate"
            + "|birthday|passport|nationalid|taxid|taxnumber|driverslicen[cs]e|phone|mobilenumber|homeaddress"
            + "|streetaddress|postaladdress)(number)?|dob");
    private static final Pattern JWT = Pattern.compile("eyJ[\\w-]{5,}\\.eyJ[\\w-]{5,}\\.[\\w-]*");
    private static final Pattern AWS = Pattern.compile("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b");
    private static final Pattern PEM = Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----");
    private static final Pattern CARD = Pattern.compile("[3-6]\\d{3}(?:[ -]?\\d){9,15}");
    private static final Pattern MASK = Pattern.compile("[*•xX#.\\s-]+");

    @Override
    public String id() {
        return "exposure";
    }

    @Override
    public String title() {
        return "Data exposure: sensitive fields, secret-shaped values, undocumented fields";
    }

    @Override
    public void run(ScanContext ctx) {
        for (ApiEndpoint e : ctx.api().endpoints()) {
            for (Identity who : ctx.callers()) {
                Exchange x = ctx.sampleOf(e, who);
                JsonValue body = x == null ? null : Json.tryParse(x.body());
                if (body == null) {
                    continue;
                }
                ctx.tested(id(), e.subject());
                sensitive(ctx, e, x, body);
                if (e.responseSchema() != null) {
                    List<String> extra = new ArrayList<>();
                    undocumented(ctx.api(), e.responseSchema(), body, "", extra, 0);
                    if (!extra.isEmpty()) {
                        ctx.report(id(), "exposure.undocumented-field", OwaspCategory.API3, Severity.MEDIUM, e,
                                "the answer has fields its OpenAPI schema does not declare: " + String.join(", ",
                                        extra) + ". Send only the documented fields (a response class or a field "
                                        + "allow-list), or document them if they are meant to be public",
                                x.evidence());
                    }
                }
            }
        }
    }

    private void sensitive(ScanContext ctx, ApiEndpoint e, Exchange x, JsonValue body) {
        Set<String> names = new LinkedHashSet<>();
        Set<String> secrets = new LinkedHashSet<>();
        Severity[] worst = {Severity.MEDIUM};
        Json.walk(body, (path, value) -> {
            String field = path.substring(path.lastIndexOf('.') + 1).replace("[]", "");
            String n = field.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
            boolean credential = CREDENTIAL.matcher(n).matches() || CARD_DATA.matcher(n).matches();
            if ((credential || PERSONAL.matcher(n).matches()) && filled(value)) {
                names.add(path);
                if (credential) {
                    worst[0] = Severity.HIGH;
                }
            }
            if (value instanceof JsonString s) {
                String kind = secretKind(field, s.getString());
                if (kind != null) {
                    secrets.add(path + " (" + kind + ")");
                }
            }
        });
        if (!names.isEmpty()) {
            ctx.report(id(), "exposure.sensitive-field", OwaspCategory.API3, worst[0], e, "the answer carries "
                    + "sensitive fields with values: " + String.join(", ", names) + ". Leave them out of the response"
                    + " (or mask them) unless the caller must see them", x.evidence());
        }
        if (!secrets.isEmpty()) {
            ctx.report(id(), "exposure.secret-value", OwaspCategory.API3, Severity.HIGH, e, "the answer carries "
                    + "secret-shaped values: " + String.join(", ", secrets) + ". Never return credentials, keys or "
                    + "card numbers", x.evidence());
        }
    }

    private static boolean filled(JsonValue value) {
        if (value instanceof JsonString s) {
            return !s.getString().isBlank() && !MASK.matcher(s.getString()).matches();
        }
        return value instanceof JsonNumber || value instanceof JsonObject o && !o.isEmpty()
                || value instanceof JsonArray a && !a.isEmpty();
    }

    /** What kind of secret a string value looks like, or null. */
    static String secretKind(String field, String value) {
        if (JWT.matcher(value).find()) {
            return "JWT";
        }
        if (AWS.matcher(value).find()) {
            return "AWS access key id";
        }
        if (PEM.matcher(value).find()) {
            return "PEM private key";
        }
        if (!new Parameter(field, "body", false, null).identifier() && CARD.matcher(value.trim()).matches()) {
            String digits = value.replaceAll("[ -]", "");
            if (digits.length() >= 13 && digits.length() <= 19 && luhn(digits)) {
                return "card number";
            }
        }
        return null;
    }

    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    /** Collects the paths of members {@code value} has that {@code schema} does not declare. */
    static void undocumented(ApiModel api, JsonObject schema, JsonValue value, String path, List<String> out,
                             int depth) {
        JsonObject s = api.resolve(schema);
        if (s == null || depth > 8) {
            return;
        }
        if (value instanceof JsonArray a) {
            JsonObject items = s.getJsonObject("items");
            if (items != null) {
                a.forEach(v -> undocumented(api, items, v, path + "[]", out, depth + 1));
            }
            return;
        }
        if (!(value instanceof JsonObject o) || s.containsKey("oneOf") || s.containsKey("anyOf")) {
            return;
        }
        JsonValue additional = s.get("additionalProperties");
        Map<String, JsonObject> declared = Bodies.properties(api, s);
        if (declared.isEmpty() || additional != null && additional != JsonValue.FALSE) {
            return;
        }
        for (Map.Entry<String, JsonValue> m : o.entrySet()) {
            String p = path.isEmpty() ? m.getKey() : path + "." + m.getKey();
            JsonObject d = declared.get(m.getKey());
            if (d == null) {
                if (!out.contains(p)) {
                    out.add(p);
                }
            } else {
                undocumented(api, d, m.getValue(), p, out, depth + 1);
            }
        }
    }
}
