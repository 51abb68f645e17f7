package io.lotse.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lotse.platform.Texts;
import io.lotse.reply.ReplyConfig;
import io.lotse.ticket.Channel;
import io.lotse.ticket.Customer;
import io.lotse.ticket.CustomerDirectory;
import io.lotse.ticket.DeliveryState;
import io.lotse.ticket.Direction;
import io.lotse.ticket.FollowUps;
import io.lotse.ticket.Message;
import io.lotse.ticket.MessageAttachment;
import io.lotse.ticket.MessageKind;
import io.lotse.ticket.RawMessage;
import io.lotse.ticket.Ticket;
import io.lotse.ticket.TicketStatus;
import io.lotse.triage.Answers;
import io.lotse.triage.Decision;
import io.lotse.triage.InventoryCheck;
import io.lotse.triage.SameCase;
import io.lotse.triage.TriageDecision;
import io.lotse.triage.TriageService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The path every customer message takes, whatever its channel: recognise a redelivery, find the
 * customer and the ticket it continues, store it, triage it, and answer it once if it is about an
 * incident. One transaction per message; the answer is written to the outbox in the same transaction.
 */
@ApplicationScoped
public class IntakeService {

    private static final Logger LOG = Logger.getLogger(IntakeService.class);
    /** Two replicas may take the same message or the same new chat at once; the loser retries and sees the winner. */
    private static final int ATTEMPTS = 3;

    private final CustomerDirectory customers;
    private final FollowUps followUps;
    private final TriageService triage;
    private final Answers answers;
    private final SameCase sameCase;
    private final InventoryCheck inventory;
    private final ReplyConfig replyConfig;
    private final ObjectMapper json;
    private final Clock clock;

    IntakeService(CustomerDirectory customers, FollowUps followUps, TriageService triage, Answers answers,
            SameCase sameCase, InventoryCheck inventory, ReplyConfig replyConfig, ObjectMapper json, Clock clock) {
        this.sameCase = sameCase;
        this.inventory = inventory;
        this.customers = customers;
        this.followUps = followUps;
        this.triage = triage;
        this.answers = answers;
        this.replyConfig = replyConfig;
        this.json = json;
        this.clock = clock;
    }

