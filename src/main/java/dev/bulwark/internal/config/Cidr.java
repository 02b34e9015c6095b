package dev.bulwark.internal.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/** An IPv4 or IPv6 address block. Parsing never performs a DNS lookup. */
public final class Cidr {

    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]{1,44}");

    private final byte[] network;
    private final int prefix;

    private Cidr(byte[] network, int prefix) {
        this.network = network;
        this.prefix = prefix;
    }

    public static Cidr parse(String text) throws InvalidValueException {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        byte[] bytes = literal(address);
        if (bytes == null) {
            throw new InvalidValueException("malformed CIDR block");
        }
        int bits = bytes.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String p = text.substring(slash + 1);
            if (!p.matches("\\d{1,3}")) {
                throw new InvalidValueException("malformed CIDR prefix");
            }
            prefix = Integer.parseInt(p);
            if (prefix > bits) {
                throw new InvalidValueException("CIDR prefix longer than the address");
            }
        }
        return new Cidr(mask(bytes, prefix), prefix);
    }

    /**
     * Parses an IP literal without DNS. Returns null for anything that is not a plain IPv4 dotted quad or an
     * IPv6 literal (hex digits, colons and an optional embedded dotted quad).
     */
    public static byte[] literal(String address) {
        if (address.indexOf(':') < 0) {
            return dottedQuad(address);
        }
        if (IPV6.matcher(address).matches()) {
            try {
                // The pattern guarantees an IPv6 literal shape, so the JDK parses it without any lookup.
                // IPv4-mapped forms (::ffff:10.0.0.1) come back as their IPv4 address.
                return InetAddress.getByName(address).getAddress();
            } catch (UnknownHostException e) {
                return null;
            }
        }
        return null;
    }

    /** A plain IPv4 dotted quad: four decimal octets of 0 to 255 without leading zeros, else null. */
    private static byte[] dottedQuad(String address) {
        byte[] out = new byte[4];
        int octet = 0;
        int i = 0;
        int n = address.length();
        while (octet < 4) {
            int start = i;
            int v = 0;
            while (i < n && i - start < 3 && address.charAt(i) >= '0' && address.charAt(i) <= '9') {
                v = v * 10 + (address.charAt(i) - '0');
                i++;
            }
            int digits = i - start;
            if (digits == 0 || v > 255 || (digits > 1 && address.charAt(start) == '0')) {
                return null;
            }
            out[octet++] = (byte) v;
            if (octet < 4) {
                if (i >= n || address.charAt(i) != '.') {
                    return null;
                }
                i++;
            }
        }
        return i == n ? out : null;
    }

    public boolean contains(byte[] address) {
        if (address == null || address.length != network.length) {
            return false;
        }
        return Arrays.equals(mask(address, prefix), network);
    }

    /** Whether every address of {@code block} is in this block (same family, prefix no longer than its). */
    public boolean contains(Cidr block) {
        return block != null && prefix <= block.prefix && contains(block.network);
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] out = address.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] = (byte) (out[i] & (0xFF << (8 - keep)));
        }
        return out;
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr c && c.prefix == prefix && Arrays.equals(c.network, network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefix;
    }
}
