package io.lotse.intake.email;

import io.lotse.intake.InboundMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a delivery failure report about one of our own messages. Bounces quote the failed message
 * (RFC 3464 puts it, or its headers, into the report), so our Message-ID, which names its ticket, is in
 * the raw bytes; the diagnostic line says why it failed.
 */
final class BounceReports {

    /** Most telling first: the remote server's own words, then the status code. */
    private static final List<Pattern> DIAGNOSTICS = List.of(
            Pattern.compile("(?im)^Diagnostic-Code:\\s*(.+)$"),
            Pattern.compile("(?im)^X-Postfix-Reason:\\s*(.+)$"),
            Pattern.compile("(?im)^Status:\\s*(.+)$"));

    private final Pattern ourId;

    BounceReports(String messageIdDomain) {
        this.ourId = Pattern.compile("lotse\\.[0-9a-f]{8,64}\\.t\\d{1,18}@" + Pattern.quote(messageIdDomain),
                Pattern.CASE_INSENSITIVE);
    }

    Optional<InboundMessage.Bounce> ofOurMail(ParsedEmail mail, byte[] raw) {
        if (!looksLikeBounce(mail)) {
            return Optional.empty();
        }
        // ISO-8859-1 maps every byte to one char: the ASCII id is found wherever the report put it.
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        Matcher id = ourId.matcher(text);
        if (!id.find()) {
            return Optional.empty();
        }
        String diagnostic = DIAGNOSTICS.stream()
                .map(p -> p.matcher(text))
                .filter(Matcher::find)
                .map(m -> m.group(1).strip())
                .findFirst()
                .orElse(mail.subject());
        return Optional.of(new InboundMessage.Bounce(id.group(),
                diagnostic.length() > 500 ? diagnostic.substring(0, 500) : diagnostic));
    }

    private static boolean looksLikeBounce(ParsedEmail mail) {
        String from = mail.fromAddress();
        return mail.partTypes().contains("message/delivery-status")
                || mail.contentType().equals("multipart/report")
                || from.startsWith("mailer-daemon@") || from.startsWith("postmaster@")
                || mail.returnPath().equals("<>");
    }
}
