package io.lotse.reply;

import io.lotse.ticket.Subjects;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes the texts Lotse sends in the support team's name, in the customer's language, from type-checked
 * Qute templates under {@code templates/ReplyComposer/}. Every text shows the incident's live status at
 * the moment it is composed.
 */
@ApplicationScoped
public class ReplyComposer {

    /**
     * What the templates see. {@code otherRequest}: the customer also asked something the incident does not
     * answer (an invoice, compensation), which a person will answer.
     */
    public record ReplyModel(String customerName, long ticketId, String incidentTitle, String statusLabel,
            String latestMessage, String statusAt, String statusPageUrl, boolean otherRequest) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance autoReply_de(ReplyModel m);
        static native TemplateInstance autoReply_en(ReplyModel m);
        static native TemplateInstance chatReply_de(ReplyModel m);
        static native TemplateInstance chatReply_en(ReplyModel m);
        static native TemplateInstance phoneScript_de(ReplyModel m);
        static native TemplateInstance phoneScript_en(ReplyModel m);
        static native TemplateInstance statusUpdate_de(ReplyModel m);
        static native TemplateInstance statusUpdate_en(ReplyModel m);
        static native TemplateInstance resolution_de(ReplyModel m);
        static native TemplateInstance resolution_en(ReplyModel m);
        static native TemplateInstance correction_de(ReplyModel m);
        static native TemplateInstance correction_en(ReplyModel m);
    }

    private final ReplyConfig config;
    private final ReplyTemplates templates;

    ReplyComposer(ReplyConfig config, ReplyTemplates templates) {
        this.config = config;
        this.templates = templates;
    }

    public String autoReply(String language, String customerName, long ticketId, IncidentNotice notice,
            boolean otherRequest) {
        ReplyModel m = model(language, customerName, ticketId, notice, otherRequest);
        return render("autoReply", language, m,
                german(language) ? Templates.autoReply_de(m) : Templates.autoReply_en(m)) + "\n";
    }

    public String chatReply(String language, String customerName, long ticketId, IncidentNotice notice,
            boolean otherRequest) {
        ReplyModel m = model(language, customerName, ticketId, notice, otherRequest);
        return render("chatReply", language, m, german(language) ? Templates.chatReply_de(m) : Templates.chatReply_en(m));
    }

    public String phoneScript(String language, String customerName, long ticketId, IncidentNotice notice,
            boolean otherRequest) {
        ReplyModel m = model(language, customerName, ticketId, notice, otherRequest);
        return render("phoneScript", language, m,
                german(language) ? Templates.phoneScript_de(m) : Templates.phoneScript_en(m));
    }

    /** A status update, or the resolution notice when the incident is resolved. */
    public String statusUpdate(String language, String customerName, long ticketId, IncidentNotice notice) {
        ReplyModel m = model(language, customerName, ticketId, notice);
        boolean resolved = "RESOLVED".equals(notice.status());
        TemplateInstance builtIn = resolved
                ? (german(language) ? Templates.resolution_de(m) : Templates.resolution_en(m))
                : (german(language) ? Templates.statusUpdate_de(m) : Templates.statusUpdate_en(m));
        return render(resolved ? "resolution" : "statusUpdate", language, m, builtIn) + "\n";
    }

    /** What an agent may send after taking a ticket off an incident whose automatic answer it had received. */
    public String correction(String language, String customerName, long ticketId, IncidentNotice notice) {
        ReplyModel m = model(language, customerName, ticketId, notice);
        return render("correction", language, m,
                german(language) ? Templates.correction_de(m) : Templates.correction_en(m)) + "\n";
    }

    /** An admin's override when there is one (checked when it was saved), else the built-in template. */
    private String render(String name, String language, ReplyModel m, TemplateInstance builtIn) {
        String lang = german(language) ? "de" : "en";
        return templates.override(name, lang).map(t -> t.data("m", m).render()).orElseGet(builtIn::render).strip();
    }

    /** {@code Re: <their subject> [#id]}, without piling up prefixes or tags. */
    public static String replySubject(String theirSubject, long ticketId) {
        String base = Subjects.stripped(theirSubject);
        return (base.isEmpty() ? "Re: [#" + ticketId + "]" : "Re: " + base + " [#" + ticketId + "]");
    }

    /** Subject of a status update mail: the incident's title with the ticket tag, so answers thread. */
    public static String updateSubject(String language, String incidentTitle, long ticketId) {
        String prefix = german(language) ? "Statusmeldung: " : "Status update: ";
        return prefix + incidentTitle + " [#" + ticketId + "]";
    }

    private ReplyModel model(String language, String customerName, long ticketId, IncidentNotice notice) {
        return model(language, customerName, ticketId, notice, false);
    }

    private ReplyModel model(String language, String customerName, long ticketId, IncidentNotice notice,
            boolean otherRequest) {
        return new ReplyModel(
                customerName == null ? "" : customerName.strip(),
                ticketId,
                notice.title(),
                statusLabel(language, notice.status()),
                notice.latestMessage().orElse(""),
                formatTime(language, notice.statusAt()),
                notice.statusPageUrl().orElse(""),
                otherRequest);
    }

    private String formatTime(String language, Instant at) {
        DateTimeFormatter format = german(language)
                ? DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm 'Uhr' (z)", Locale.GERMAN)
                : DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm (z)", Locale.ENGLISH);
        return format.withZone(config.timeZone()).format(at);
    }

    static String statusLabel(String language, String status) {
        boolean de = german(language);
        return switch (status) {
            case "INVESTIGATING" -> de ? "Wir untersuchen die Ursache" : "Investigating";
            case "IDENTIFIED" -> de ? "Ursache gefunden, Behebung läuft" : "Cause identified, fix in progress";
            case "MONITORING" -> de ? "Behoben, wir beobachten die Lage" : "Fixed, monitoring";
            case "RESOLVED" -> de ? "Behoben" : "Resolved";
            default -> status;
        };
    }

    static boolean german(String language) {
        return Optional.ofNullable(language).map(l -> l.toLowerCase(Locale.ROOT).startsWith("de")).orElse(false);
    }
}
