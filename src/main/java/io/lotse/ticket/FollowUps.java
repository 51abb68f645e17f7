package io.lotse.ticket;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the ticket an inbound mail continues: a Message-ID it names in In-Reply-To/References (ours or
 * the customer's earlier mail), our own Message-ID format ({@code ….t<ticket>@<our domain>}) even when
 * that message is unknown here, or the {@code [#<id>]} tag in the subject.
 *
 * <p>Anybody can write a ticket number into a subject (or make up a Message-ID in our format), so these
 * alone join a ticket only for mail from its customer's address or a colleague at the same company
 * domain (not at a mailbox provider's, where "same domain" means nothing). Other mail becomes a ticket
 * of its own. A Message-ID we stored is proof enough: only its recipient could know it.
 */
@ApplicationScoped
public class FollowUps {

    /** Mailbox providers: a shared domain there says nothing about who the sender is. */
    private static final java.util.Set<String> MAILBOX_PROVIDERS = java.util.Set.of("gmail.com", "googlemail.com",
            "outlook.com", "hotmail.com", "hotmail.de", "live.com", "live.de", "msn.com", "yahoo.com", "yahoo.de",
            "icloud.com", "me.com", "aol.com", "gmx.de", "gmx.net", "gmx.at", "gmx.ch", "web.de", "t-online.de",
            "posteo.de", "mailbox.org", "freenet.de", "mail.de", "arcor.de", "protonmail.com", "proton.me");

    public Optional<Ticket> forMail(List<String> threadIds, String subject, String ourDomain, Optional<String> sender) {
        Optional<Ticket> byHeader = Message.findFirstByHeaderIds(threadIds).map(m -> m.ticket);
        if (byHeader.isPresent()) {
            return byHeader;
        }
        Pattern ours = Pattern.compile("^lotse\\.[0-9a-f]+\\.t(\\d{1,18})@" + Pattern.quote(ourDomain) + "$");
        for (String id : threadIds) {
            Matcher m = ours.matcher(id);
            if (m.matches()) {
                // A Message-ID of ours that we never stored (a restored backup, another installation) is
                // only a claim, like the subject tag: it counts for the ticket's own customer.
                Optional<Ticket> t = Ticket.<Ticket>findByIdOptional(Long.parseLong(m.group(1)))
                        .filter(ticket -> claimHolds(ticket, sender));
                if (t.isPresent()) {
                    return t;
                }
            }
        }
        return Subjects.ticketTag(subject).flatMap(id -> Ticket.<Ticket>findByIdOptional(id))
                .filter(ticket -> claimHolds(ticket, sender));
    }

    /** A ticket number or made-up Message-ID counts only from the ticket's customer or a colleague. */
    private static boolean claimHolds(Ticket ticket, Optional<String> sender) {
        return sender.isPresent() && ticket.customer != null && sameSender(sender.get(), ticket.customer.email);
    }

    static boolean sameSender(String sender, String customerEmail) {
        if (customerEmail == null) {
            return false;
        }
        String a = sender.strip().toLowerCase(java.util.Locale.ROOT);
        String b = customerEmail.strip().toLowerCase(java.util.Locale.ROOT);
        if (a.equals(b)) {
            return true;
        }
        String domainA = a.substring(a.lastIndexOf('@') + 1);
        String domainB = b.substring(b.lastIndexOf('@') + 1);
        return a.contains("@") && domainA.equals(domainB) && !MAILBOX_PROVIDERS.contains(domainA);
    }

    public Optional<Ticket> forConversation(String conversationId) {
        return Ticket.findByConversation(conversationId);
    }
}
