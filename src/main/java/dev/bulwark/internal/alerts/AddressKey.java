package dev.bulwark.internal.alerts;

import dev.bulwark.internal.config.Cidr;

/**
 * The key a detector counts a client address by: an IPv4 address as it is; an IPv6 address by its /64 (one
 * subscriber, one attacker, holds a whole /64 and picks a new address in it at will), written
 * {@code 2001:db8:1:2::/64}; an IPv4-mapped IPv6 address ({@code ::ffff:203.0.113.9}) as its IPv4 address. Anything
 * else (a name, an obfuscated {@code Forwarded} identifier) is kept as it is. Never a DNS lookup.
 */
final class AddressKey {

    private AddressKey() {
    }

    /** The detector key of a client address; null for null. */
    static String of(String address) {
        if (address == null) {
            return null;
        }
        String literal = address.length() > 2 && address.charAt(0) == '[' && address.endsWith("]")
                ? address.substring(1, address.length() - 1) : address;
        int zone = literal.indexOf('%');
        if (zone > 0 && literal.indexOf(':') >= 0) {
            literal = literal.substring(0, zone); // a scope id names an interface, not another client
        }
        byte[] bytes = Cidr.literal(literal);
        if (bytes == null) {
            return address;
        }
        if (bytes.length == 4) {
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
        }
        return prefix64(bytes);
    }

    /**
     * {@code 2001:db8:0:7::/64}: the network's groups, its trailing zero groups and the zero interface half written
     * as {@code ::} (always the longest run of zero groups, as RFC 5952 shortens it: an inner run is at most two).
     */
    private static String prefix64(byte[] bytes) {
        int[] groups = new int[4];
        int end = 0; // the groups up to the last non-zero one
        for (int i = 0; i < 4; i++) {
            groups[i] = (bytes[2 * i] & 0xff) << 8 | bytes[2 * i + 1] & 0xff;
            if (groups[i] != 0) {
                end = i + 1;
            }
        }
        StringBuilder out = new StringBuilder(24);
        for (int i = 0; i < end; i++) {
            out.append(i == 0 ? "" : ":").append(Integer.toHexString(groups[i]));
        }
        return out.append("::/64").toString();
    }
}
