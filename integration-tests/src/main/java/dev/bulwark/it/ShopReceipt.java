package dev.bulwark.it;

import java.time.LocalDate;

/** A receipt the shop writes with its own {@link ShopReceiptWriter} (ExposureIT): not JSON-B's format. */
public class ShopReceipt {

    private final String number;
    private final String customerName;
    private final String internalMargin;
    private final LocalDate issued;

    public ShopReceipt(String number, String customerName, String internalMargin, LocalDate issued) {
        this.number = number;
        this.customerName = customerName;
        this.internalMargin = internalMargin;
        this.issued = issued;
    }

    public String getNumber() {
        return number;
    }

    public String getCustomerName() {
        return customerName;
    }

    public String getInternalMargin() {
        return internalMargin;
    }

    public LocalDate getIssued() {
        return issued;
    }
}
