package io.lotse.reply;

import io.lotse.security.Role;
import io.lotse.ticket.TicketView;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/** {@code POST /api/tickets/{id}/replies}: an agent answers on the ticket's channel. */
@Path("/api/tickets/{id}/replies")
@RolesAllowed({Role.agent, Role.ops, Role.admin})
public class ReplyResource {

    private final AgentReplies replies;
    private final SecurityIdentity identity;

    ReplyResource(AgentReplies replies, SecurityIdentity identity) {
        this.replies = replies;
        this.identity = identity;
    }

    public record NewReply(@NotBlank @Size(max = 50000) String text) {
    }

    @POST
    public Response reply(@PathParam("id") long id, @Valid @NotNull NewReply body) {
        TicketView.MessageView sent = replies.reply(id, body.text(), identity.getPrincipal().getName());
        return Response.status(201).entity(sent).build();
    }
}
