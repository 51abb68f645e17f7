package io.lotse.intake.phone;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/** A note an agent typed while on the phone (the contract's body of {@code POST /api/intake/phone}). */
public record PhoneNote(
        @NotNull @Valid Caller caller,
        @NotBlank @Size(max = 20000) String note,
        @Size(max = 100) String takenBy,
        OffsetDateTime calledAt) {

    public record Caller(@Size(max = 300) String name, @Size(max = 50) String phone, @Email @Size(max = 320) String email,
            @Size(max = 100) String customerNumber) {
    }
}
