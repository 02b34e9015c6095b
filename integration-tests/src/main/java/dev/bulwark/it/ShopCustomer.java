package dev.bulwark.it;

import dev.bulwark.api.Sensitive;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * A customer as the shop stores it: an internal id, a public number, a login, a password hash that must never
 * leave, an internal note for staff, and its orders (a lazy collection). Served as is by ShopResource: what leaves
 * is Bulwark's decision, not a DTO's.
 */
@Entity
@Table(name = "SHOP_CUSTOMER")
public class ShopCustomer {

    @Id
    @Column(name = "ID")
    private Long id;

    @Column(name = "NUMBER")
    private String number;

    @Column(name = "LOGIN")
    private String login;

    @Column(name = "NAME")
    private String name;

    @Column(name = "EMAIL")
    private String email;

    @Sensitive
    @Column(name = "PASSWORD_HASH")
    private String passwordHash;

    @Column(name = "INTERNAL_NOTE")
    private String internalNote;

    @Column(name = "PASSWORD_RESET_REQUIRED")
    private boolean passwordResetRequired;

    @OneToMany(mappedBy = "customer", fetch = FetchType.LAZY)
    @OrderBy("number")
    private List<ShopOrder> orders = new ArrayList<>();

    public Long getId() {
        return id;
    }

    public String getNumber() {
        return number;
    }

    public String getLogin() {
        return login;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public String getInternalNote() {
        return internalNote;
    }

    public boolean isPasswordResetRequired() {
        return passwordResetRequired;
    }

    public List<ShopOrder> getOrders() {
        return orders;
    }
}
