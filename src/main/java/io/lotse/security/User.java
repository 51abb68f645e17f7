package io.lotse.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** A person who signs in: agents, ops and admins. Passwords are stored as bcrypt hashes only. */
@Entity
@Table(name = "app_user")
@UserDefinition
public class User extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Username
    public String username;

    @Password
    @Column(name = "password_hash")
    public String passwordHash;

    /** Comma-separated, as security-jpa reads them. */
    @Roles
    public String roles;

    @Column(name = "created_at")
    public Instant createdAt;

    public static User create(String username, String passwordHash, Collection<Role> roles, Instant now) {
        User user = new User();
        user.username = username;
        user.passwordHash = passwordHash;
        user.roles = String.join(",", roles.stream().map(Role::id).sorted().toList());
        user.createdAt = now;
        user.persist();
        return user;
    }

    public static Optional<User> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    public List<String> roleList() {
        return Arrays.stream(roles.split(",")).map(String::trim).filter(r -> !r.isEmpty()).toList();
    }
}
