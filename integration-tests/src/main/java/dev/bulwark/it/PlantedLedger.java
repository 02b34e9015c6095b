package dev.bulwark.it;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.SecurityContext;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The planted-bug application's data (PlantedBugsScanIT, issue 20): orders, invoices and a customer record per token subject,
 * created the first time a subject is seen and seeded from the subject alone (ids {@code ord-<tag>-1},
 * {@code inv-<tag>-1}, with {@code <tag>} the first 8 hex digits of the subject's SHA-256), so two callers such as
 * {@code bulwark-kit-user1} and {@code bulwark-kit-user2} each own two orders and two invoices, the same ones on every
 * start. In memory, thread-safe, bounded (subjects and orders per subject).
 */
@ApplicationScoped
public class PlantedLedger {

    /** An order as the API returns it. */
    public record PlantedOrder(@Schema(description = "The order's id") String id,
                               @Schema(description = "What was ordered") String item,
                               @Schema(description = "How many") int quantity,
                               @Schema(description = "OPEN or SHIPPED") String status) {
    }

    /** An invoice as the API returns it. */
    public record PlantedInvoice(@Schema(description = "The invoice's id") String id,
                                 @Schema(description = "The billing period, yyyy-MM") String period,
                                 @Schema(description = "The amount due") BigDecimal amount) {
    }

    /** The caller's own customer record (its fields are decided by the resource: see PlantedCustomersResource). */
    record Account(String tag, String subject, AtomicInteger orders, AtomicInteger invoices) {
    }

    private record Owned<T>(String owner, T value) {
    }

    static final int MAX_SUBJECTS = 1000;
    static final int MAX_PER_SUBJECT = 100;

    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final Map<String, Owned<PlantedOrder>> orders = new ConcurrentHashMap<>();
    private final Map<String, Owned<PlantedInvoice>> invoices = new ConcurrentHashMap<>();

    /** The subject's account, made and seeded on first sight; empty when the ledger holds too many subjects. */
    Optional<Account> account(String subject) {
        Account known = accounts.get(subject);
        if (known != null || accounts.size() >= MAX_SUBJECTS) {
            return Optional.ofNullable(known);
        }
        return Optional.of(accounts.computeIfAbsent(subject, this::seed));
    }

    private Account seed(String subject) {
        Account a = new Account(tag(subject), subject, new AtomicInteger(), new AtomicInteger());
        put(a, "Notebook", 2, "SHIPPED");
        put(a, "Fountain pen", 1, "OPEN");
        put(a, new BigDecimal("12.50"), "2026-01");
        put(a, new BigDecimal("40.00"), "2026-02");
        return a;
    }

    List<PlantedOrder> orders(String subject) {
        account(subject);
        return orders.values().stream().filter(o -> o.owner().equals(subject)).map(Owned::value)
                .sorted(Comparator.comparing(PlantedOrder::id)).toList();
    }

    /** Any order by id, whoever owns it. */
    Optional<PlantedOrder> order(String id) {
        return Optional.ofNullable(orders.get(id)).map(Owned::value);
    }

    /** A new order of the subject's, or empty when the subject holds too many already. */
    Optional<PlantedOrder> createOrder(String subject, String item, int quantity) {
        return account(subject).filter(a -> a.orders().get() < MAX_PER_SUBJECT).map(a -> put(a, item, quantity, "OPEN"));
    }

    List<PlantedInvoice> invoices(String subject) {
        account(subject);
        return invoices.values().stream().filter(o -> o.owner().equals(subject)).map(Owned::value)
                .sorted(Comparator.comparing(PlantedInvoice::id)).toList();
    }

    Optional<PlantedInvoice> invoice(String id) {
        return Optional.ofNullable(invoices.get(id)).map(Owned::value);
    }

    /** Who owns the invoice, for the object-level policy. */
    Optional<String> invoiceOwner(String id) {
        return Optional.ofNullable(invoices.get(id)).map(Owned::owner);
    }

    Optional<PlantedInvoice> createInvoice(String subject, String period) {
        return account(subject).filter(a -> a.invoices().get() < MAX_PER_SUBJECT)
                .map(a -> put(a, BigDecimal.ZERO, period));
    }

    /** A date of birth made from the subject (deterministic, between 1950 and 2005). */
    static LocalDate birthDate(String subject) {
        return LocalDate.of(1950, 1, 1).plusDays(Long.parseLong(tag(subject), 16) % 20_000);
    }

    private PlantedOrder put(Account a, String item, int quantity, String status) {
        PlantedOrder o = new PlantedOrder("ord-" + a.tag() + "-" + a.orders().incrementAndGet(), item, quantity, status);
        orders.put(o.id(), new Owned<>(a.subject(), o));
        return o;
    }

    private PlantedInvoice put(Account a, BigDecimal amount, String period) {
        PlantedInvoice i = new PlantedInvoice("inv-" + a.tag() + "-" + a.invoices().incrementAndGet(), period, amount);
        invoices.put(i.id(), new Owned<>(a.subject(), i));
        return i;
    }

    /** The verified token's subject (the owner of what the caller creates and lists). */
    static String subject(SecurityContext security) {
        Principal p = security.getUserPrincipal();
        return p instanceof JsonWebToken jwt && jwt.getSubject() != null ? jwt.getSubject() : p.getName();
    }

    static String tag(String subject) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
