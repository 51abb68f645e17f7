package io.lotse.ticket;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Collection;
import java.util.List;

/** A file that came with a message: name, type and size. The bytes are in the raw message. */
@Entity
@Table(name = "message_attachment")
public class MessageAttachment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "message_id")
    public Long messageId;
    public int position;
    public String filename;
    @Column(name = "mime_type")
    public String mimeType;
    @Column(name = "size_bytes")
    public long sizeBytes;

    public static void store(long messageId, List<AttachedFile> files) {
        for (int i = 0; i < files.size(); i++) {
            AttachedFile f = files.get(i);
            MessageAttachment a = new MessageAttachment();
            a.messageId = messageId;
            a.position = i;
            a.filename = truncate(f.filename(), 500);
            a.mimeType = truncate(f.mimeType(), 200);
            a.sizeBytes = f.sizeBytes();
            a.persist();
        }
    }

    public static List<MessageAttachment> ofMessages(Collection<Long> messageIds) {
        return messageIds.isEmpty() ? List.of() : list("messageId in ?1 order by messageId, position", messageIds);
    }

    private static String truncate(String s, int max) {
        String v = s == null ? "" : s;
        return v.length() <= max ? v : v.substring(0, max);
    }
}
