package io.lotse.intake.email;

/**
 * A MIME part that is not part of the readable text.
 *
 * @param filename decoded file name, "" when the part has none
 * @param mimeType lower-case media type, e.g. "application/pdf"
 * @param sizeBytes size after transfer decoding
 */
public record Attachment(String filename, String mimeType, long sizeBytes) {
}
