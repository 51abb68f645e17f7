package io.lotse.intake.email.imap;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** What a mail client does to the test mailboxes: put mail in, look at flags; plain IMAP, one login per call. */
final class ImapClient {

    private ImapClient() {
    }

    static void createFolder(int port, String name) {
        withStore(port, store -> {
            Folder f = folder(store, name);
            if (!f.exists()) {
                f.create(Folder.HOLDS_MESSAGES);
            }
            return null;
        });
    }

    /** Appends the raw mails as they are (IMAP APPEND), the way a mail server delivers them. */
    static void append(int port, String folder, List<byte[]> raws) {
        withStore(port, store -> {
            Session session = Session.getInstance(new Properties());
            Folder f = folder(store, folder);
            Message[] messages = new Message[raws.size()];
            for (int i = 0; i < raws.size(); i++) {
                messages[i] = new MimeMessage(session, new ByteArrayInputStream(raws.get(i)));
            }
            f.appendMessages(messages);
            return null;
        });
    }

    /** Deletes (and expunges) the message with this Message-ID, so that a test leaves no failing mail behind. */
    static void delete(int port, String folder, String messageId) {
        withStore(port, store -> {
            Folder f = folder(store, folder);
            f.open(Folder.READ_WRITE);
            for (Message m : f.getMessages()) {
                String[] ids = m.getHeader("Message-ID");
                if (ids != null && ids[0].strip().equals("<" + messageId + ">")) {
                    m.setFlag(Flags.Flag.DELETED, true);
                }
            }
            f.close(true);
            return null;
        });
    }

    /** The flags of every message in the folder, by Message-ID (without angle brackets). */
    static Map<String, Flags> flagsByMessageId(int port, String folder) {
        return withStore(port, store -> {
            Folder f = folder(store, folder);
            if (!f.exists()) {
                return Map.of();
            }
            f.open(Folder.READ_ONLY);
            try {
                Message[] all = f.getMessages();
                FetchProfile profile = new FetchProfile();
                profile.add(FetchProfile.Item.FLAGS);
                profile.add("Message-ID");
                f.fetch(all, profile);
                Map<String, Flags> flags = new HashMap<>();
                for (Message m : all) {
                    String id = m.getHeader("Message-ID")[0].strip();
                    flags.put(id.substring(1, id.length() - 1), m.getFlags());
                }
                return flags;
            } finally {
                f.close(false);
            }
        });
    }

    /** As the poller does: {@code /} stands for the server's separator (GreenMail's is {@code .}). */
    private static Folder folder(Store store, String name) throws MessagingException {
        return store.getFolder(name.replace('/', store.getDefaultFolder().getSeparator()));
    }

    private interface StoreWork<T> {
        T apply(Store store) throws MessagingException;
    }

    private static <T> T withStore(int port, StoreWork<T> work) {
        Properties props = new Properties();
        props.put("mail.imap.connectiontimeout", "10000");
        props.put("mail.imap.timeout", "30000");
        try {
            Store store = Session.getInstance(props).getStore("imap");
            store.connect("127.0.0.1", port, GreenMailImapResource.USER, GreenMailImapResource.PASSWORD);
            try {
                return work.apply(store);
            } finally {
                store.close();
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("IMAP client: " + e.getMessage(), e);
        }
    }
}
