package dev.bulwark.demo;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a customer sends to place an order. The owner comes from the token, never from the body. */
public class NewOrder {

    @NotBlank
    @Size(max = 64)
    private String item;

    @Min(1)
    @Max(100)
    private int quantity;

    public String getItem() {
        return item;
    }

    public void setItem(String item) {
        this.item = item;
    }

    public int getQuantity() {
        return quantity;
    }

    public void setQuantity(int quantity) {
        this.quantity = quantity;
    }
}
