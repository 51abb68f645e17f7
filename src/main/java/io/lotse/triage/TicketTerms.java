package io.lotse.triage;

import io.lotse.triage.index.TriageVocabulary;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ticket's words grouped into {@link Mention}s, with what they add up to: whether the customer reports
 * trouble, which services are affected, what they ask besides, and what they name as the cause.
 */
final class TicketTerms {
    private final List<Mention> mentions;
    private final Set<Integer> affectedClauses = new HashSet<>();
    private final Set<String> affectedServices = new TreeSet<>();
    private final List<String> serviceSurfaces = new ArrayList<>();
    private final Map<String, Set<String>> intentSurfaces = new LinkedHashMap<>();
    private final Map<String, Set<String>> requestSurfaces = new LinkedHashMap<>();
    private final boolean outage;
    private final boolean degraded;
    private final TriageVocabulary vocabulary;
    private final String text;

    private final Set<String> subjectServices = new TreeSet<>();
    private final Set<String> failingServices = new TreeSet<>();

    /**
     * Sentence ends for {@link #sentenceIsAboutTrouble}: ! ? line ends, and a period before a space
     * unless it ends an abbreviation of one to three letters ("Kd.", "n. erreichb.") or a number
     * ("seit dem 5. September").
     */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<!\\b\\p{L}{1,3}|\\p{N})\\.+(?=\\s)|[!?]+|\\R");

    TicketTerms(String text, List<Mention> mentions, int subjectEnd, TriageVocabulary vocabulary) {
        this.text = text;
        this.mentions = List.copyOf(mentions);
        this.vocabulary = vocabulary;
        mentions.stream().filter(m -> m.start() < subjectEnd).forEach(m -> subjectServices.addAll(m.services()));
        mentions.stream().filter(Mention::outage).forEach(m -> failingServices.addAll(m.services()));
        boolean anyOutage = false;
        boolean anyDegraded = false;
        Set<Integer> outageClauses = new HashSet<>();
        for (Mention m : mentions) {
            if (m.outage()) {
                if (m.degradedOnly()) {
                    anyDegraded = true;
                } else {
                    anyOutage = true;
                }
                outageClauses.add(m.clause());
            }
            for (String intent : m.intents()) {
                intentSurfaces.computeIfAbsent(intent, i -> new LinkedHashSet<>()).add(m.surface());
            }
            for (String request : m.requests()) {
                requestSurfaces.computeIfAbsent(request, r -> new LinkedHashSet<>()).add(m.surface());
            }
        }
        this.outage = anyOutage;
        this.degraded = anyDegraded;
        // The services "affected" are those named in a clause with outage wording; when no clause
        // has both (or there is no outage wording), every named service counts.
        boolean objectNearOutage = mentions.stream()
                .anyMatch(m -> !m.objects().isEmpty() && outageClauses.contains(m.clause()));
        for (Mention m : mentions) {
            if (!objectNearOutage || outageClauses.contains(m.clause())) {
                affectedClauses.add(m.clause());
                if (!m.services().isEmpty()) {
                    affectedServices.addAll(m.services());
                    if (!serviceSurfaces.contains(m.surface())) {
                        serviceSurfaces.add(m.surface());
                    }
                }
            }
        }
    }

    /** The subject and the text, as analysed. */
    String text() {
        return text;
    }

    /**
     * Whether the sentence around {@code offset} is about the trouble: it has outage, error or degradation
     * wording, or names a service ("Mails an X kommen seit gestern zurück"). "Seit Wochen" in "der
     * Vorverkauf ist seit Wochen beworben" says nothing about when a problem began.
     */
    boolean sentenceIsAboutTrouble(int offset) {
        int from = 0;
        int to = text.length();
        Matcher end = SENTENCE_END.matcher(text);
        while (end.find()) {
            if (end.end() <= offset) {
                from = end.end();
            } else {
                to = end.start();
                break;
            }
        }
        int start = from;
        int stop = to;
        return mentions.stream().anyMatch(m -> (m.outage() || !m.services().isEmpty()) && m.start() >= start && m.start() < stop);
    }

    /** Services named by the failure wording itself ("could not resolve", "database error"). */
    Set<String> failingServices() {
        return failingServices;
    }

    /** Services the subject line names: what the customer writes about first. */
    Set<String> subjectServices() {
        return subjectServices;
    }

    boolean isAffected(Mention mention) {
        return affectedClauses.contains(mention.clause());
    }

    Set<String> affectedServices() {
        return affectedServices;
    }

    List<Mention> mentions() {
        return mentions;
    }

    boolean hasOutage() {
        return outage;
    }

    boolean hasDegraded() {
        return degraded;
    }

    /** What the customer says may be the cause (a change of their own, a refusal by policy). */
    List<Mention> causes() {
        return mentions.stream().filter(m -> m.cause() != null).toList();
    }

    Set<String> intents() {
        return intentSurfaces.keySet();
    }

    List<String> serviceSurfaces() {
        return serviceSurfaces.stream().limit(ReasonText.MAX_WORDS).toList();
    }

    boolean hasIntent() {
        return !intentSurfaces.isEmpty();
    }

    /** "asks about maintenance ('wartung'): never answered automatically" */
    List<String> intentLines(boolean foreign) {
        String consequence = foreign ? ": never answered automatically" : ": what the incident itself is about";
        return lines(intentSurfaces, consequence);
    }

    /** Labels of the side requests: "asks about an invoice". */
    List<String> requests() {
        return requestSurfaces.keySet().stream()
                .map(r -> ReasonText.label(vocabulary, r)).toList();
    }

    /** "asks about an invoice ('rechnung'): a person answers that" */
    List<String> requestLines() {
        return lines(requestSurfaces, ": a person answers that");
    }

    private List<String> lines(Map<String, Set<String>> surfaces, String consequence) {
        return surfaces.entrySet().stream()
                .map(e -> ReasonText.label(vocabulary, e.getKey())
                        + " (" + ReasonText.quoted(e.getValue().stream().limit(3).toList()) + ")" + consequence)
                .toList();
    }
}
