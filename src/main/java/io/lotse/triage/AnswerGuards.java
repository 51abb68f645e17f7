package io.lotse.triage;

import static io.lotse.triage.ReasonText.fmt;
import static io.lotse.triage.ReasonText.labels;
import static io.lotse.triage.ReasonText.time;

import io.lotse.ticket.Subjects;
import io.lotse.triage.index.TriageVocabulary;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The hard guards: conditions outside the score under which a ticket that scores high enough is still
 * only suggested, never answered automatically. They stay out of the score so that each one is auditable:
 * every guard that holds adds its own reason line.
 *
 * <p>Machine-sent mail and a non-outage intent the incident does not name have their reason lines already
 * (the ticket says what it is); here they only count. The others: a cause the customer names that the
 * incident does not, trouble that began before the incident, resemblance to a ticket a person unlinked,
 * another host or cluster than the incident's ("web-a" against "web-c"),
 * and, unless the customer continues an open case, what the words alone must show (a match beyond outage
 * wording, on the incident's own text, a problem report at all) and that no other incident explains
 * the message as well.
 */
final class AnswerGuards {

    /**
     * "Seit gestern" ends at the customer's midnight; an incident that began in the small hours may still
     * be what someone who noticed it late in the evening calls "yesterday".
     */
    static final Duration PROBLEM_START_SLACK = Duration.ofHours(3);
    /**
     * "Seit 8 Uhr" for an incident ops say began at 08:45 is the same trouble noticed early or remembered
     * roughly; "seit 8 Uhr" for one of 10:30 is not.
     */
    static final Duration CLOCK_TIME_SLACK = Duration.ofHours(1);

    private final TriageVocabulary vocabulary;
    private final TriageThresholds thresholds;
    private final ProblemStart problemStart;

    AnswerGuards(TriageVocabulary vocabulary, TriageThresholds thresholds, ZoneId customersZone) {
        this.vocabulary = vocabulary;
        this.thresholds = thresholds;
        this.problemStart = new ProblemStart(customersZone);
    }

    /** True when the answer is held back for a person; the reasons of each guard that holds are added. */
    boolean holdBack(TicketText ticket, TicketTerms terms, Candidate best, Optional<Candidate> runnerUp,
            boolean continuesCase, Set<Long> activeIncidents, List<String> reasons) {
        // An intent the incident itself names ("wegen der Wartung?" while ops declared a maintenance) is the
        // question the incident answers; any other intent keeps the answer for a person.
        boolean held = ticket.machineSent() || best.foreignIntent();
        held |= namesOtherCause(terms, best, reasons);
        held |= beganEarlier(ticket, terms, best, reasons);
        held |= best.resemblesUnlinked().isPresent();
        // "Lt. KIS Paket auf web-a" while the incident is web-c: the reason line is the matcher's.
        held |= best.otherMachineLine().isPresent();
        held |= repliesAboutAnEndedIncident(ticket, activeIncidents, reasons);
        // What the words alone must show; the customer's open case shows it already.
        if (!continuesCase) {
            held |= wordsFallShort(best, reasons);
            held |= otherIncidentAsLikely(terms, best, runnerUp, reasons);
        } else {
            held |= newMatterBesideTheCase(ticket.subject(), best, runnerUp, reasons);
        }
        return held;
    }

    /**
     * "Shop läuft wieder, danke. Jetzt das nächste: die Mails kommen zwei Stunden zu spät an": the customer
     * already has the case's answer; another incident that explains a service this one does not may be
     * what they write about now, so a person looks.
     */
    private boolean newMatterBesideTheCase(String subject, Candidate best, Optional<Candidate> runnerUp, List<String> reasons) {
        // "Jetzt auch phpMyAdmin kaputt?" while the case is about Safari visitors: a new subject (not "AW:")
        // that names only services the case's incident does not is a new matter, perhaps one ops have
        // not declared yet.
        if (best.subjectElsewhere() && !Subjects.isReply(subject)) {
            reasons.add("continues a case of incident " + best.incident().incidentId()
                    + ", but the subject names only other services: perhaps a new matter, an agent looks");
            return true;
        }
        Optional<Candidate> other = runnerUp.filter(o -> o.score() >= thresholds.suggest()
                && !best.explained().containsAll(o.explained()));
        other.ifPresent(o -> reasons.add("also reports " + labels(vocabulary, o.explained()) + ", which incident "
                + o.incident().incidentId() + " (" + fmt(o.score()) + ") names and incident "
                + best.incident().incidentId() + " does not: an agent picks"));
        return other.isPresent();
    }

    /**
     * "Re: Weiterleitungsschleife bei 2 Kundenseiten - beide gehen wieder, danke": a reply to the customer's
     * ticket about an incident that is over speaks of that matter, which no longer competes here; that
     * another incident matches its words is for a person to judge. (While that incident is active, it
     * competes like any other, and the customer's open case continues.)
     */
    private static boolean repliesAboutAnEndedIncident(TicketText ticket, Set<Long> activeIncidents, List<String> reasons) {
        Optional<TicketText.EarlierCase> ended = ticket.repliesTo().filter(t -> !activeIncidents.contains(t.incidentId()));
        ended.ifPresent(t -> reasons.add("replies to ticket " + t.ticketId() + ", which is about incident " + t.incidentId()
                + ", no longer active: an agent decides whether this is about another incident"));
        return ended.isPresent();
    }

    /**
     * What the customer says about the cause: a change of their own, a refusal naming an unknown address
     * or the sender's policy (SPF, DMARC): their setup, not the incident, may be the reason. A cause the
     * incident itself names ("IP auf einer Blocklist") is the incident's, not the customer's.
     */
    private boolean namesOtherCause(TicketTerms terms, Candidate best, List<String> reasons) {
        Optional<Mention> cause = terms.causes().stream()
                .filter(m -> TriageVocabulary.OWN_DOING.contains(m.cause()) || !best.causesNamed().contains(m.cause())).findFirst();
        cause.ifPresent(m -> reasons.add(ReasonText.label(vocabulary, m.cause())
                + " ('" + m.surface() + "'): an agent decides"));
        return cause.isPresent();
    }

    /** A beginning the customer names in a sentence about the trouble, well before the incident. */
    private boolean beganEarlier(TicketText ticket, TicketTerms terms, Candidate best, List<String> reasons) {
        Optional<ProblemStart.Said> began = problemStart.all(terms.text(), ticket.sentAt()).stream()
                .filter(said -> said.when() ? terms.clauseReportsTrouble(said.offset())
                        : terms.sentenceIsAboutTrouble(said.offset()))
                .filter(said -> !terms.clauseSaysNothingChanged(said.offset()))
                // A clock time is held against the start only when ops gave it: a start that is only the
                // declaration ("seit 14:50" for an incident declared at 16:30) says nothing.
                .filter(said -> !said.clockTime() || best.incident().startKnown())
                .filter(said -> ProblemStart.before(said, best.incident().startedAt(),
                        said.clockTime() ? CLOCK_TIME_SLACK : PROBLEM_START_SLACK))
                .min(Comparator.comparing(ProblemStart.Said::notAfter));
        began.ifPresent(said -> reasons.add("the customer's trouble began earlier ('" + said.phrase() + "') than incident "
                + best.incident().incidentId() + " (" + time(best.incident().startedAt()) + "): an agent decides"));
        return began.isPresent();
    }

    private static boolean wordsFallShort(Candidate best, List<String> reasons) {
        boolean fallShort = false;
        if (best.matched().isEmpty()) {
            fallShort = true;
            reasons.add("only outage wording matches: an automatic link needs a matching service or word besides it");
        } else if (!best.ownMatch()) {
            fallShort = true;
            reasons.add("matches only words of tickets linked before, not the incident's own text:"
                    + " an automatic link needs the incident's title, description or updates to match");
        }
        if (!best.reportsTrouble()) {
            fallShort = true;
            reasons.add("the customer reports no problem (no outage, error or degradation wording):"
                    + " an automatic link needs one");
        }
        return fallShort;
    }

    private boolean otherIncidentAsLikely(TicketTerms terms, Candidate best, Optional<Candidate> runnerUp,
            List<String> reasons) {
        if (runnerUp.isEmpty()) {
            return false;
        }
        Candidate other = runnerUp.get();
        boolean held = false;
        // "Ins Kundencenter komme ich nicht rein und die WordPress-Seite zeigt 503": each incident explains
        // one service and would be answered on its own; which one the customer cares about is for a
        // person to ask.
        if (other.score() >= thresholds.autoLink()
                && !best.explained().containsAll(other.explained())
                && !other.explained().containsAll(best.explained())) {
            held = true;
            reasons.add("reports " + labels(vocabulary, best.explained()) + " and " + labels(vocabulary, other.explained())
                    + ": incident " + best.incident().incidentId() + " names the one, incident "
                    + other.incident().incidentId() + " the other: an agent picks the incident");
        }
        if (best.score() - other.score() < thresholds.minMargin()) {
            // The refusal the customer quotes, named by this incident and not by the other, decides between them.
            if (best.namesQuotedCause() && !other.namesQuotedCause()) {
                reasons.add("incident " + best.incident().incidentId() + " names what the customer quotes, incident "
                        + other.incident().incidentId() + " does not: that decides between them");
            } else {
                held = true;
                reasons.add("margin " + fmt(best.score() - other.score()) + " to incident "
                        + other.incident().incidentId() + " is below " + fmt(thresholds.minMargin())
                        + ": an agent picks the incident");
            }
        }
        return held;
    }
}
