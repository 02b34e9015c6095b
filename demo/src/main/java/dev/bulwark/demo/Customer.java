package dev.bulwark.demo;

/** A customer; its id is the subject ({@code sub}) of the customer's tokens. */
public record Customer(String id, String name, String email) {
}
