package dev.bulwark.it;

import dev.bulwark.api.ReadOnly;
import jakarta.validation.constraints.NotBlank;

/** The caller's own profile: the id and any role are the server's, never the client's. */
public class Profile {

    @ReadOnly
    public String id;

    @NotBlank
    public String displayName;

    public String bio;
}
