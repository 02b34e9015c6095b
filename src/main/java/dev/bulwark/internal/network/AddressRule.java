package dev.bulwark.internal.network;

import dev.bulwark.internal.config.Cidr;
import java.util.List;

/**
 * One pair of address lists: an address in {@code deny} is refused, whatever {@code allow} says; with a non-empty
 * {@code allow}, an address outside it is refused too. An address that cannot be read (null) is refused whenever
 * either list is set: a rule never lets through what it cannot check.
 *
 * @param name  what the rule is, as the audit reason names it ({@code bulwark.ip}, {@code role admin},
 *              {@code route admin})
 * @param allow the blocks allowed (empty: every address not denied)
 * @param deny  the blocks refused
 */
public record AddressRule(String name, List<Cidr> allow, List<Cidr> deny) {

    public AddressRule {
        allow = List.copyOf(allow);
        deny = List.copyOf(deny);
    }

    /** True when the rule refuses nothing. */
    public boolean isEmpty() {
        return allow.isEmpty() && deny.isEmpty();
    }

    /**
     * Why the address is refused, or null when it may go on.
     *
     * @param address the client address's bytes (IPv4-mapped IPv6 already as IPv4), or null when unreadable
     */
    public String refusal(byte[] address) {
        if (isEmpty()) {
            return null;
        }
        if (address == null) {
            return "client address unreadable under the address rule of " + name;
        }
        for (Cidr block : deny) {
            if (block.contains(address)) {
                return "client address denied by " + name + " (" + block + ")";
            }
        }
        if (allow.isEmpty()) {
            return null;
        }
        for (Cidr block : allow) {
            if (block.contains(address)) {
                return null;
            }
        }
        return "client address not allowed by " + name;
    }

    /** For the inventory: {@code allow 10.8.0.0/16; deny 10.8.9.0/24}. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        if (!allow.isEmpty()) {
            out.append("allow ").append(String.join(", ", allow.stream().map(Cidr::toString).toList()));
        }
        if (!deny.isEmpty()) {
            out.append(out.length() > 0 ? "; " : "").append("deny ")
                    .append(String.join(", ", deny.stream().map(Cidr::toString).toList()));
        }
        return out.toString();
    }
}
