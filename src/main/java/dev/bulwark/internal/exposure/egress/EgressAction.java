package dev.bulwark.internal.exposure.egress;

/** What the egress check does with a secret-shaped string in an outgoing JSON response. */
public enum EgressAction {
    /** Replace the string by a marker, keeping the JSON valid and the rest of the response. */
    REDACT,
    /** Replace the whole response with the generic 500 problem (held back up to the buffer; past it, redact). */
    PROBLEM,
    /** Only log it. */
    LOG,
    /** No egress check. */
    OFF
}
