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

    /** Outage wording made of this word and a later one ("funktioniert … nicht"). */
    Mention asOutageWith(String later) {
        return new Mention(surface + " … " + later, start, clause, true, false, false, false, cause, services, topics,
                intents, requests, contentTerms);
    }

    /** Outage wording made of an earlier negation and this word ("nicht … angekommen"). */
    Mention asOutageAfter(String negation) {
        return new Mention(negation + " … " + surface, start, clause, true, false, false, false, cause, services, topics,
                intents, requests, contentTerms);
    }

    /** A cause made of this word and a later one of its clause ("Lastschrift … zurückgegangen"). */
    Mention asCauseWith(String later, String concept) {
        return new Mention(surface + " … " + later, start, clause, outage, degradedOnly, known, works, concept, services,
                topics, intents, requests, contentTerms);
    }

    /** Words that name no cause after all ("... angezeigt oder geändert werden": nobody's change). */
    Mention withoutCause() {
        return new Mention(surface, start, clause, outage, degradedOnly, known, works, null, services, topics, intents,
                requests, contentTerms);
    }

    /** What the customer rules out ("kein Netzproblem"): neither evidence nor cause, only intents and requests stay. */
    Mention ruledOut() {
        return new Mention(surface, start, clause, false, false, false, works, null, Set.of(), Set.of(), intents,
                requests, Set.of());
    }

    /** Words that name a cause instead of what they seemed to say (another provider's status page). */
    Mention asCause(String concept) {
        return new Mention(surface, start, clause, false, false, false, works, concept, services, topics, intents,
                requests, contentTerms);
    }

    /** Outage words that report nothing that happened (a question about the future, a condition). */
    Mention withoutOutage() {
        return new Mention(surface, start, clause, false, false, false, works, cause, services, topics, intents,
                requests, contentTerms);
    }

    /** The services and topics named: what the customer's words are about. */
    Set<String> objects() {
        Set<String> objects = new HashSet<>(services);
        objects.addAll(topics);
        return objects;
    }
}
