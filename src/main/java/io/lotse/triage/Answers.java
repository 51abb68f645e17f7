package io.lotse.triage;

import io.lotse.incident.IncidentService;
import io.lotse.reply.AutoReplies;
import io.lotse.reply.IncidentNotice;
import io.lotse.reply.Outbox;
import io.lotse.reply.ReplyComposer;
import io.lotse.reply.ReplyConfig;
import io.lotse.ticket.Channel;
import io.lotse.ticket.Customer;
import io.lotse.ticket.Message;
import io.lotse.ticket.MessageKind;
import io.lotse.ticket.Ticket;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a linked ticket gets its automatic answer ({@link AnswerPolicy}) and has the reply
 * package carry it out, on the ticket's channel. Used at intake, where the customer may still be on the
 * line (chat widget, phone), and by re-triage, where they are not (chat: stored for the widget; phone:
 * a call-back with the script).
 */
@ApplicationScoped
public class Answers {

    public record Answer(boolean sent, Optional<String> chatText, Optional<String> script) {
        public static final Answer NONE = new Answer(false, Optional.empty(), Optional.empty());
    }

    /**
     * What the answer is to: {@code address} is where mail goes, {@code parent} the message it threads to,
     * {@code live} whether the customer is in the chat or on the phone right now.
     */
    public record Occasion(Ticket ticket, Customer customer, Optional<String> address, Optional<Message> parent,
            String subject, boolean machineSent, boolean live) {
    }

    private final IncidentService incidents;
    private final AutoReplies autoReplies;
    private final Outbox outbox;
    private final ReplyComposer composer;
    private final ReplyConfig replyConfig;
    private final Clock clock;

    Answers(IncidentService incidents, AutoReplies autoReplies, Outbox outbox, ReplyComposer composer,
            ReplyConfig replyConfig, Clock clock) {
        this.incidents = incidents;
        this.autoReplies = autoReplies;
        this.outbox = outbox;
        this.composer = composer;
        this.replyConfig = replyConfig;
        this.clock = clock;
    }

    /** Must run inside the transaction that linked the ticket; adds why not to {@code reasons}. */
    public Answer answer(Occasion o, TriageDecision decision, List<String> reasons) {
        if (decision.decision() != Decision.AUTO_LINKED) {
            return Answer.NONE;
        }
        Ticket ticket = o.ticket();
        Customer customer = o.customer();
        Channel channel = ticket.channel;
        long incidentId = decision.incidentId().orElseThrow();
        Optional<IncidentNotice> notice = incidents.activeNotice(incidentId);
        if (notice.isEmpty()) {
            reasons.add("no automatic answer: incident " + incidentId + " is no longer active");
            return Answer.NONE;
        }
        boolean byMail = channel == Channel.EMAIL;
        boolean reachable = !byMail || o.address().isPresent();
        boolean agentAnswered = Message.count("ticket.id = ?1 and kind = ?2", ticket.id, MessageKind.AGENT_REPLY) > 0;
        boolean overBudget = byMail && o.address().isPresent()
                && autoReplies.automaticMailsTo(o.address().get(), clock.instant().minus(Duration.ofHours(1)))
                        >= replyConfig.automaticPerAddressPerHour();
        Optional<String> whyNot = AnswerPolicy.whyNot(new AnswerPolicy.Facts(o.machineSent(),
                customer.bouncing && byMail, autoReplies.alreadyAnswered(customer.id, incidentId), agentAnswered,
                reachable, overBudget));
        // On the phone the agent must say something in any case: the script is given even when the
        // customer already had their answer (it then does not count as a new one).
        Optional<String> script = channel == Channel.PHONE && o.live()
                ? Optional.of(composer.phoneScript(ticket.language, customer.name, ticket.id, notice.get(), ticket.otherRequest))
                : Optional.empty();
        if (whyNot.isPresent() || !autoReplies.claim(customer.id, incidentId, ticket.id, channel)) {
            reasons.add(whyNot.orElse("no automatic answer: this customer was already answered about this incident"));
            return new Answer(false, Optional.empty(), script);
        }
        Optional<String> once = Optional.of("auto-reply:" + incidentId + ":customer:" + customer.id);
        Optional<Long> incident = Optional.of(incidentId);
        switch (channel) {
            case EMAIL -> {
                String text = composer.autoReply(ticket.language, customer.name, ticket.id, notice.get(), ticket.otherRequest);
                outbox.queueMail(new Outbox.OutboundMail(ticket, MessageKind.AUTO_REPLY, incident, o.address().get(),
                        ReplyComposer.replySubject(o.subject(), ticket.id), text, o.parent(), once, true, "lotse"));
                reasons.add("automatic answer sent by e-mail with the status page link");
                return new Answer(true, Optional.empty(), Optional.empty());
            }
            case CHAT -> {
                String text = composer.chatReply(ticket.language, customer.name, ticket.id, notice.get(), ticket.otherRequest);
                outbox.recordInChannel(ticket, MessageKind.AUTO_REPLY, Channel.CHAT, incident, text, once);
                reasons.add(o.live() ? "automatic answer shown in the chat" : "automatic answer stored for the chat widget");
                return new Answer(true, o.live() ? Optional.of(text) : Optional.empty(), Optional.empty());
            }
            case PHONE -> {
                if (o.live()) {
                    outbox.recordInChannel(ticket, MessageKind.PHONE_SCRIPT, Channel.PHONE, incident, script.orElseThrow(),
                            once);
                    reasons.add("the agent gives the caller the incident's status (script)");
                    return new Answer(true, Optional.empty(), script);
                }
                outbox.recordCallBack(ticket, MessageKind.PHONE_SCRIPT, incident,
                        composer.phoneScript(ticket.language, customer.name, ticket.id, notice.get(), ticket.otherRequest), once);
                reasons.add("a call-back with the incident's status is listed for an agent");
                return new Answer(true, Optional.empty(), Optional.empty());
            }
            default -> throw new IllegalStateException("unknown channel " + channel);
        }
    }
}
