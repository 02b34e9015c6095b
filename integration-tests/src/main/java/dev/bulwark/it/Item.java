package dev.bulwark.it;

import dev.bulwark.api.NfkcIdentifier;
import dev.bulwark.api.ReadOnly;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public class Item {

    /** Assigned by the server: a client that sends it is refused (mass assignment). */
    @ReadOnly
    private String id;

    @NotBlank
    @Size(max = 20)
    private String name;

    @Min(1)
    @Max(100)
    private int quantity;

    @Email
    private String email;

    /** A badly written constraint message that would echo the rejected value; Bulwark must not. */
    @Pattern(regexp = "[A-Z]{3}", message = "'${validatedValue}' is not a code")
    private String code;

    @NfkcIdentifier
    private String handle;

    public String getHandle() {
        return handle;
    }

    public void setHandle(String handle) {
        this.handle = handle;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public int getQuantity() {
        return quantity;
    }

    public void setQuantity(int quantity) {
        this.quantity = quantity;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
