package io.lotse.ticket;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A component ("Webhosting") or host ("v2201.hoster.example") a customer uses, from the ops' inventory. */
@Entity
@Table(name = "customer_asset")
public class CustomerAsset extends PanacheEntityBase {

    public static final String COMPONENT = "component";
    public static final String HOST = "host";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "customer_id")
    public Long customerId;
    public String kind;
    public String asset;
    @Column(name = "created_at")
    public Instant createdAt;

    public static List<CustomerAsset> ofCustomer(long customerId) {
        return list("customerId = ?1 order by kind, asset", customerId);
    }
}
