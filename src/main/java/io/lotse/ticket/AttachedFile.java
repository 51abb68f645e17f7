package io.lotse.ticket;

/** A file that came with an inbound message, as its adapter found it. */
public record AttachedFile(String filename, String mimeType, long sizeBytes) {
}
