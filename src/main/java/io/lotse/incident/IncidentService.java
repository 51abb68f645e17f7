package io.lotse.incident;

import io.lotse.platform.Conflict;
import io.lotse.platform.Unprocessable;
import io.lotse.reply.IncidentMessages;
import io.lotse.reply.IncidentNotice;
import io.lotse.reply.LiveNotices;
import io.lotse.ticket.Ticket;
import io.lotse.ticket.TicketStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Declares, updates and resolves incidents; owns their transactions. */
@ApplicationScoped
public class IncidentService implements LiveNotices {

    private final Clock clock;
    private final Event<IncidentChanged> changed;
    private final Event<IncidentDeclared> declared;
    private final IncidentMessages messages;

    IncidentService(Clock clock, Event<IncidentChanged> changed, Event<IncidentDeclared> declared,
            IncidentMessages messages) {
        this.clock = clock;
        this.changed = changed;
        this.declared = declared;
        this.messages = messages;
    }

    public record Declaration(String title, String description, List<String> components, String statusPageUrl,
            Optional<Instant> startedAt) {
    }

    @Transactional
    public IncidentView declare(Declaration d, String user) {
        Instant now = clock.instant();
        Incident incident = new Incident();
        incident.title = d.title().strip();
        incident.description = d.description() == null ? null : d.description().strip();
        incident.components = d.components() == null ? null
                : String.join("\n", d.components().stream().map(String::strip).filter(c -> !c.isEmpty()).toList());
        incident.statusPageUrl = checkedUrl(d.statusPageUrl());
        incident.status = IncidentStatus.INVESTIGATING;
        incident.startedAt = d.startedAt().orElse(now);
        incident.createdBy = user;
        incident.createdAt = now;
        incident.updatedAt = now;
        incident.persist();
        changed.fire(new IncidentChanged(incident.id));
        declared.fire(new IncidentDeclared(incident.id));
        return view(incident);
    }

    @Transactional
    public List<IncidentView> list(Optional<Boolean> active) {
        List<Incident> incidents = active.isEmpty()
                ? Incident.list("order by startedAt desc, id desc")
                : active.get()
                        ? Incident.list("status <> ?1 order by startedAt desc, id desc", IncidentStatus.RESOLVED)
                        : Incident.list("status = ?1 order by startedAt desc, id desc", IncidentStatus.RESOLVED);
        return incidents.stream().map(this::view).toList();
    }

    @Transactional
    public IncidentView get(long id) {
        return view(find(id));
    }

    /** Records a status update; with {@code notifyLinked} every linked requester gets it once. */
    @Transactional
    public IncidentView postUpdate(long id, IncidentStatus status, String message, boolean notifyLinked, String user) {
        Incident incident = Incident.findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (incident == null) {
            throw new IncidentNotFound(id);
        }
        if (!incident.status.active()) {
            throw new Conflict("Incident " + id + " is resolved; declare a new incident instead.");
        }
        Instant now = clock.instant();
        IncidentUpdate update = new IncidentUpdate();
        update.incidentId = id;
        update.status = status;
        update.message = message.strip();
        update.notifyLinked = notifyLinked;
        update.createdBy = user;
        update.createdAt = now;
        update.persist();

        incident.status = status;
        incident.updatedAt = now;
        if (status == IncidentStatus.RESOLVED) {
            incident.resolvedAt = now;
        }
        List<Ticket> linked = Ticket.list("incidentId = ?1 and status = ?2 order by id", id, TicketStatus.OPEN);
        if (notifyLinked) {
            messages.notifyLinked(notice(incident), update.id, linked);
        }
        if (status == IncidentStatus.RESOLVED) {
            solveLinked(linked, now);
        }
        changed.fire(new IncidentChanged(id));
        return view(incident);
    }

    /**
     * The incident is over: its tickets that asked nothing else are solved; the others stay open and join
     * the queue as single tickets, waiting for a human from now on.
     */
    private static void solveLinked(List<Ticket> linked, Instant now) {
        for (Ticket t : linked) {
            if (t.otherRequest) {
                if (t.waitingSince == null) {
                    t.waitingSince = now;
                }
            } else {
                t.status = TicketStatus.SOLVED;
                t.waitingSince = null;
            }
            t.updatedAt = now;
        }
    }

    /** The live state of an incident as customer messages show it; empty for unknown or resolved ones. */
    @Transactional
    public Optional<IncidentNotice> activeNotice(long id) {
        return Incident.<Incident>findByIdOptional(id).filter(i -> i.status.active()).map(IncidentService::notice);
    }

    @Override
    public Optional<IncidentNotice> current(long incidentId) {
        return Incident.<Incident>findByIdOptional(incidentId).map(IncidentService::notice);
    }

    public static IncidentNotice notice(Incident incident) {
        Optional<IncidentUpdate> latest = IncidentUpdate.latest(incident.id);
        return new IncidentNotice(incident.id, incident.title, incident.status.name(),
                latest.map(u -> u.message).or(() -> Optional.ofNullable(incident.description)).filter(s -> !s.isBlank()),
                latest.map(u -> u.createdAt).orElse(incident.startedAt),
                Optional.ofNullable(incident.statusPageUrl));
    }

    @Transactional
    public List<IncidentMessages.UpdateReport> notifications(long id) {
        find(id);
        return messages.report(id);
    }

    Incident find(long id) {
        return Incident.<Incident>findByIdOptional(id).orElseThrow(() -> new IncidentNotFound(id));
    }

    private IncidentView view(Incident i) {
        long linked = Ticket.count("incidentId = ?1 and duplicateOf is null", i.id);
        long open = Ticket.count("incidentId = ?1 and duplicateOf is null and status = ?2", i.id, TicketStatus.OPEN);
        long customers = Ticket.find("select count(distinct t.customer.id) from Ticket t where t.incidentId = ?1", i.id)
                .project(Long.class).firstResult();
        List<IncidentView.UpdateView> updates = IncidentUpdate.ofIncident(i.id).stream()
                .map(u -> new IncidentView.UpdateView(u.id, u.status, u.message, u.notifyLinked, u.createdBy, u.createdAt,
                        u.notifyLinked ? messages.notifiedCount(u.id) : 0))
                .toList();
        return new IncidentView(i.id, i.title, i.description, i.componentList(), i.statusPageUrl, i.status, i.startedAt,
                i.resolvedAt, i.createdAt, i.updatedAt, linked, open, customers, updates);
    }

    private static String checkedUrl(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(url.strip());
            if (uri.getHost() == null || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                throw new Unprocessable("statusPageUrl must be an http(s) URL, not '" + url + "'.");
            }
            return uri.toString();
        } catch (IllegalArgumentException e) {
            throw new Unprocessable("statusPageUrl is not a valid URL: '" + url + "'.");
        }
    }
}
