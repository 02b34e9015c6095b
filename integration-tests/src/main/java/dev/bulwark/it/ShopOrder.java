package dev.bulwark.it;

import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** An order of a {@link ShopCustomer}: internal id, public number, total, status, and its customer (not written). */
@Entity
@Table(name = "SHOP_ORDER")
public class ShopOrder {

    @Id
    @Column(name = "ID")
    private Long id;

    @Column(name = "NUMBER")
    private String number;

    @Column(name = "TOTAL", precision = 12, scale = 2)
    private BigDecimal total;

    @Column(name = "STATUS")
    private String status;

    @ManyToOne
    @JoinColumn(name = "CUSTOMER_ID")
    private ShopCustomer customer;

    public Long getId() {
        return id;
    }

    public String getNumber() {
        return number;
    }

    public BigDecimal getTotal() {
        return total;
    }

    public String getStatus() {
        return status;
    }

    @JsonbTransient
    public ShopCustomer getCustomer() {
        return customer;
    }
}
