package io.lotse.ticket;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** A person who writes or calls support, found again by e-mail address, customer number or phone. */
@Entity
@Table(name = "customer")
public class Customer extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;
    /** Lower-cased. */
    public String email;
    /** Digits only, with a leading + kept, so that spacing and punctuation do not split one customer. */
    public String phone;
    @Column(name = "customer_number")
    public String customerNumber;
    /** "de" or "en": the language of their latest message; replies follow it. */
    public String language;
    /** Mail to this address bounced; nothing automatic is sent there any more. */
    public boolean bouncing;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Optional<Customer> findByEmail(String email) {
        return find("email", email).firstResultOptional();
    }

    public static Optional<Customer> findByCustomerNumber(String number) {
        return find("customerNumber", number).firstResultOptional();
    }

    public static Optional<Customer> findByPhone(String phone) {
        return find("phone = ?1 order by id", phone).firstResultOptional();
    }
}
