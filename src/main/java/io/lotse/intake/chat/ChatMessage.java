package io.lotse.intake.chat;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/** A chat line as the widget posts it (the contract's body of {@code POST /api/intake/chat}). */
public record ChatMessage(
        @NotBlank @Size(max = 200) String conversationId,
        @Size(max = 200) String messageId,
        @Valid ChatCustomer customer,
        @NotBlank @Size(max = 20000) String text,
        OffsetDateTime sentAt) {

    public record ChatCustomer(@Size(max = 300) String name, @Email @Size(max = 320) String email) {
    }
}
