package dev.bulwark.demo;

/** An order, owned by the customer whose id it carries. */
public record Order(long id, String customerId, String item, int quantity, String status) {
}
