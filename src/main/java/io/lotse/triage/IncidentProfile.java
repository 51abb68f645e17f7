package io.lotse.triage;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What triage knows about one active incident.
 *
 * @param incidentId the incident's id
 * @param title      the title ops declared; weighs about 3x the text in matching
 * @param text       description, affected components and status-update messages, joined; may be empty
 * @param startedAt  when the incident started; tickets sent before it are not matched to it
 * @param linked     words of tickets already linked to the incident (newest first, each capped in length);
 *                   they vote for similar tickets, confirmed links more than automatic ones
 * @param unlinked   words of tickets a person unlinked from the incident: their words vote against it, and a
 *                   ticket that resembles one of them is not answered automatically
 * @param startKnown ops gave the start, earlier than they declared the incident; otherwise {@code startedAt}
 *                   is only when they declared it, and a customer's "seit 8 Uhr" may well be the same trouble
 * @param components the affected components as ops listed them ("Kundenpanel 2FA-Login"); also part of
 *                   {@code text}, and like the title they say what the incident is about
 */
public record IncidentProfile(long incidentId, String title, String text, Instant startedAt, List<LinkedTicket> linked,
        List<UnlinkedTicket> unlinked, boolean startKnown, List<String> components) {

    /** The customer's words of a ticket a person took away from the incident: a counter-example. */
    public record UnlinkedTicket(long ticketId, String text) {
        public UnlinkedTicket {
            Objects.requireNonNull(text, "text");
        }
    }

    /** The customer's words of one linked ticket; {@code confirmed} when a person made or kept the link. */
    public record LinkedTicket(String text, boolean confirmed) {
        public LinkedTicket {
            Objects.requireNonNull(text, "text");
        }
    }

    public IncidentProfile {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text (use \"\" when there is none)");
        Objects.requireNonNull(startedAt, "startedAt");
        linked = linked == null ? List.of() : List.copyOf(linked);
        unlinked = unlinked == null ? List.of() : List.copyOf(unlinked);
        components = components == null ? List.of() : List.copyOf(components);
    }

    /** An incident whose components are not known apart from its text. */
    public IncidentProfile(long incidentId, String title, String text, Instant startedAt, List<LinkedTicket> linked,
            List<UnlinkedTicket> unlinked, boolean startKnown) {
        this(incidentId, title, text, startedAt, linked, unlinked, startKnown, List.of());
    }

    /** An incident whose start ops did not give separately. */
    public IncidentProfile(long incidentId, String title, String text, Instant startedAt, List<LinkedTicket> linked,
            List<UnlinkedTicket> unlinked) {
        this(incidentId, title, text, startedAt, linked, unlinked, false);
    }

    /** An incident nobody has corrected yet. */
    public IncidentProfile(long incidentId, String title, String text, Instant startedAt, List<LinkedTicket> linked) {
        this(incidentId, title, text, startedAt, linked, List.of());
    }

    /** An incident without linked tickets yet. */
    public IncidentProfile(long incidentId, String title, String text, Instant startedAt) {
        this(incidentId, title, text, startedAt, List.of(), List.of());
    }
}
