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
 */
@ApplicationScoped
public class FollowUps {

    private static final Pattern SUBJECT_TAG = Pattern.compile("\\[#(\\d{1,18})]");

    public Optional<Ticket> forMail(List<String> threadIds, String subject, String ourDomain) {
        Optional<Ticket> byHeader = Message.findFirstByHeaderIds(threadIds).map(m -> m.ticket);
        if (byHeader.isPresent()) {
            return byHeader;
        }
        Pattern ours = Pattern.compile("^lotse\\.[0-9a-f]+\\.t(\\d{1,18})@" + Pattern.quote(ourDomain) + "$");
        for (String id : threadIds) {
            Matcher m = ours.matcher(id);
            if (m.matches()) {
                Optional<Ticket> t = Ticket.findByIdOptional(Long.parseLong(m.group(1)));
                if (t.isPresent()) {
                    return t;
                }
            }
        }
        return ticketTag(subject).flatMap(id -> Ticket.<Ticket>findByIdOptional(id));
    }

    public Optional<Ticket> forConversation(String conversationId) {
        return Ticket.findByConversation(conversationId);
    }

    static Optional<Long> ticketTag(String subject) {
        if (subject == null) {
            return Optional.empty();
        }
        Matcher m = SUBJECT_TAG.matcher(subject);
        return m.find() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }
}
