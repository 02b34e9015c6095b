package dev.bulwark.internal.versioning;

/** The security-relevant events of versioning, named for the audit trail (issue 15) to consume. */
public enum VersioningEvent {
    /** A client called a deprecated version for the first time since start-up (logged once per client). */
    DEPRECATED_VERSION_FIRST_CALL,
    /** A call of a version in a brown-out window, answered 410. */
    BROWN_OUT_REFUSED,
    /** A call of a version after its sunset, answered 410. */
    RETIRED_VERSION_REFUSED
}
