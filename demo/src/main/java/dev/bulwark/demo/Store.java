package dev.bulwark.demo;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The demo's in-memory data, seeded with two customers and their orders. */
@ApplicationScoped
public class Store {

    private final Map<String, Customer> customers = new ConcurrentHashMap<>();
    private final Map<Long, Order> orders = new ConcurrentHashMap<>();
    private final AtomicLong nextOrderId = new AtomicLong(1001);

    public Store() {
        customers.put("alice", new Customer("alice", "Alice Example", "alice@example.com",
                "DEMO-NOTE: asked for a refund twice"));
        customers.put("bob", new Customer("bob", "Bob Example", "bob@example.com", "DEMO-NOTE: VIP"));
        addOrder("alice", "notebook", 2);
        addOrder("alice", "pen", 10);
        addOrder("bob", "stapler", 1);
    }

    public List<Customer> customers() {
        return customers.values().stream().sorted(Comparator.comparing(Customer::id)).toList();
    }

    public Optional<Customer> customer(String id) {
        return Optional.ofNullable(customers.get(id));
    }

    /** Adds a customer unless the id is taken; returns false when it is. */
    public boolean addCustomer(Customer customer) {
        return customers.putIfAbsent(customer.id(), customer) == null;
    }

    /** Replaces the name and e-mail of an existing customer; the id never changes. */
    public Optional<Customer> updateCustomer(String id, String name, String email) {
        return Optional.ofNullable(customers.computeIfPresent(id, (k, old) -> new Customer(old.id(), name, email,
                old.internalNote())));
    }

    public List<Order> orders() {
        return orders.values().stream().sorted(Comparator.comparingLong(Order::id)).toList();
    }

    public List<Order> ordersOf(String customerId) {
        return orders().stream().filter(o -> o.customerId().equals(customerId)).toList();
    }

    public Optional<Order> order(long id) {
        return Optional.ofNullable(orders.get(id));
    }

    public Order addOrder(String customerId, String item, int quantity) {
        Order order = new Order(nextOrderId.getAndIncrement(), customerId, item, quantity, "PLACED");
        orders.put(order.id(), order);
        return order;
    }
}
