package io.lotse.triage;

import io.lotse.ticket.Direction;
import io.lotse.ticket.Message;
import io.lotse.ticket.Ticket;
import io.lotse.ticket.TicketStatus;
import io.lotse.triage.index.SearchIndex;
import io.lotse.triage.index.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One case per customer: the same customer mailing and then calling about the same thing is one case in
 * the queue, not two. A new ticket is the same case as an earlier open ticket of that customer, from the
 * window before it, when both are about the same incident, or when their words overlap strongly.
 */
@ApplicationScoped
public class SameCase {

    /** Share of the shorter text's words the two must have in common to be one request. */
    static final double WORD_OVERLAP = 0.5;
    /** Below this many distinct words, overlap says too little: only the incident joins short messages. */
    static final int MIN_WORDS = 3;

    private final SearchIndex index;
    private final Duration window;

    SameCase(SearchIndex index, TriageConfig config) {
        this.index = index;
        this.window = config.sameCaseWindow();
    }

    /** The earlier ticket this one continues, with the reason, if any. Must run inside a transaction. */
    public Optional<Match> earlierCase(Ticket ticket, String words, Instant now) {
        List<Ticket> earlier = Ticket.list("""
                        customer.id = ?1 and id <> ?2 and status = ?3 and duplicateOf is null and createdAt >= ?4
                        order by id""",
                ticket.customer.id, ticket.id, TicketStatus.OPEN, now.minus(window));
        if (earlier.isEmpty()) {
            return Optional.empty();
        }
        if (ticket.incidentId != null) {
            for (Ticket t : earlier) {
                if (ticket.incidentId.equals(t.incidentId)) {
                    return Optional.of(new Match(t.id, "same case as ticket " + t.id + ": the same customer about incident "
                            + ticket.incidentId));
                }
            }
        }
        Set<String> mine = content(words);
        if (mine.size() < MIN_WORDS) {
            return Optional.empty();
        }
        for (Ticket t : earlier) {
            Set<String> theirs = content(inboundWords(t));
            if (theirs.size() < MIN_WORDS) {
                continue;
            }
            Set<String> common = new HashSet<>(mine);
            common.retainAll(theirs);
            double overlap = (double) common.size() / Math.min(mine.size(), theirs.size());
            if (overlap >= WORD_OVERLAP) {
                return Optional.of(new Match(t.id, String.format(java.util.Locale.ROOT,
                        "same case as ticket %d: the same customer, %.0f%% of the words in common", t.id, overlap * 100)));
            }
        }
        return Optional.empty();
    }

    public record Match(long ticketId, String reason) {
    }

    private Set<String> content(String text) {
        Set<String> terms = new HashSet<>();
        for (String t : Tokens.tokens(index.analyzer(), text == null ? "" : text)) {
            // Numbers (times, amounts) differ between a mail and a call about the same thing.
            if (!t.chars().allMatch(Character::isDigit)) {
                terms.add(t);
            }
        }
        return terms;
    }

    private static String inboundWords(Ticket t) {
        StringBuilder sb = new StringBuilder(t.subject == null ? "" : t.subject).append('\n');
        Message.<Message>list("ticket.id = ?1 and direction = ?2 order by id", t.id, Direction.INBOUND)
                .forEach(m -> sb.append(m.text == null ? "" : m.text).append('\n'));
        return sb.toString();
    }
}
