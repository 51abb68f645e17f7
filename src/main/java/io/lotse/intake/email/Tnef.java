package io.lotse.intake.email;

import java.io.ByteArrayInputStream;
import java.net.URLConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.poi.hmef.HMEFMessage;

/**
 * Outlook's winmail.dat (TNEF): the files a customer attached are inside it, invisible to anyone without
 * Outlook. Apache POI's HMEF unpacks them, so agents see the real files instead of one opaque blob.
 */
final class Tnef {

    private Tnef() {
    }

    static boolean isTnef(String mimeType, String filename) {
        return mimeType.equals("application/ms-tnef") || mimeType.equals("application/vnd.ms-tnef")
                || filename.equalsIgnoreCase("winmail.dat");
    }

    /** The files inside, or empty when the blob cannot be read (then it stays one attachment). */
    static Optional<List<Attachment>> unpack(byte[] tnef) {
        try {
            HMEFMessage message = new HMEFMessage(new ByteArrayInputStream(tnef));
            List<Attachment> files = new ArrayList<>();
            for (org.apache.poi.hmef.Attachment a : message.getAttachments()) {
                String name = Optional.ofNullable(a.getLongFilename()).filter(n -> !n.isBlank())
                        .orElse(Optional.ofNullable(a.getFilename()).orElse(""));
                byte[] contents = a.getContents();
                String type = Optional.ofNullable(URLConnection.guessContentTypeFromName(name))
                        .orElse("application/octet-stream");
                files.add(new Attachment(name, type, contents == null ? 0 : contents.length));
            }
            return Optional.of(files);
        } catch (Exception | LinkageError unreadable) {
            // POI throws a variety of runtime exceptions on corrupt TNEF; the blob is then kept as it is.
            return Optional.empty();
        }
    }
}
