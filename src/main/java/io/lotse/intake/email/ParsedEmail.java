package io.lotse.intake.email;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What {@link EmailParser} reads from one raw mail. Strings are never null; absent values are "" or empty.
 *
 * @param messageId Message-ID without angle brackets
 * @param inReplyTo message ids from In-Reply-To, without angle brackets
 * @param references message ids from References, oldest first, without angle brackets
 * @param fromAddress the first From address, lower-case
 * @param fromName the decoded display name of that address
 * @param to the To addresses, lower-case
 * @param cc the Cc addresses, lower-case
 * @param subject decoded subject
 * @param body the readable text: text/plain preferred in multipart/alternative, else text from HTML
 * @param bodyTruncated whether {@code body} was cut at {@link MailLimits#maxTextChars()}
 * @param date the Date header, when it could be read
 * @param attachments parts that are not part of the readable text
 * @param returnPath the Return-Path value as written ("<>" for a null return path), "" when absent
 * @param contentType lower-case media type of the top-level entity, e.g. "multipart/report"
 * @param partTypes lower-case media types of every entity, top level first, in document order
 * @param headers all top-level header fields, decoded
 */
public record ParsedEmail(
        Optional<String> messageId,
        List<String> inReplyTo,
        List<String> references,
        String fromAddress,
        String fromName,
        List<String> to,
        List<String> cc,
        String subject,
        String body,
        boolean bodyTruncated,
        Optional<Instant> date,
        List<Attachment> attachments,
        String returnPath,
        String contentType,
        List<String> partTypes,
        MailHeaders headers) {

    public ParsedEmail {
        inReplyTo = List.copyOf(inReplyTo);
        references = List.copyOf(references);
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        attachments = List.copyOf(attachments);
        partTypes = List.copyOf(partTypes);
    }

    /** Shorthand for {@code headers().first(name)}. */
    public Optional<String> header(String name) {
        return headers.first(name);
    }
}
