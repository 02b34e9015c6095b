package dev.bulwark.internal.versioning;

/** The security-relevant events of versioning, named for the audit trail (issue 15) to consume. */
public enum VersioningEvent {
    /**
     * A client called a deprecated version (or one in a brown-out or past its sunset) for the first time since
     * start-up: logged once per client and version.
     */
    DEPRECATED_VERSION_FIRST_CALL
}
