package dev.bulwark.internal.exposure.egress;

/** The security events of the egress check, one WARN line each (and, later, the audit trail's events: issue 15). */
public enum EgressEvent {
    /** A secret-shaped string was replaced by the marker in the response; the rest of the response went out. */
    VALUE_REMOVED,
    /** A secret-shaped string was found while the response was held back: the client gets the generic 500 problem. */
    RESPONSE_REPLACED,
    /** A secret-shaped string went out unchanged ({@code action=log}). */
    VALUE_REPORTED
}