    public IntakeOutcome receive(InboundMessage in) {
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> process(in));
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !isConstraintViolation(e)) {
                    throw e;
                }
                LOG.debugf("Intake raced with another instance (attempt %d), retrying: %s", attempt, e.getMessage());
            }
        }
    }

    private IntakeOutcome process(InboundMessage in) {
        Optional<Message> earlier = in.dedupKey().flatMap(Message::findByDedupKey);
        if (earlier.isPresent()) {
            return stored(earlier.get()).asDuplicate();
        }
        Instant now = clock.instant();
        Customer customer = customers.resolve(in.requester(), in.language());
        Optional<Ticket> continued = switch (in.channel()) {
            case EMAIL -> followUps.forMail(in.threadIds(), in.subject(), replyConfig.messageIdDomain(),
                    in.requester().email());
            case CHAT -> in.conversationId().flatMap(followUps::forConversation);
            case PHONE -> Optional.empty();
        };
        Ticket ticket = continued.orElseGet(() -> openTicket(in, customer, now));
        boolean created = continued.isEmpty();
        if (!created) {
            // A customer who writes again on a solved ticket needs a human again: reopen it. A robot
            // writing (an out-of-office answer to our resolution notice, a bounce) does not: after an
            // incident is resolved those would otherwise reopen hundreds of tickets at once. Its words are
            // stored and shown; a bounce marks the address (recordBounce).
            if (!in.machineSent().yes()) {
                if (ticket.status == TicketStatus.SOLVED) {
                    ticket.status = TicketStatus.OPEN;
                }
                if (ticket.waitingSince == null) {
                    ticket.waitingSince = now;
                }
                ticket.language = in.language();
            }
            ticket.updatedAt = now;
        }
        Message message = storeInbound(in, ticket, now);
        in.bounce().ifPresent(this::recordBounce);

        List<String> reasons = new ArrayList<>();
        TriageDecision decision;
        if (ticket.incidentId != null) {
            // The link stands, but the new words are scored too: a follow-up that asks something else
            // keeps the ticket open for a human when the incident is resolved.
            TriageDecision own = triage.decideFor(ticket.id, in.subject(), in.text(), in.sentAt(), in.machineSent().yes());
            boolean sameIncident = own.decision() == Decision.AUTO_LINKED && own.incidentId().equals(Optional.of(ticket.incidentId))
                    && own.requests().isEmpty();
            if (!sameIncident && !in.machineSent().yes()) {
                ticket.otherRequest = true;
            }
            decision = new TriageDecision(Decision.AUTO_LINKED, Optional.of(ticket.incidentId),
                    ticket.triageScore == null ? 1.0 : ticket.triageScore,
                    List.of("follow-up on ticket " + ticket.id + ", which is linked to incident " + ticket.incidentId
                            + (sameIncident || in.machineSent().yes() ? "" : "; it asks more than the incident, so a human will look")));
        } else {
            decision = inventory.apply(customer.id,
                    triage.decideFor(ticket.id, in.subject(), in.text(), in.sentAt(), in.machineSent().yes()));
            TriageService.record(ticket, decision);
        }
        reasons.addAll(decision.reasons());
        in.machineSent().reasons().forEach(r -> reasons.add("machine-sent: " + r));

        if (created) {
            sameCase.earlierCase(ticket, (in.subject() == null ? "" : in.subject()) + "\n" + in.text(), now)
                    .ifPresent(same -> {
                        ticket.duplicateOf = same.ticketId();
                        reasons.add(same.reason());
                    });
        }
        Answers.Answer answer = answers.answer(new Answers.Occasion(ticket, customer,
                in.requester().email().map(e -> e.toLowerCase(Locale.ROOT)).or(() -> Optional.ofNullable(customer.email)),
                Optional.of(message), in.subject(), in.machineSent().yes(), true), decision, reasons);
        IntakeOutcome outcome = new IntakeOutcome(ticket.id, message.id, created, false,
                new IntakeOutcome.Triage(decision.decision().name(), decision.incidentId().orElse(null),
                        round(decision.score()), List.copyOf(reasons), in.machineSent().yes(), answer.sent()),
                answer.chatText(), answer.script());
        message.intakeResult = write(outcome);
        return outcome;
    }

    private Ticket openTicket(InboundMessage in, Customer customer, Instant now) {
        Ticket t = new Ticket();
        t.channel = in.channel();
        t.subject = subjectOf(in);
        t.status = TicketStatus.OPEN;
        t.customer = customer;
        t.conversationId = in.conversationId().orElse(null);
        t.language = in.language();
        t.automated = in.machineSent().yes();
        t.waitingSince = now;
        t.createdAt = now;
        t.updatedAt = now;
        t.persist();
        return t;
    }

    private Message storeInbound(InboundMessage in, Ticket ticket, Instant now) {
        Message m = new Message();
        m.ticket = ticket;
        m.direction = Direction.INBOUND;
        m.channel = in.channel();
        m.kind = MessageKind.CUSTOMER;
        m.from = Texts.fit(in.requester().email().or(in.requester()::phone).or(in.requester()::name).orElse(null), 500);
        m.to = Texts.fit(in.to().orElse(null), 500);
        m.subject = Texts.fit(in.subject(), 1000);
        m.text = Texts.clean(in.text());
        m.body = Texts.clean(in.body());
        // Ids are already short (the e-mail adapter hashes absurdly long ones), so lookups stay exact.
        m.headerMessageId = in.headerMessageId().orElse(null);
        m.inReplyTo = in.threadIds().isEmpty() ? null : in.threadIds().get(0);
        m.references = in.threadIds().isEmpty() ? null : Texts.clean(String.join(" ", in.threadIds()));
        m.dedupKey = in.dedupKey().orElse(null);
        m.automated = in.machineSent().yes();
        m.sentAt = in.sentAt();
        m.receivedAt = now;
        m.createdBy = in.recordedBy().orElse(null);
        m.persist();
        in.raw().ifPresent(raw -> RawMessage.store(m.id, raw));
        MessageAttachment.store(m.id, in.attachments());
        return m;
    }

    /**
     * Our message did not arrive: mark it, and mark the address so that nothing automatic is sent there
     * again (agents still see the ticket and can call).
     */
    private void recordBounce(InboundMessage.Bounce bounce) {
        Message.<Message>find("headerMessageId = ?1 and direction = ?2", bounce.ourMessageId(), Direction.OUTBOUND)
                .firstResultOptional()
                .ifPresent(ours -> {
                    ours.deliveryState = DeliveryState.BOUNCED;
                    ours.deliveryError = "bounced: " + bounce.diagnostic();
                    if (ours.to != null) {
                        Customer.findByEmail(ours.to.toLowerCase(java.util.Locale.ROOT)).ifPresent(c -> c.bouncing = true);
                    }
                    LOG.infof("Message %d to %s bounced (%s); the address is marked as bouncing", ours.id, ours.to,
                            bounce.diagnostic());
                });
    }

    private IntakeOutcome stored(Message m) {
        try {
            return json.readValue(m.intakeResult, IntakeOutcome.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // Should not happen; still answer sensibly rather than fail a redelivery.
            Ticket t = m.ticket;
            return new IntakeOutcome(t.id, m.id, false, true, new IntakeOutcome.Triage(
                    t.triageDecision == null ? Decision.UNRELATED.name() : t.triageDecision, t.incidentId,
                    t.triageScore == null ? 0 : t.triageScore, List.of(), m.automated, false), Optional.empty(), Optional.empty());
        }
    }

    private String write(IntakeOutcome outcome) {
        try {
            return json.writeValueAsString(outcome);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise intake outcome", e);
        }
    }

    private static String subjectOf(InboundMessage in) {
        if (in.subject() != null && !in.subject().isBlank()) {
            return Texts.fit(in.subject().strip(), 1000);
        }
        String firstLine = in.text() == null ? "" : in.text().strip().lines().findFirst().orElse("");
        return Texts.fit(firstLine, 120);
    }

    private static double round(double score) {
        return Math.round(score * 1000) / 1000.0;
    }

    static boolean isConstraintViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
