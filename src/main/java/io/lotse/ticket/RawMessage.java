package io.lotse.ticket;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Base64;
import java.util.Optional;

/** The bytes of an inbound e-mail exactly as received: kept so that nothing is lost to a poor parse. */
@Entity
@Table(name = "raw_message")
public class RawMessage extends PanacheEntityBase {

    @Id
    @Column(name = "message_id")
    public Long messageId;

    @Column(name = "content_base64")
    public String contentBase64;

    public static void store(long messageId, byte[] raw) {
        RawMessage row = new RawMessage();
        row.messageId = messageId;
        row.contentBase64 = Base64.getEncoder().encodeToString(raw);
        row.persist();
    }

    public static Optional<byte[]> load(long messageId) {
        return RawMessage.<RawMessage>findByIdOptional(messageId).map(r -> Base64.getDecoder().decode(r.contentBase64));
    }
}
