package io.lotse.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class FollowUpsTest {

    @Test
    void subjectTagIsFoundAnywhereInTheSubject() {
        assertEquals(Optional.of(42L), Subjects.ticketTag("AW: Re: Webseite down [#42] (dringend)"));
        assertEquals(Optional.empty(), Subjects.ticketTag("Rechnung #42"));
    }

    @Test
    void theTagJoinsForTheCustomerAndColleaguesButNotForStrangersOrOtherMailboxUsers() {
        assertTrue(FollowUps.sameSender("Jana@Example-Shop.de", "jana@example-shop.de"));
        assertTrue(FollowUps.sameSender("buchhaltung@example-shop.de", "jana@example-shop.de"));
        assertFalse(FollowUps.sameSender("someone@elsewhere.example", "jana@example-shop.de"));
        assertFalse(FollowUps.sameSender("stranger@gmail.com", "jana.vogt@gmail.com"));
        assertFalse(FollowUps.sameSender("jana@example-shop.de", null));
    }
}
