package io.lotse.triage;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One active incident as the explanation for a ticket: its score and what the reasons say about it.
 *
 * @param subjectElsewhere the subject names services, none of them one the incident names
 */
record Candidate(IncidentProfile incident, double score, List<Mention> matched, boolean ownMatch,
        boolean foreignIntent, Optional<Long> resemblesUnlinked, Set<String> explained, Set<String> causesNamed,
        boolean subjectElsewhere, String matchLine, String scoreLine, Optional<String> otherServiceLine,
        Optional<String> otherMachineLine) {}
