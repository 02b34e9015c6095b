package dev.bulwark.internal.transport;

import dev.bulwark.internal.config.Cidr;
import dev.bulwark.internal.text.TextChecks;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * IP address handling for the proxy chain: node identifiers as proxies write them (with ports, IPv6 brackets),
 * strictly parsed (never a DNS lookup), and printed in one canonical form so that one client is one key.
 */
public final class IpAddresses {

    private IpAddresses() {
    }

    /**
     * The address bytes of a node identifier: {@code 203.0.113.7}, {@code 203.0.113.7:443}, {@code 2001:db8::1},
     * {@code [2001:db8::1]}, {@code [2001:db8::1]:443}. Null for anything else ({@code unknown}, obfuscated
     * {@code _hidden} identifiers, host names, zone ids, garbage).
     */
    public static byte[] parseNode(String node) {
        if (node == null) {
            return null;
        }
        String n = node.strip();
        if (n.isEmpty() || n.length() > 64 || !TextChecks.isVisibleAscii(n)) {
            return null;
        }
        if (n.charAt(0) == '[') {
            int close = n.indexOf(']');
            if (close < 0) {
                return null;
            }
            String rest = n.substring(close + 1);
            if (!rest.isEmpty() && !rest.matches(":\\d{1,5}")) {
                return null;
            }
            byte[] b = Cidr.literal(n.substring(1, close));
            return b != null && b.length == 16 ? b : null;
        }
        int colon = n.indexOf(':');
        if (colon > 0 && colon == n.lastIndexOf(':')) {
            // IPv4 with a port
            if (!n.substring(colon + 1).matches("\\d{1,5}")) {
                return null;
            }
            n = n.substring(0, colon);
        }
        return Cidr.literal(n);
    }

    /**
     * True when the text is an IPv4 address exactly as {@link #format} writes it (four decimal numbers up to 255,
     * no leading zeros, no sign, no spaces): such an address needs no parsing to be written the same way.
     */
    public static boolean isCanonicalIpv4(String text) {
        int n = text.length();
        if (n < 7 || n > 15) {
            return false;
        }
        int groups = 0;
        int i = 0;
        while (i < n) {
            int start = i;
            int value = 0;
            while (i < n && i - start < 3) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    break;
                }
                value = value * 10 + (c - '0');
                i++;
            }
            int digits = i - start;
            if (digits == 0 || value > 255 || digits > 1 && text.charAt(start) == '0') {
                return false;
            }
            groups++;
            if (i == n) {
                break;
            }
            if (text.charAt(i) != '.' || groups == 4) {
                return false;
            }
            i++;
            if (i == n) {
                return false; // a trailing dot
            }
        }
        return groups == 4;
    }

    /** Canonical text: dotted quad for IPv4 (also for IPv4-mapped IPv6), compressed lower-case IPv6. */
    public static String format(byte[] address) {
        try {
            String text = InetAddress.getByAddress(address).getHostAddress();
            return address.length == 16 ? compress(text) : text;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address", e);
        }
    }

    public static boolean trusted(byte[] address, List<Cidr> trustedProxies) {
        for (Cidr block : trustedProxies) {
            if (block.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** RFC 5952 style: drop leading zeros, collapse the longest run of zero groups. */
    private static String compress(String full) {
        String[] groups = full.split(":");
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < groups.length; ) {
            if (groups[i].equals("0")) {
                int j = i;
                while (j < groups.length && groups[j].equals("0")) {
                    j++;
                }
                if (j - i > bestLen && j - i > 1) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        if (bestStart < 0) {
            return full;
        }
        String left = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
        String right = String.join(":", java.util.Arrays.copyOfRange(groups, bestStart + bestLen, groups.length));
        return left + "::" + right;
    }
}
