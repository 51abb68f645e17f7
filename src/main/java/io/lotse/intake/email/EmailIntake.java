package io.lotse.intake.email;

import io.lotse.intake.IntakeOutcome;
import io.lotse.intake.IntakeService;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one way raw e-mail enters Lotse, whoever delivers it (the HTTP intake, the mailbox poller): the
 * bytes are taken apart and go down the common intake path in one transaction.
 */
@ApplicationScoped
public class EmailIntake {

    private final EmailAdapter adapter;
    private final IntakeService intake;

    EmailIntake(EmailAdapter adapter, IntakeService intake) {
        this.adapter = adapter;
        this.intake = intake;
    }

    /** Stores the message and answers as the contract says; the same bytes twice give a duplicate. */
    public IntakeOutcome receive(byte[] raw) {
        return intake.receive(adapter.toInbound(raw));
    }
}
