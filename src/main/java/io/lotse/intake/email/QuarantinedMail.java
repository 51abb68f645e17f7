package io.lotse.intake.email;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A mail that could not be read, kept byte for byte. A placeholder ticket shows it to agents at once;
 * after a fix an admin re-processes it, and it then becomes the ticket it should have been.
 */
@Entity
@Table(name = "quarantine")
public class QuarantinedMail extends PanacheEntityBase {

    public static final String HELD = "HELD";
    public static final String RELEASED = "RELEASED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    /** Who delivered it: "http" or "imap:<mailbox>". */
    public String source;
    public String reason;
    @Column(name = "size_bytes")
    public long sizeBytes;
    @Column(name = "content_base64")
    public String contentBase64;
    public String status;
    /** The placeholder ticket agents see meanwhile. */
    @Column(name = "ticket_id")
    public Long ticketId;
    /** The ticket it became once it could be read. */
    @Column(name = "released_to")
    public Long releasedTo;
    public int attempts;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "received_at")
    public Instant receivedAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
