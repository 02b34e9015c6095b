package dev.bulwark.internal.apikeys;

import java.time.Duration;

/**
 * API keys for machine clients ({@code bulwark.apikeys.*}).
 *
 * @param enabled             API keys authenticate requests
 * @param store               where the keys live
 * @param file                the file of {@link ApiKeyStoreKind#FILE}, or null
 * @param dataSource          the JNDI name of the data source of {@link ApiKeyStoreKind#JDBC}, or null
 * @param table               the table of the JDBC store
 * @param pepper              the key of the keyed hash (never logged), or null when keys are off
 * @param previousPepper      the pepper before the last change, or null
 * @param prefix              the keys' prefix, without the {@code _}
 * @param header              the header a key may come in, or null for none
 * @param authorizationScheme the {@code Authorization} scheme a key may come in, or null for none
 * @param cacheTtl            how long a key read from the store is used before it is read again
 * @param maxAge              the age past which a key is flagged
 * @param audience            the service this server is: only keys made for it are accepted; null accepts only keys
 *                            made without an audience
 */
public record ApiKeySettings(boolean enabled, ApiKeyStoreKind store, String file, String dataSource, String table,
                             String pepper, String previousPepper, String prefix, String header,
                             String authorizationScheme, Duration cacheTtl, Duration maxAge,
                             String audience) {

    @Override
    public String toString() {
        return "ApiKeySettings[enabled=" + enabled + ", store=" + store + ", file=" + file + ", dataSource="
                + dataSource + ", table=" + table + ", prefix=" + prefix + ", header=" + header
                + ", authorizationScheme=" + authorizationScheme + ", cacheTtl=" + cacheTtl + ", maxAge=" + maxAge
                + ", audience=" + audience + ", pepper hidden]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiKeySettings s && toString().equals(s.toString())
                && java.util.Objects.equals(pepper, s.pepper) && java.util.Objects.equals(previousPepper, s.previousPepper);
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
