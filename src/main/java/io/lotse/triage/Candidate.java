package io.lotse.triage;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One active incident as the explanation for a ticket: its score and what the reasons say about it.
 *
 * @param subjectElsewhere the subject names services, none of them one the incident names
 * @param reportsTrouble   the ticket reports trouble of the kind the incident is about (outage, error or
 *                         degradation wording, or money taken twice while the incident is about that)
 * @param namesQuotedCause the incident names a cause the customer quotes ("403" while ops report visitors
 *                         blocked with HTTP 403); what the customer did themselves decides nothing
 */
record Candidate(IncidentProfile incident, double score, boolean reportsTrouble, List<Mention> matched, boolean ownMatch,
        boolean foreignIntent, Optional<Long> resemblesUnlinked, Set<String> explained, Set<String> causesNamed,
        boolean namesQuotedCause, boolean subjectElsewhere, String matchLine, String scoreLine,
        Optional<String> otherServiceLine, Optional<String> otherMachineLine) {
}
