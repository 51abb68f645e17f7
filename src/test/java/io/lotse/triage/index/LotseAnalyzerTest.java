package io.lotse.triage.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class LotseAnalyzerTest {

    private static final Analyzer ANALYZER = new LotseAnalyzer();

    @AfterAll
    static void close() {
        ANALYZER.close();
    }

    private static List<String> tokens(String text) {
        return Tokens.tokens(ANALYZER, text);
    }

    @Test
    void germanOutageSentenceKeepsNegationAndGetsConcepts() {
        // "seit" is a stop word; the "seit" below is the stem of the compound part "seite".
        assertEquals(List.of("xweb", "webseit", "seit", "14", "50", "xoutage", "nicht", "erreichbar"),
                tokens("Unsere Webseite ist seit 14:50 nicht erreichbar"));
    }

    @Test
    void wasIstLosMatchesNothingOfDomainsLosenNichtAuf() {
        // Regression: "los" stemmed like "lösen" and linked a database error to a DNS incident's title.
        assertEquals(List.of(), tokens("Was ist da los?"));
    }

    @Test
    void referencesToTheKnownIncidentAndItsEndAreProblemWording() {
        assertTrue(tokens("hab die Meldung auf der Statusseite gesehen").contains("xstatuspage"));
        assertTrue(tokens("any ETA on the kvm thing?").contains("xknown"));
        assertTrue(tokens("vserver wieder da?").contains("xknown"));
        assertTrue(tokens("server is back, thanks").contains("xknown"));
        assertFalse(tokens("Ich komme morgen wieder").contains("xknown"), tokens("Ich komme morgen wieder")::toString);
    }

    @Test
    void certificateErrorsAndBrowserWarningsAreProblemWordingButHttpContentIsNot() {
        assertTrue(tokens("Zertifikatsfehler auf der HP").contains("xfailure"), tokens("Zertifikatsfehler")::toString);
        assertTrue(tokens("Identität des Servers kann nicht überprüft werden").contains("xfailure"));
        assertTrue(tokens("Chrome sagt, die Verbindung ist nicht privat").contains("xdegraded"));
        assertTrue(tokens("Chrome sagt, die Verbindung ist nicht privat").contains("xssl"));
        assertFalse(tokens("Teile dieser Seite sind nicht sicher").contains("xdegraded"));
    }

    @Test
    void signInDelaysAndPortalShorthandHaveConcepts() {
        assertTrue(tokens("Login geht nicht").contains("xlogin"));
        assertTrue(tokens("Anmeldung im Kundencenter").containsAll(List.of("xlogin", "xportal")));
        assertTrue(tokens("Kd. kommt n. ins KC").contains("xportal"));
        assertTrue(tokens("Mails kommen verzögert an").contains("xdegraded"));
        assertFalse(tokens("sorry for the delay").contains("xdegraded"));
    }

    @Test
    void promptsThatComeBackRestartsAndRulesThatDoNotTakeEffectAreProblemWording() {
        assertTrue(tokens("fragt Outlook seit dem Hochfahren ständig nach dem Passwort").contains("xfailure"));
        assertTrue(tokens("Outlook an 3 PCs PW-Abfrage in Schleife").contains("xfailure"));
        assertTrue(tokens("das Passwortfenster kommt immer noch").contains("xfailure"));
        assertTrue(tokens("Django-App wird dauernd neu gestartet").contains("xfailure"));
        assertTrue(tokens("3 Node-Apps im Restart-Loop").contains("xfailure"));
        assertTrue(tokens("Regeln für Ordner greifen nicht").contains("xoutage"));
        assertTrue(tokens("meine Abwesenheitsnotiz geht irgendwie nicht raus").contains("xoutage"));
        assertFalse(tokens("Ich habe das Passwort geändert").contains("xfailure"));
    }

    @Test
    void theCustomersOwnAccessLineAndAFirstAppAreNotTheHostersTrouble() {
        assertTrue(tokens("bei uns im Ort ist seit 7 das Internet weg, Telekom-Störung").contains("xlocal"));
        assertTrue(tokens("Internetausfall im Büro").contains("xlocal"));
        assertTrue(tokens("ich versuche meine erste App bei Ihnen zu deployen").contains("xsetup"));
        assertFalse(tokens("die Website ist weg").contains("xlocal"));
    }

    @Test
    void tunnelsAndDynamicDnsNameTheirLayerNotAWebsite() {
        List<String> tunnel = tokens("Site-to-Site-Tunnel zum Managed Server down");
        assertTrue(tunnel.contains("xnet"), tunnel::toString);
        assertFalse(tunnel.contains("xweb"), tunnel::toString);
        assertTrue(tokens("FritzBox meldet DynDNS-Fehler").contains("xdns"));
        assertTrue(tokens("certbot: DNS problem: NXDOMAIN looking up TXT for _acme-challenge").contains("xssl"));
    }

    @Test
    void anAbsenceOfStaffIsNoOutage() {
        assertFalse(tokens("längerer krankheitsbedingter Personalausfall").contains("xoutage"));
        assertTrue(tokens("Vertretung wegen Ausfall Buchhaltung").contains("xabsence"));
        assertTrue(tokens("unsere Buchhalterin fällt ab morgen krankheitsbedingt aus").contains("xabsence"));
        assertTrue(tokens("Stromausfall im Rechenzentrum").contains("xoutage"));
    }

    @Test
    void whatWorksHasItsOwnConcept() {
        assertTrue(tokens("Website + Mail laufen").contains("xworks"));
        assertFalse(tokens("Website läuft nicht").contains("xworks"));
        assertTrue(tokens("Website läuft nicht").contains("xoutage"));
    }

    @Test
    void anErrorPageAndTheStatusPageAreNoWebsite() {
        assertFalse(tokens("nach dem Login kommt eine Fehlerseite").contains("xweb"), tokens("Fehlerseite")::toString);
        assertFalse(tokens("auf der Statusseite gesehen").contains("xweb"));
        assertTrue(tokens("unsere Webseite").contains("xweb"));
    }

    @Test
    void nothingArrivingAndNotGettingInAreOutageWording() {
        assertTrue(tokens("seit 8 Uhr keine Mails").containsAll(List.of("xoutage", "xmail")));
        assertTrue(tokens("Posteingang leer??").containsAll(List.of("xoutage", "xmail")));
        assertTrue(tokens("komm nicht ins kundencenter").containsAll(List.of("xoutage", "xportal")));
        assertTrue(tokens("I can't log in to the portal").containsAll(List.of("xoutage", "xlogin")));
    }

    @Test
    void aPasswordQuestionNeedsMoreThanTheWord() {
        assertTrue(tokens("Passwort vergessen").contains("xpassword"));
        assertTrue(tokens("Zu viele fehlgeschlagene Versuche").contains("xpassword"));
        assertFalse(tokens("nach Eingabe von Name und Passwort kommt Error 500").contains("xpassword"));
        assertTrue(tokens("Webseite zeigt nur: Briefly unavailable for scheduled maintenance").contains("xdegraded"));
        assertFalse(tokens("Webseite hängt im Wartungsmodus").contains("xmaintenance"));
    }

    @Test
    void invoiceWordStaysItselfAndIsMarkedAsIntent() {
        assertEquals(List.of("xinvoice", "rechnung"), tokens("Rechnung"));
    }

    @Test
    void incidentTitleWithCompoundsYieldsOutageWebAndDataCentre() {
        assertEquals(List.of(
                        "stromausfall", "strom", "ausfall", "xoutage",
                        "xdc", "rechenzentrum",
                        "xweb", "webhosting", "hosting",
                        "xoutage", "nicht", "erreichbar"),
                tokens("Stromausfall im Rechenzentrum: Webhosting nicht erreichbar"));
    }

    @Test
    void englishStormTicketGetsWebAndOutageFromDownAnd503() {
        assertEquals(List.of("xweb", "shop", "xoutage", "down", "3pm", "xoutage", "503", "error"),
                tokens("our shop is down since 3pm, 503 errors"));
    }

    @Test
    void outageWordsMarkAnOutageOnlyAsTheHeadOfACompound() {
        assertTrue(tokens("Stromausfall").contains("xoutage"));
        assertTrue(tokens("Verbindungsabbrüche").contains("xoutage"));
        assertFalse(tokens("Ausfallsicherheit").contains("xoutage"), tokens("Ausfallsicherheit")::toString);
    }

    @Test
    void domainErrorMessagesYieldTheirDomainAndErrorWording() {
        assertTrue(tokens("Could not resolve host").containsAll(List.of("xdns", "xfailure")));
        assertTrue(tokens("Error establishing a database connection").containsAll(List.of("xdb", "xfailure")));
        assertTrue(tokens("Ihre Verbindung ist nicht privat").contains("xssl"));
        assertTrue(tokens("Datensicherung fehlt").containsAll(List.of("xbackup", "xdegraded")));
        assertTrue(tokens("packet loss").containsAll(List.of("xnet", "xdegraded")));
    }

    @Test
    void umlautSpellingsAreOneTerm() {
        assertEquals(tokens("Störung"), tokens("Stoerung"));
        assertEquals(List.of("xoutage", "storung"), tokens("Störung"));
        assertEquals(tokens("Grüße"), tokens("Gruesse"));
    }

    @Test
    void greetingsAndPronounsAreDroppedButNegationsStay() {
        assertEquals(List.of("xoutage", "kein", "zugriff"), tokens("Hallo, ich habe kein Zugriff. Danke, Grüße"));
        // Stemmed like any word ("keine" -> "kein"), but present.
        assertEquals(List.of("nicht", "no", "not", "nev", "kein", "ohn"),
                tokens("nicht no not never keine ohne"));
    }

    @Test
    void multiWordPhrasesMatchAcrossStopWords() {
        assertEquals(List.of("xmail", "mail", "xoutage", "kommt", "nicht"), tokens("Mail kommt nicht an"));
        assertTrue(tokens("I can’t reach my website").contains("xoutage"), "typographic apostrophe");
        assertTrue(tokens("connection timed out").contains("xoutage"));
        assertTrue(tokens("502 Bad Gateway").contains("xoutage"));
    }

    @Test
    void compoundPartsBringTheirConcepts() {
        assertEquals(List.of("xoutage", "verbindungsabbruch", "verbindung", "abbruch"), tokens("Verbindungsabbrüche"));
        assertEquals(List.of("rechenzentrumsausfall", "rechenzentrum", "xdc", "ausfall", "xoutage"),
                tokens("Rechenzentrumsausfall"));
        assertEquals(List.of("xweb", "onlineshop", "shop"), tokens("Onlineshop"));
        assertEquals(List.of("abrechnung", "rechnung", "xinvoice"), tokens("Abrechnung"));
    }

    @Test
    void compoundPartsStackOnTheCompoundsPosition() throws IOException {
        // SynonymGraphFilter cannot consume stacked tokens; the chain splits compounds after it.
        assertEquals(List.of("stromausfall/1", "strom/0", "ausfall/0", "xoutage/0", "xdc/2", "rechenzentrum/0"),
                termsWithIncrements("Stromausfall im Rechenzentrum"));
    }

    @Test
    void conceptTokensAreNeitherSplitNorStemmed() {
        assertEquals(List.of("xserver", "serv"), tokens("Server"));
        assertEquals(List.of("xmail", "postfach"), tokens("Postfach"));
    }

    @Test
    void switchingOffUsesOutageWordsInAnotherSense() {
        List<String> terms = tokens("Können Sie meinen alten Server abschalten / offline nehmen? Danke");
        assertEquals(List.of("alt", "xserver", "serv", "xdecommission", "abschalt", "xdecommission", "offlin", "nehm"),
                terms);
        assertFalse(terms.contains("xoutage"), "the longer phrase 'offline nehmen' wins over 'offline'");
    }

    @Test
    void outOfOfficeTextIsMarked() {
        assertTrue(tokens("Ich bin bis 20.10. nicht im Büro").contains("xautoreply"));
        assertTrue(tokens("I am out of the office until Monday").contains("xautoreply"));
        assertFalse(tokens("Ich war im Urlaub und sehe jetzt erst die Mahnung").contains("xautoreply"),
                "a person who mentions a holiday is no robot");
    }

    @Test
    void aResetNeedsThePasswordToBeAPasswordQuestion() {
        assertFalse(tokens("Ich habe das Plugin zurückgesetzt und den Router reset").contains("xpassword"));
        assertTrue(tokens("Bitte Passwort zurücksetzen").contains("xpassword"));
        assertTrue(tokens("Ich habe mein Passwort vergessen").contains("xpassword"));
    }

    @Test
    void pastedUrlsDoNotLookLikeACertificateProblem() {
        assertFalse(tokens("https://www.beispiel.de").contains("xssl"));
    }

    @Test
    void offsetsPointAtTheCustomersWords() {
        String text = "Shop lädt nicht";
        Tokens.Token outage = Tokens.analyze(ANALYZER, text).stream()
                .filter(t -> t.term().equals("xoutage")).findFirst().orElseThrow();
        assertEquals("lädt nicht", text.substring(outage.startOffset(), outage.endOffset()));
    }

    @Test
    void aTelephoneNumberIsOneNumberNotAnHttpCode() {
        assertEquals(List.of("08761.555.403"), tokens("Tel. 08761 555 403"));
        assertFalse(tokens("Florian Haas, Tel. +49 8761 555 503").contains("xoutage"));
        assertTrue(tokens("Fehler 503 seit 10 Uhr").contains("xoutage"));
        assertTrue(tokens("Fehler 502 503 im Wechsel").contains("xoutage"));
        assertTrue(tokens("seit dem 05.10.2026 um 09:30, IP 203.0.113.45").contains("203.0.113.45"));
        // The joined number changes the text's length; what follows is still found where the customer wrote it.
        String text = "Tel. 030 1234 567\nShop lädt nicht";
        Tokens.Token outage = Tokens.analyze(ANALYZER, text).stream()
                .filter(t -> t.term().equals("xoutage")).findFirst().orElseThrow();
        assertEquals("lädt nicht", text.substring(outage.startOffset(), outage.endOffset()));
    }

    @Test
    void aPortalOfTheCustomersOwnIsNoCustomerPortal() {
        assertTrue(tokens("Login im Kundenportal geht nicht").contains("xportal"));
        assertTrue(tokens("im Geschäftskundenportal").contains("xportal"));
        assertFalse(tokens("unser Mandantenportal lädt nicht").contains("xportal"));
        assertFalse(tokens("das Buchungsportal zeigt einen Fehler").contains("xportal"));
    }

    @Test
    void anErrorThatCouldNotCreateSomethingIsAFailureNotASetupRequest() {
        List<String> error = tokens("Update failed: Could not create directory");
        assertTrue(error.contains("xfailure"), error::toString);
        assertFalse(error.contains("xsetup"), error::toString);
        assertTrue(tokens("Können Sie mir ein Postfach anlegen?").contains("xsetup"));
    }

    @Test
    void rightOneMomentAndWrongTheNextIsDegradation() {
        assertTrue(tokens("Der Shop ist mal da, mal nicht").contains("xdegraded"));
        assertTrue(tokens("Im Backend Bestand mal richtig mal falsch").contains("xdegraded"));
        assertTrue(tokens("seit heute früh stimmt was nicht mit dem Shop").contains("xdegraded"));
        assertFalse(tokens("Stimmt, das war mal da").contains("xdegraded"));
    }

    private static List<String> termsWithIncrements(String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream stream = ANALYZER.tokenStream(Tokens.FIELD, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.add(term + "/" + increment.getPositionIncrement());
            }
            stream.end();
        }
        return out;
    }
}
