package dev.bulwark.internal.network;

import dev.bulwark.internal.config.Cidr;
import dev.bulwark.internal.config.InvalidValueException;
import dev.bulwark.internal.config.Parsers;
import dev.bulwark.internal.config.ValueParser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The strict CIDR lists of the address rules. Every entry is an IPv4 dotted quad (four decimal octets, no leading
 * zeros, no octal, hex or short forms such as {@code 10.1}) or an IPv6 literal (any case, compressed or not; an
 * embedded dotted quad is held to the same IPv4 rules), with an optional prefix. Never a host name, so never a DNS
 * lookup. Refused with a problem naming the key: zone ids ({@code fe80::1%eth0}: a zone only says which link, the
 * list would silently mean another thing), host bits set below the prefix ({@code 10.0.0.1/8} is a typo for an
 * address or for {@code 10.0.0.0/8}; the problem names the block it would be). IPv4-mapped IPv6 ({@code ::ffff:10.0.0.0/104})
 * is the IPv4 block ({@code 10.0.0.0/8}), as client addresses are compared as IPv4.
 */
public final class AddressBlocks {

    private AddressBlocks() {
    }

    /** The parser of a key holding such a list; empty means no entry. */
    public static ValueParser<List<Cidr>> list() {
        return Parsers.of("CIDR list", "a comma-separated list of CIDR blocks or addresses such as 10.8.0.0/16, "
                + "203.0.113.7, 2001:db8:1::/48 (canonical IPv4, no zone ids, no host bits below the prefix)", raw -> {
                    List<Cidr> blocks = new ArrayList<>();
                    if (raw.isBlank()) {
                        return List.of();
                    }
                    for (String part : raw.split(",", -1)) {
                        String entry = part.strip();
                        if (entry.isEmpty()) {
                            throw new InvalidValueException("empty list entry");
                        }
                        blocks.add(block(entry));
                    }
                    return List.copyOf(blocks);
                });
    }

    /** One entry, strictly. */
    public static Cidr block(String entry) throws InvalidValueException {
        if (entry.indexOf('%') >= 0) {
            throw new InvalidValueException("zone ids are not allowed in '" + shown(entry) + "'");
        }
        int slash = entry.indexOf('/');
        String address = slash < 0 ? entry : entry.substring(0, slash);
        boolean ipv6 = address.indexOf(':') >= 0;
        int dot = address.indexOf('.');
        if (ipv6 && dot >= 0 && Cidr.literal(address.substring(address.lastIndexOf(':') + 1)) == null) {
            throw new InvalidValueException("the embedded IPv4 address of '" + shown(entry)
                    + "' is not four decimal octets without leading zeros");
        }
        byte[] bytes = Cidr.literal(address);
        if (bytes == null) {
            throw new InvalidValueException("'" + shown(entry) + "' is not an IPv4 dotted quad (four decimal octets"
                    + " without leading zeros) or an IPv6 literal");
        }
        int bits = bytes.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String p = entry.substring(slash + 1);
            if (!p.matches("0|[1-9]\\d{0,2}")) {
                throw new InvalidValueException("malformed prefix in '" + shown(entry) + "'");
            }
            prefix = Integer.parseInt(p);
            if (ipv6 && bytes.length == 4) {
                // IPv4-mapped IPv6: the last 32 bits are the IPv4 address
                if (prefix < 96 || prefix > 128) {
                    throw new InvalidValueException("an IPv4-mapped block needs a prefix of 96 to 128 in '"
                            + shown(entry) + "'");
                }
                prefix -= 96;
            }
            if (prefix > bits) {
                throw new InvalidValueException("the prefix of '" + shown(entry) + "' is longer than the address");
            }
        }
        Cidr block = Cidr.parse(canonical(bytes) + "/" + prefix);
        if (!block.contains(bytes) || !Arrays.equals(Cidr.literal(block.toString().split("/")[0]), bytes)) {
            throw new InvalidValueException("'" + shown(entry) + "' has host bits set below its prefix (did you mean "
                    + block + "?)");
        }
        return block;
    }

    private static String canonical(byte[] bytes) {
        return dev.bulwark.internal.transport.IpAddresses.format(bytes);
    }

    private static String shown(String entry) {
        return dev.bulwark.internal.logging.SafeLog.printable(entry, 60);
    }
}
