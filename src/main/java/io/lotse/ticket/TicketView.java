package io.lotse.ticket;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A ticket as the API shows it (the contract's {@code GET /api/tickets/{id}}), and the pieces it is made of. */
public record TicketView(long id, Channel channel, String subject, TicketStatus status, CustomerView customer,
        Long incidentId, Long duplicateOf, List<Long> duplicates, TriageView triage, List<MessageView> messages,
        Instant createdAt, Instant updatedAt, Instant waitingSince, String correctionSuggestion) {

    /**
     * The same view with a suggested correction: after an unlink, the text an agent may send to a customer
     * who got an automatic answer about an incident that was not theirs.
     */
    public TicketView withCorrection(String text) {
        return new TicketView(id, channel, subject, status, customer, incidentId, duplicateOf, duplicates, triage,
                messages, createdAt, updatedAt, waitingSince, text);
    }

    public record CustomerView(long id, String name, String email, String phone, String customerNumber) {
        public static CustomerView of(Customer c) {
            return new CustomerView(c.id, c.name, c.email, c.phone, c.customerNumber);
        }
    }

    /** {@code otherRequest}: the customer asked more than the incident answers, so a person looks at it. */
    public record TriageView(String decision, Long incidentId, Double score, List<String> reasons, String linkSource,
            boolean otherRequest) {
        public static TriageView of(Ticket t) {
            return new TriageView(t.triageDecision, t.triageIncidentId, t.triageScore,
                    t.triageReasons == null || t.triageReasons.isBlank() ? List.of() : Arrays.asList(t.triageReasons.split("\n")),
                    t.linkSource, t.otherRequest);
        }
    }

    /**
     * {@code text} is what the customer wrote this time; {@code body} the whole message; {@code incidentId} the
     * incident an outbound message was about (an automatic answer, an incident update).
     */
    public record MessageView(long id, Direction direction, Channel channel, MessageKind kind, String from, String to,
            String subject, String text, String body, Instant sentAt, boolean automatic, boolean automated,
            DeliveryState deliveryState, String deliveryError, int deliveryAttempts, Long incidentId,
            List<AttachmentView> attachments) {
        public static MessageView of(Message m) {
            return of(m, List.of());
        }

        static MessageView of(Message m, List<AttachmentView> attachments) {
            return new MessageView(m.id, m.direction, m.channel, m.kind, m.from, m.to, m.subject, m.text, m.body,
                    m.sentAt == null ? m.receivedAt : m.sentAt, m.automatic, m.automated, m.deliveryState,
                    m.deliveryError, m.deliveryAttempts, m.incidentId, attachments);
        }
    }

    public record AttachmentView(String filename, String mimeType, long sizeBytes) {
    }

    /** One row of the ticket list. */
    public record Summary(long id, Channel channel, String subject, TicketStatus status, CustomerView customer,
            Long incidentId, Long duplicateOf, String decision, Instant createdAt, Instant updatedAt, Instant waitingSince) {
        public static Summary of(Ticket t) {
            return new Summary(t.id, t.channel, t.subject, t.status, CustomerView.of(t.customer), t.incidentId,
                    t.duplicateOf, t.triageDecision, t.createdAt, t.updatedAt, t.waitingSince);
        }
    }

    public record Page(List<Summary> items, int page, int size, long total) {
    }

    public static TicketView of(Ticket t) {
        List<Message> messages = Message.ofTicket(t.id);
        Map<Long, List<AttachmentView>> files = MessageAttachment.ofMessages(messages.stream().map(m -> m.id).toList())
                .stream()
                .collect(Collectors.groupingBy(a -> a.messageId,
                        Collectors.mapping(a -> new AttachmentView(a.filename, a.mimeType, a.sizeBytes), Collectors.toList())));
        List<Long> duplicates = Ticket.find("select t.id from Ticket t where t.duplicateOf = ?1 order by t.id", t.id)
                .project(Long.class).list();
        return new TicketView(t.id, t.channel, t.subject, t.status, CustomerView.of(t.customer), t.incidentId,
                t.duplicateOf, duplicates, TriageView.of(t),
                messages.stream().map(m -> MessageView.of(m, files.getOrDefault(m.id, List.of()))).toList(),
                t.createdAt, t.updatedAt, t.waitingSince, null);
    }
}
