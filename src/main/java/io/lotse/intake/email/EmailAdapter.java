package io.lotse.intake.email;

import io.lotse.intake.CustomerWords;
import io.lotse.intake.InboundMessage;
import io.lotse.intake.IntakeConfig;
import io.lotse.intake.LanguageGuess;
import io.lotse.reply.ReplyConfig;
import io.lotse.ticket.AttachedFile;
import io.lotse.ticket.Channel;
import io.lotse.ticket.Requester;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns raw RFC 5322 bytes into an {@link InboundMessage}, or, for a mail that cannot be read, into a
 * placeholder that keeps the raw bytes and tells agents it is in quarantine.
 */
@ApplicationScoped
public class EmailAdapter {

    private final EmailParser parser;
    private final MachineSentMail machineSent;
    private final BounceReports bounces;
    private final Clock clock;

    EmailAdapter(IntakeConfig config, ReplyConfig replyConfig,
            @ConfigProperty(name = "quarkus.mailer.from") Optional<String> ourAddress, Clock clock) {
        this.bounces = new BounceReports(replyConfig.messageIdDomain());
        List<MachineSentCheck> checks = new ArrayList<>(MachineSentMail.standardChecks());
        checks.add(new OwnMailCheck(replyConfig.messageIdDomain(), ourAddress.orElse("")));
        this.machineSent = new MachineSentMail(checks);
        MailLimits defaults = MailLimits.defaults();
        this.parser = new EmailParser(new MailLimits(config.maxMessageBytes().asLongValue(), defaults.maxHeaderCount(),
                defaults.maxHeaderLineLength(), defaults.maxParts(), defaults.maxNestingDepth(), defaults.maxTextChars()));
        this.clock = clock;
    }

    public InboundMessage toInbound(byte[] raw) throws UnparseableMailException {
        ParsedEmail mail = parser.parse(raw);
        MachineSentMail.Verdict verdict = machineSent.judge(mail);
        Optional<InboundMessage.Bounce> bounce = verdict.machineSent() ? bounces.ofOurMail(mail, raw) : Optional.empty();
        List<String> ids = new ArrayList<>(concat(mail.inReplyTo(), reversed(mail.references())).stream()
                .map(EmailAdapter::storableId).toList());
        // A bounce names our message only inside its report: that id threads it to the customer's ticket.
        bounce.ifPresent(b -> ids.add(0, b.ourMessageId()));
        List<String> threadIds = new ArrayList<>(new LinkedHashSet<>(ids));
        String words = CustomerWords.newWords(mail.body());
        return new InboundMessage(
                Channel.EMAIL,
                Requester.ofEmail(mail.fromName(), mail.fromAddress()),
                mail.subject(),
                mail.body(),
                words,
                mail.date().orElse(clock.instant()),
                Optional.of(dedupKey(mail, raw)),
                mail.messageId().map(EmailAdapter::storableId),
                threadIds,
                Optional.empty(),
                new InboundMessage.MachineSent(verdict.machineSent(), verdict.reasons()),
                LanguageGuess.guess(mail.subject() + "\n" + words).name().toLowerCase(Locale.ROOT),
                Optional.of(raw),
                Optional.empty(),
                mail.to().isEmpty() ? Optional.empty() : Optional.of(String.join(", ", mail.to())),
                mail.attachments().stream().map(a -> new AttachedFile(a.filename(), a.mimeType(), a.sizeBytes())).toList(),
                bounce);
    }

    /**
     * What agents see of a mail that could not be read: no guessed words (they would only confuse triage),
     * the reason, and the raw bytes, kept with the message.
     */
    public InboundMessage placeholder(byte[] raw, String why) {
        String body = "This e-mail could not be read (" + why + "). It is kept unchanged in the quarantine; "
                + "an admin can re-process it there once the cause is fixed.";
        return new InboundMessage(Channel.EMAIL, Requester.of(null, null, null, null), "(unreadable e-mail)", body, "",
                clock.instant(), Optional.of("unreadable:" + sha256(raw)), Optional.empty(), List.of(), Optional.empty(),
                InboundMessage.MachineSent.no(), "en", Optional.of(raw), Optional.empty(), Optional.empty(), List.of(),
                Optional.empty());
    }

    /**
     * What agents see of a mail too large to import from a mailbox: who sent it, its subject and size, and
     * where it waits. Known again by its Message-ID (or place and size), so every round finds the same ticket.
     */
    public InboundMessage tooLargePlaceholder(OversizedMail mail) {
        String body = "This e-mail has " + mail.sizeBytes() + " bytes, more than lotse.intake.max-message-bytes allows."
                + " It was not imported and waits unchanged in " + mail.source() + "; read it there (or raise the limit,"
                + " and it is imported in the next round).";
        String identity = mail.messageId().map(id -> "mid:" + storableId(id))
                .orElse(mail.source() + ":" + mail.place() + ":" + mail.sizeBytes());
        return new InboundMessage(Channel.EMAIL, Requester.ofEmail(mail.fromName(), mail.fromAddress()),
                "[too large to import] " + mail.subject(), body, mail.subject(), clock.instant(),
                Optional.of("too-large:" + sha256(identity.getBytes(java.nio.charset.StandardCharsets.UTF_8))),
                Optional.empty(), List.of(), Optional.empty(), InboundMessage.MachineSent.no(),
                LanguageGuess.guess(mail.subject()).name().toLowerCase(Locale.ROOT), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), Optional.empty());
    }

    /**
     * What makes a redelivery recognisable: the Message-ID together with sender, date and subject, which a
     * resent copy keeps while relays add headers. Some senders reuse one Message-ID for different mail;
     * the id alone would silently drop those. Without a Message-ID, the bytes themselves.
     */
    static String dedupKey(ParsedEmail mail, byte[] raw) {
        if (mail.messageId().isEmpty()) {
            return "sha256:" + sha256(raw);
        }
        String id = storableId(mail.messageId().get());
        String identity = mail.fromAddress() + "\n" + mail.date().map(Object::toString).orElse("") + "\n" + mail.subject();
        return "mid:" + id + ":"
                + sha256(identity.getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 16);
    }

    /**
     * Message-IDs are short in practice; an absurd one (thousands of characters) is replaced by its hash,
     * the same way wherever it appears, so threading still works and the column always fits.
     */
    static String storableId(String id) {
        String clean = id.replace("\0", "");
        return clean.length() <= 900 ? clean : "sha256:" + sha256(clean.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Nearest parent first: In-Reply-To, then References from the newest back. */
    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static List<String> reversed(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    static String sha256(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
