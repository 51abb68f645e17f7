package io.lotse.triage;

import io.lotse.triage.index.TriageVocabulary;
import io.lotse.triage.index.TriageVocabulary.Concept;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** How reasons name things: incidents by id and short title, words quoted, concepts by their label. */
final class ReasonText {

    /** Words quoted in one reason line; more would not be read in one glance. */
    static final int MAX_WORDS = 6;
    private static final int MAX_TITLE = 60;

    private ReasonText() {
    }

    /** A concept token as its label reads ("asks about an invoice"); any other term as it is. */
    static String label(TriageVocabulary vocabulary, String concept) {
        return vocabulary.concept(concept).map(Concept::label).orElse(concept);
    }

    static String labels(TriageVocabulary vocabulary, Set<String> concepts) {
        return concepts.stream().map(c -> label(vocabulary, c)).collect(Collectors.joining(", "));
    }

    static String name(IncidentProfile incident) {
        String title = incident.title().strip();
        if (title.length() > MAX_TITLE) {
            title = title.substring(0, MAX_TITLE - 1) + "\u2026";
        }
        return incident.incidentId() + " '" + title + "'";
    }

    static String quoted(Collection<String> words) {
        return words.stream().map(w -> "'" + w + "'").collect(Collectors.joining(", "));
    }

    static String fmt(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
