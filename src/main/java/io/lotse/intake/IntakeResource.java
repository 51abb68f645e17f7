package io.lotse.intake;

import io.lotse.intake.chat.ChatAdapter;
import io.lotse.intake.chat.ChatMessage;
import io.lotse.intake.chat.ChatTranscript;
import io.lotse.intake.email.EmailIntake;
import io.lotse.intake.phone.PhoneAdapter;
import io.lotse.intake.phone.PhoneNote;
import io.lotse.platform.BadInput;
import io.lotse.platform.PayloadTooLarge;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;

/**
 * The three ways messages come in. Callers authenticate with an intake bearer token (checked before
 * anything is read, see IntakeTokenFilter); every answer is 202 with the ticket and the triage result.
 */
@Path("/api/intake")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class IntakeResource {

    private final IntakeService intake;
    private final EmailIntake email;
    private final IntakeConfig config;
    private final ChatTranscript transcript;
    private final Clock clock;

    IntakeResource(IntakeService intake, EmailIntake email, IntakeConfig config, ChatTranscript transcript, Clock clock) {
        this.transcript = transcript;
        this.intake = intake;
        this.email = email;
        this.config = config;
        this.clock = clock;
    }

    @POST
    @Path("email")
    @Consumes("message/rfc822")
    public Response email(InputStream body) throws IOException {
        long limit = config.maxMessageBytes().asLongValue();
        byte[] raw = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (raw.length > limit) {
            throw new PayloadTooLarge(limit);
        }
        if (raw.length == 0) {
            throw new BadInput("The body is empty; send one raw RFC 5322 message.");
        }
        return accepted(IntakeResponses.Email.of(email.receive(raw, "http")));
    }

    @POST
    @Path("chat")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response chat(@Valid @NotNull ChatMessage message) {
        return accepted(IntakeResponses.Chat.of(intake.receive(ChatAdapter.toInbound(message, clock.instant()))));
    }

    /** The chat widget polls this for what it should show: answers, status updates, agents' replies. */
    @GET
    @Path("chat/{conversationId}/messages")
    public ChatTranscript.Transcript chatMessages(@PathParam("conversationId") String conversationId,
            @QueryParam("after") @DefaultValue("0") @Min(0) long after) {
        return transcript.after(conversationId, after);
    }

    @POST
    @Path("phone")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response phone(@Valid @NotNull PhoneNote note) {
        return accepted(IntakeResponses.Phone.of(intake.receive(PhoneAdapter.toInbound(note, clock.instant()))));
    }

    private static Response accepted(Object body) {
        return Response.status(Response.Status.ACCEPTED).entity(body).build();
    }
}
