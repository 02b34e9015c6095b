package dev.bulwark.internal.apikeys;

/** Where the API keys live. */
public enum ApiKeyStoreKind {
    /** A properties file of hashes ({@code bulwark.apikeys.file}), re-read when it changes. */
    FILE,
    /** A table of a JDBC data source ({@code bulwark.apikeys.jdbc.datasource}). */
    JDBC,
    /** The application's own {@code dev.bulwark.api.ApiKeyStore} CDI bean. */
    CUSTOM
}
