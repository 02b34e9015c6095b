package dev.bulwark.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lets a JAX-RS resource class or method return values of the named kinds past the egress check (which otherwise
 * removes them from every JSON response or replaces the response with the generic problem). For an endpoint whose
 * job is to hand out a secret: an OAuth token endpoint returns a JWS, an API-key creation response returns the key.
 * The method's annotation wins over the class's. Every other kind is still checked. Example:
 *
 * <pre>
 * &#64;POST &#64;Path("/token")
 * &#64;EgressAllowed(kinds = EgressAllowed.Kind.TOKEN)
 * public TokenResponse token(...) { ... }
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface EgressAllowed {

    /** The kinds of value this endpoint may return (at least one). */
    Kind[] kinds();

    /** What the egress check looks for in outgoing JSON strings. */
    enum Kind {
        /** A compact JWS or JWE (a signed or encrypted JWT, for example an access token). */
        TOKEN,
        /** A PEM private key block (RSA, EC, DSA, OpenSSH, PKCS#8, encrypted, PGP). */
        PRIVATE_KEY,
        /** A cloud or service access key of a well-known format (AWS, Google API, Azure storage, GitHub, Slack, Stripe). */
        API_KEY,
        /** A payment card number (Luhn-valid, with a real card scheme's prefix and length). */
        CARD_NUMBER,
        /** A stack trace or an exception class name (Java frames and exceptions, Python tracebacks). */
        STACK_TRACE,
        /** A database error message (SQLSTATE, ORA-nnnnn, PostgreSQL, MySQL, SQL Server, H2, SQLite). */
        SQL_ERROR
    }
}
