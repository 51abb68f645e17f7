package io.lotse.triage;

import java.util.HashSet;
import java.util.Set;

/**
 * Words of the customer that belong together, with what they mean for triage.
 *
 * @param works the words say something works ("läuft", "is fine"); see {@link TicketTerms#isWorking}
 */
record Mention(String surface, int start, int clause, boolean outage, boolean degradedOnly,
        boolean known, boolean works, String cause, Set<String> services, Set<String> topics, Set<String> intents, Set<String> requests,
        Set<String> contentTerms) {

    /** Anything that can match an incident or shows what else the customer talks about. */
    boolean isContent() {
        return !contentTerms.isEmpty() || !services.isEmpty() || !topics.isEmpty() || !intents.isEmpty()
                || !requests.isEmpty();
    }

    /** The services and topics named: what the customer's words are about. */
    Set<String> objects() {
        Set<String> objects = new HashSet<>(services);
        objects.addAll(topics);
        return objects;
    }
}
