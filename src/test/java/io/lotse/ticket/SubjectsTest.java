package io.lotse.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SubjectsTest {

    @Test
    void repliesAndForwardsAreRecognisedByTheirPrefix() {
        assertTrue(Subjects.isReply("AW: Webseite down"));
        assertTrue(Subjects.isReply("  re:Webseite down"));
        assertTrue(Subjects.isReply("WG: Rechnung"));
        assertFalse(Subjects.isReply("Webseite down"));
        assertFalse(Subjects.isReply("Rechnung Re-2026-0781"));
        assertFalse(Subjects.isReply(null));
    }

    @Test
    void aThreadIsTheSubjectWithoutPrefixesTagsCaseAndExtraSpaces() {
        assertEquals("Webseite down", Subjects.stripped("AW: Re: Webseite down [#42]"));
        assertEquals("webseite down", Subjects.thread("RE:  Webseite   Down"));
        assertEquals(Subjects.thread("Webseite down"), Subjects.thread("AW: AW: webseite down [#7]"));
        assertEquals("", Subjects.thread("Re: [#42]"));
    }
}
