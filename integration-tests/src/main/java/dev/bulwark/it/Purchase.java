package dev.bulwark.it;

import dev.bulwark.api.ReadOnly;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A body with every kind of member JSON-B binds: numbers, boxed, boolean, Optional, nested, lists, maps, enums. */
public class Purchase {

    public enum Speed { STANDARD, EXPRESS }

    public static class Address {
        public String city;
        public String zip;
    }

    /** A record, bound through its canonical constructor. */
    public record Line(@NotBlank String sku, @Min(1) int count) {
    }

    /** Assigned by the server. */
    @ReadOnly
    public String id;

    @NotBlank
    public String item;

    @Min(1)
    @Max(100)
    public int quantity;

    public Integer priority;

    public boolean gift;

    public Optional<String> note;

    public double price;

    public Speed speed;

    public LocalDate deliverBy;

    @Valid
    public Address shipTo;

    public List<@Valid Line> lines;

    public Map<String, Integer> tags;
}
