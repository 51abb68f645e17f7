package io.lotse.ticket.queue;

import io.lotse.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;

/** {@code GET /api/queue}: what agents work through. */
@Path("/api/queue")
@RolesAllowed({Role.agent, Role.ops, Role.admin})
public class QueueResource {

    public record Queue(List<QueueItem> items) {
    }

    private final QueueService queue;

    QueueResource(QueueService queue) {
        this.queue = queue;
    }

    @GET
    public Queue get() {
        return new Queue(queue.queue());
    }
}
