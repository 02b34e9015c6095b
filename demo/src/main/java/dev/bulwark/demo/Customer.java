package dev.bulwark.demo;

import dev.bulwark.api.ReadOnly;
import dev.bulwark.api.Sensitive;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A customer; its id is the subject ({@code sub}) of the customer's tokens. The same type is read and written
 * ({@code PUT /customers/me}), so the id is {@link ReadOnly}: a client that sends one is refused before binding.
 * The internal note is for staff only: {@link Sensitive}, it never leaves any endpoint, and clients cannot set it.
 */
public record Customer(@ReadOnly String id,
                       @NotBlank @Size(max = 100) String name,
                       @NotBlank @Email @Size(max = 254) String email,
                       @ReadOnly @Sensitive String internalNote) {
}
