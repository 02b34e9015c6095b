package dev.bulwark.internal.exposure;

import dev.bulwark.api.ResponseFields;
import dev.bulwark.api.Sensitive;
import jakarta.json.bind.adapter.JsonbAdapter;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.json.bind.annotation.JsonbTypeAdapter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Response shapes for the exposure tests, as applications write them. */
final class Shapes {

    private Shapes() {
    }

    public static class Customer {
        public long id;
        public String name;
        @JsonbProperty("e-mail")
        public String email;
        @Sensitive
        private String passwordHash = "$2a$10$hash";
        private String internalNote = "pays late";
        public Address address;
        public List<Order> orders = new ArrayList<>();
        public Map<String, String> attributes = new LinkedHashMap<>();
        public boolean passwordResetRequired;

        public String getPasswordHash() {
            return passwordHash;
        }

        public String getInternalNote() {
            return internalNote;
        }
    }

    /** A subclass with more fields than the list of its endpoint knows. */
    public static class PremiumCustomer extends Customer {
        public String discountCode = "VIP-2026";
        public String loyaltyTier = "gold";
    }

    public static class Address {
        public String city;
        public String street;
    }

    public record Order(long id, BigDecimal total, @Sensitive String cardNumber, String status) {
    }

    /** A generic wrapper. */
    public static class Page<T> {
        public List<T> items = new ArrayList<>();
        public int total;
    }

    /** A type that refers to itself. */
    public static class Category {
        public String name;
        public Category parent;
    }

    public static class Money {
        public BigDecimal amount;
        public String currency;
    }

    public static class MoneyAdapter implements JsonbAdapter<Money, Map<String, Object>> {
        @Override
        public Map<String, Object> adaptToJson(Money m) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("amount", m.amount);
            out.put("currency", m.currency);
            out.put("ledgerSecret", "s3cr3t");
            return out;
        }

        @Override
        public Money adaptFromJson(Map<String, Object> m) {
            return new Money();
        }
    }

    public static class Invoice {
        public String number;
        @JsonbTypeAdapter(MoneyAdapter.class)
        public Money amount;
        @JsonbTransient
        public String draft = "never";
        public Optional<String> note = Optional.empty();
    }

    @ResponseFields({"id", "name"})
    public static class Listed {
        public long id;
        public String name;
        public String extra;
    }

    static Customer customer(long id) {
        Customer c = new Customer();
        c.id = id;
        c.name = "Ada " + id;
        c.email = "ada" + id + "@example.com";
        c.address = new Address();
        c.address.city = "London";
        c.address.street = "1 Main St";
        c.orders.add(new Order(7, new BigDecimal("12.50"), "4111111111111111", "PAID"));
        c.attributes.put("color", "green");
        c.attributes.put("apiKey", "AKIA-attr");
        return c;
    }
}
