package dev.bulwark.internal.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/** An IPv4 or IPv6 address block. Parsing never performs a DNS lookup. */
public final class Cidr {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
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
        var m = IPV4.matcher(address);
        if (m.matches()) {
            byte[] out = new byte[4];
            for (int i = 0; i < 4; i++) {
                String octet = m.group(i + 1);
                int v = Integer.parseInt(octet);
                if (v > 255 || (octet.length() > 1 && octet.charAt(0) == '0')) {
                    return null;
                }
                out[i] = (byte) v;
            }
            return out;
        }
        if (address.indexOf(':') >= 0 && IPV6.matcher(address).matches()) {
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

    public boolean contains(byte[] address) {
        if (address == null || address.length != network.length) {
            return false;
        }
        return Arrays.equals(mask(address, prefix), network);
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
