package io.lotse.security;

import java.util.Arrays;
import java.util.Optional;

/** The roles of the contract. The constants are for annotations; the enum for code. */
public enum Role {
    AGENT(Role.agent), OPS(Role.ops), ADMIN(Role.admin);

    public static final String agent = "agent";
    public static final String ops = "ops";
    public static final String admin = "admin";

    private final String id;

    Role(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Role> fromId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }
}
