package io.lotse.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void aQuoteTheCustomerIntroducesIsKept() {
        assertEquals("""
                Einer hat mir die Fehlermeldung weitergeleitet:

                > host mx1.hoster.example said:
                > 552 5.2.2 Mailbox full: user quota exceeded

                Bitte beheben!""", CustomerWords.newWords("""
                Einer hat mir die Fehlermeldung weitergeleitet:

                > host mx1.hoster.example said:
                > 552 5.2.2 Mailbox full: user quota exceeded

                Bitte beheben!

                > Seit wann besteht das Problem?
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
    void closingGreetingWithContactBlockEndsNewWords() {
        assertEquals("Unser Shop ist seit 14:50 nicht erreichbar.", CustomerWords.newWords("""
                Unser Shop ist seit 14:50 nicht erreichbar.

                Mit freundlichen Grüßen
                Sabine Oertel
                Buchhaltung

                Oertel Holzbau GmbH & Co. KG
                Am Sägewerk 4, 04683 Naunhof
                Tel. 034293 5550-12
                """));
        assertEquals("Site is down again.", CustomerWords.newWords("Site is down again.\n\nBest regards,\nJohn Miller\n"
                + "Miller Web Hosting Ltd | +44 20 7946 0018\n"));
    }

    @Test
    void legalFooterEndsNewWords() {
        assertEquals("Bitte Rückruf, der Shop lädt nicht.\n\nJana Vogt\nExample Shop GmbH", CustomerWords.newWords("""
                Bitte Rückruf, der Shop lädt nicht.

                Jana Vogt
                Example Shop GmbH
                Amtsgericht Leipzig HRB 12345 | Geschäftsführer: Jana Vogt
                Diese E-Mail enthält vertrauliche Informationen. Wenn Sie nicht der richtige Adressat sind,
                informieren Sie bitte sofort den Absender und vernichten Sie diese Mail.
                """));
        assertEquals("Still down.", CustomerWords.newWords("Still down.\n\nKind regards\nJohn\n\n"
                + "This e-mail and any attachments are confidential and intended solely for the addressee. If you have"
                + " received it in error, please notify the sender and delete it.\n"));
    }

    @Test
    void greetingFollowedByMoreWordsIsNoSignature() {
        String stillWriting = "Danke!\nGeht aber immer noch nicht, auch nicht nach dem Neustart.\nJana";
        assertEquals(stillWriting, CustomerWords.newWords(stillWriting));
        String postscript = "Shop down.\n\nViele Grüße\nJana\n\nPS: Die Mails gehen auch nicht.";
        assertEquals(postscript, CustomerWords.newWords(postscript));
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

    @Test
    void aForwardedBounceIsReadAForwardedConversationIsHistory() {
        String bounce = CustomerWords.newWords("""
                meine Mail an die Stadtwerke kommt immer zurück, siehe unten.

                ----- Weitergeleitete Nachricht -----
                Von: Mail Delivery System <MAILER-DAEMON@mx01.hoster.example>
                Betreff: Undelivered Mail Returned to Sender

                <bauamt@stadtwerke.example>: host mx.stadtwerke.example said: 552 5.3.4 Message size exceeds fixed limit
                """);
        String conversation = CustomerWords.newWords("""
                Siehe unten, bitte um Rückmeldung.

                ----- Weitergeleitete Nachricht -----
                Von: Jana Vogt <jana@kunde.example>
                Betreff: Angebot

                Der Server ist seit gestern down.
                """);

        assertTrue(bounce.contains("552 5.3.4 Message size exceeds fixed limit"), bounce);
        assertEquals("Siehe unten, bitte um Rückmeldung.", conversation);
    }
}
