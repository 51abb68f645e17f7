package io.lotse.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CustomerWordsTest {

    @Test
    void germanQuoteHeaderStartsHistory() {
        assertEquals("Immer noch down!", CustomerWords.newWords("""
                Immer noch down!

                Am 04.06.2024 um 14:55 schrieb Lotse Support <support@lotse.example>:
                Wir kümmern uns darum.
                """));
    }

    @Test
    void englishQuoteHeaderStartsHistory() {
        assertEquals("Still down.", CustomerWords.newWords("""
                Still down.

                On Tue, Jun 4, 2024 at 2:55 PM Lotse Support <support@lotse.example> wrote:
                > We are on it.
                """));
    }

    @Test
    void wrappedGmailAttributionIsRecognised() {
        assertEquals("Danke.", CustomerWords.newWords("""
                Danke.

                Am Di., 4. Juni 2024 um 14:55 Uhr schrieb Lotse Support <
                support@lotse.example>:

                Wir kümmern uns darum.
                """));
    }

    @Test
    void quotedLinesAreRemovedAndInterleavedAnswersKept() {
        assertEquals("Ja, seit 14:50.\n\nShop und Mail.", CustomerWords.newWords("""
                Jana Vogt schrieb:
                > Seit wann besteht das Problem?
                Ja, seit 14:50.

                > Welche Dienste?
                Shop und Mail.
                """));
    }

    @Test
    void germanOutlookHeaderBlockStartsHistory() {
        assertEquals("Bitte um Rückruf.", CustomerWords.newWords("""
                Bitte um Rückruf.

                Von: Lotse Support <support@lotse.example>
                Gesendet: Dienstag, 4. Juni 2024 14:55
                An: Jana Vogt <jana@example-shop.de>
                Betreff: AW: Shop down

                Wir kümmern uns darum.
                """));
    }

    @Test
    void lotusNotesHeaderBlockWithoutColonsStartsHistory() {
        assertEquals("Morgen geht nicht.", CustomerWords.newWords("""
                Morgen geht nicht.

                Von: "Lotse Support" <support@lotse.example>
                An jana@example-shop.de
                Datum: Mi., 05.06.2024 09:30
                Betreff Wartungsfenster
                """));
    }

    @Test
    void englishOutlookHeaderBlockAfterRuleStartsHistory() {
        assertEquals("Please call me.", CustomerWords.newWords("""
                Please call me.

                ________________________________
                From: Lotse Support <support@lotse.example>
                Sent: Tuesday, June 4, 2024 2:55 PM
                To: Jana Vogt
                Subject: RE: Shop down
                """));
    }

    @Test
    void originalMessageSeparatorStartsHistory() {
        assertEquals("Neu.", CustomerWords.newWords("Neu.\n\n-----Ursprüngliche Nachricht-----\nAlt.\n"));
        assertEquals("New.", CustomerWords.newWords("New.\n\n-----Original Message-----\nOld.\n"));
    }

    @Test
    void signatureDelimiterEndsNewWords() {
        assertEquals("Shop down.\n\nGruß Jana", CustomerWords.newWords("""
                Shop down.

                Gruß Jana
                --\s
                Jana Vogt | Example Shop GmbH
                Tel. 0341 555 0123
                """));
    }

    @Test
    void mobileSignatureEndsNewWords() {
        assertEquals("Geht wieder nicht", CustomerWords.newWords("Geht wieder nicht\n\nVon meinem iPhone gesendet\n"));
        assertEquals("Down again", CustomerWords.newWords("Down again\n\nSent from my iPhone\n\n> old\n"));
    }

    @Test
    void stripEverythingReturnsOriginalBody() {
        assertEquals("> only a quote", CustomerWords.newWords("  > only a quote\n"));
    }

    @Test
    void ordinaryLinesThatLookLikeHeadersAreKept() {
        String body = "Von: heute an ist der Shop langsam.\nAm besten ruft ihr an.\nDatum: egal.";
        assertEquals(body, CustomerWords.newWords(body));
    }
}
