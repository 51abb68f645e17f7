package io.lotse.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotse.triage.index.LotseAnalyzer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.junit.jupiter.api.Test;

class IncidentMatcherTest {

    static final Instant START = Instant.parse("2025-11-03T14:45:00Z");
    static final Instant LATER = START.plus(Duration.ofMinutes(25));

    static final IncidentProfile WEB = new IncidentProfile(4,
            "Stromausfall im Rechenzentrum: Webhosting nicht erreichbar", "", START);
    static final IncidentProfile MAIL = new IncidentProfile(7,
            "E-Mail-Empfang gestört: Mails kommen verzögert oder gar nicht an",
            "Betroffen: IMAP und SMTP auf mx2. Wir arbeiten an der Behebung.", START.minus(Duration.ofHours(2)));

    static final TriageThresholds THRESHOLDS = TriageThresholds.defaults();
    final IncidentMatcher matcher = new IncidentMatcher(new LotseAnalyzer(), TermRarity.uniform(), THRESHOLDS);

    static TicketText ticket(String text) {
        return new TicketText("", text, LATER, false);
    }

    TriageDecision decide(String text, IncidentProfile... incidents) {
        return matcher.decide(ticket(text), List.of(incidents));
    }

    static void assertReasonMentions(TriageDecision decision, String fragment) {
        assertTrue(decision.reasons().stream().anyMatch(r -> r.contains(fragment)),
                () -> "no reason contains '" + fragment + "': " + decision.reasons());
    }

    /** Not answered automatically, and the reasons say why. */
    static void assertLeftToAnAgent(TriageDecision decision, String reasonFragment) {
        assertNotEquals(Decision.AUTO_LINKED, decision.decision(), decision.reasons()::toString);
        assertReasonMentions(decision, reasonFragment);
    }

    @Test
    void germanWebsiteNotReachableIsAutoLinkedToTitleOnlyIncident() {
        TriageDecision decision = decide("Unsere Webseite ist seit 14:50 nicht erreichbar", WEB);

        assertEquals(Decision.AUTO_LINKED, decision.decision(), decision.reasons()::toString);
        assertEquals(Optional.of(4L), decision.incidentId());
        assertTrue(decision.score() >= THRESHOLDS.autoLink(), () -> "score " + decision.score());
        assertEquals("matches incident 4 'Stromausfall im Rechenzentrum: Webhosting nicht erreichbar': "
                + "'webseite', 'nicht erreichbar'", decision.reasons().get(0));
    }

    @Test
    void anIncidentTitledByItsLayerIsKnownByTheSymptomsItsTextNames() {
        IncidentProfile nameServers = new IncidentProfile(21, "Störung der Nameserver ns1/ns2",
                "Domains werden nicht aufgelöst: Websites und E-Mail-Postfächer sind nicht erreichbar.", START);
        IncidentProfile webmail = new IncidentProfile(22, "Webmail-Anmeldung gestört",
                "Die Anmeldung im Webmail schlägt fehl; Websites zeigen zeitweise Fehler.", START);
        String report = "Unser Shop ist nicht erreichbar, die Webseite lädt nicht mehr";

        TriageDecision symptom = decide(report, nameServers);
        TriageDecision aside = decide(report, webmail);

        assertEquals(Decision.AUTO_LINKED, symptom.decision(), symptom.reasons()::toString);
        assertNotEquals(Decision.AUTO_LINKED, aside.decision(), aside.reasons()::toString);
    }

    static final IncidentProfile WEB_AND_MAIL_BY_IPV6 = new IncidentProfile(31,
            "Server und Webhosting per IPv6 nicht erreichbar",
            "Websites laden für IPv6-Nutzer nicht, E-Mails werden verzögert zugestellt.", START);

    @Test
    void whatTheCustomerSaysWorksIsNotWhatTheyReport() {
        TriageDecision decision = decide("Kd. kommt nicht ins Panel: nach Login weiße Seite. Website + Mail laufen.",
                WEB_AND_MAIL_BY_IPV6);

        assertLeftToAnAgent(decision, "says e-mail, website work ('website', 'mail')");
    }

    @Test
    void worksWordingWithANegationOrAsAQuestionSaysNothingWorks() {
        TriageDecision negated = decide("Unsere Webseite funktioniert seit einer halben Stunde nicht, keine Chance", WEB);
        TriageDecision asked = decide("Läuft die Webseite bei euch? Bei mir ist sie nicht erreichbar", WEB);

        assertEquals(Decision.AUTO_LINKED, negated.decision(), negated.reasons()::toString);
        assertEquals(Decision.AUTO_LINKED, asked.decision(), asked.reasons()::toString);
        assertTrue(negated.reasons().stream().noneMatch(r -> r.startsWith("says ")), negated.reasons()::toString);
        assertTrue(asked.reasons().stream().noneMatch(r -> r.startsWith("says ")), asked.reasons()::toString);
    }

    @Test
    void mailThatDoesNotArriveIsReportedWithTheNegationInFront() {
        TriageDecision subordinate = decide("Kunden sagen, dass ihre Mails seit heute Mittag nicht bei uns ankommen", MAIL);
        TriageDecision between = decide("Die Testmail an mich selbst ist nicht im Posteingang angekommen", MAIL);

        assertReasonMentions(subordinate, "'nicht … ankommen'");
        assertReasonMentions(between, "'nicht … angekommen'");
        assertReasonMentions(subordinate, "outage wording 0.30");
    }

    @Test
    void nothingReceivedIsReportedWithANegatingDeterminerInFront() {
        TriageDecision confirmation = decide("Seit heute Mittag hat keine Kundin eine Bestellbestätigung bekommen", MAIL);
        TriageDecision nobody = decide("Unsere Rundmail ist bei keinem Mitglied angekommen", MAIL);
        TriageDecision office = decide("Nobody in our office has received a single email since noon", MAIL);

        assertReasonMentions(confirmation, "'keine … bekommen'");
        assertReasonMentions(nobody, "'keinem … angekommen'");
        assertEquals(Decision.AUTO_LINKED, nobody.decision(), nobody.reasons()::toString);
        assertReasonMentions(office, "'nobody … received'");
    }

    @Test
    void noInformationReceivedIsAComplaintAboutBeingToldNotAMailThatFailed() {
        TriageDecision told = decide("Der Preis ist gestiegen? Wir haben dazu keine Information bekommen.", MAIL);

        assertReasonMentions(told, "outage wording 0.00");
    }

    @Test
    void anApplicationsErrorPageIsErrorWordingAndItsServerNoServerTheCustomerReports() {
        IncidentProfile webmail = new IncidentProfile(64, "Webmail: Anmeldung gestört", "Nach dem Login erscheint ein Fehler.", START);
        IncidentProfile cloud = new IncidentProfile(65, "Managed Cloud gestört", "Sync-Clients und Uploads schlagen fehl.", START);

        TriageDecision roundcube = decide("Webmail: nach dem Login kommt nur 500 Internal Server Error", webmail);
        TriageDecision sync = decide("der sync client meldet bei jedem upload 'Server replied 503 Service Unavailable'", cloud);
        TriageDecision ownRules = decide("ich wollte heute früh in der .htaccess eine Weiterleitung einbauen, seitdem kommt auf"
                + " der Webseite nur noch 500 Internal Server Error", WEB);

        assertEquals(Decision.AUTO_LINKED, roundcube.decision(), roundcube.reasons()::toString);
        assertTrue(sync.reasons().stream().noneMatch(r -> r.contains("reports server")), sync.reasons()::toString);
        assertLeftToAnAgent(ownRules, "change of their own");
    }

    @Test
    void sshClientsRefusalsAreErrorWording() {
        IncidentProfile ssh = new IncidentProfile(61, "SSH/SFTP-Zugang gestört", "Anmeldung per SSH und SFTP schlägt fehl.", START);

        TriageDecision putty = decide("putty: Server refused our key. seit heute. bitte um hilfe", ssh);
        TriageDecision negotiation = decide("FileZilla SFTP, every upload: 'Error: Couldn't agree a host key algorithm'", ssh);

        assertEquals(Decision.AUTO_LINKED, putty.decision(), putty.reasons()::toString);
        assertEquals(Decision.AUTO_LINKED, negotiation.decision(), negotiation.reasons()::toString);
    }

    @Test
    void aFullDiskAndAProspectsQuestionKeepTheAnswerForAnAgent() {
        IncidentProfile sftp = new IncidentProfile(62, "SFTP-Uploads schlagen fehl", "Uploads per SFTP brechen ab.", START);
        IncidentProfile cloud = new IncidentProfile(63, "Business Cloud gestört", "Die Business Cloud ist nicht erreichbar.", START);

        TriageDecision full = decide("winscp: hochladen schlägt fehl, Fehlercode 4. im panel steht speicherplatz 100% belegt", sftp);
        TriageDecision prospect = decide("we're evaluating your Business Cloud. Before we sign up: how are outages of the cloud"
                + " compensated?", cloud);

        assertLeftToAnAgent(full, "full mailbox or storage");
        assertNotEquals(Decision.AUTO_LINKED, prospect.decision(), prospect.reasons()::toString);
        assertReasonMentions(prospect, "prospective customer");
    }

    @Test
    void anotherProvidersStatusPageNamesACauseElsewhere() {
        TriageDecision hyphen = decide("Unser Shop ist seit 14:50 nicht erreichbar. Auf der Klarna-Statusseite steht"
                + " 'Degraded performance'.", WEB);
        TriageDecision behind = decide("unser shop ist nicht erreichbar, auf der statusseite von paypal steht auch was"
                + " von störung", WEB);
        TriageDecision ours = decide("Unser Shop ist nicht erreichbar, auf der Statusseite von heute steht etwas von"
                + " Stromausfall", WEB);
        TriageDecision inFront = decide("checkout hängt bei paypal, shop nicht erreichbar. paypal statusseite sagt teilweiser"
                + " ausfall", WEB);
        TriageDecision yours = decide("Unser Shop ist nicht erreichbar, laut statusseite ein Stromausfall?", WEB);

        assertLeftToAnAgent(hyphen, "names another provider");
        assertLeftToAnAgent(behind, "names another provider");
        assertLeftToAnAgent(inFront, "names another provider");
        assertEquals(Decision.AUTO_LINKED, yours.decision(), yours.reasons()::toString);
        assertEquals(Decision.AUTO_LINKED, ours.decision(), ours.reasons()::toString);
    }

    @Test
    void anAgentWhoSentTheCustomerToAnotherCompanyLeavesTheAnswerToAPerson() {
        IncidentProfile mailCert = new IncidentProfile(64, "Mailserver: abgelaufenes TLS-Zertifikat auf IMAP/SMTP",
                "Mailprogramme zeigen Zertifikatswarnungen.", START);
        String warning = "Kd. meldet SSL-Warnung in Outlook beim Mailabruf.";

        TriageDecision referred = decide(warning + " Kd. an Mailanbieter verwiesen.", mailCert);
        TriageDecision statusPage = decide(warning + " Auf Statusseite verwiesen.", mailCert);
        TriageDecision inHouse = decide(warning + " Wegen Gutschrift an Buchhaltung verwiesen.", mailCert);

        assertLeftToAnAgent(referred, "names another provider");
        assertEquals(Decision.AUTO_LINKED, statusPage.decision(), statusPage.reasons()::toString);
        assertEquals(Decision.AUTO_LINKED, inHouse.decision(), inHouse.reasons()::toString);
    }

    @Test
    void whatAnAgentsCheckFoundIsACauseUnlessItIsTheIncident() {
        IncidentProfile ssh = new IncidentProfile(67, "SSH/SFTP: Schlüssel-Login abgelehnt", "Anmeldung per SSH schlägt fehl.", START);

        TriageDecision found = decide("Kd. SSH mit Key: Permission denied (publickey). Geprüft: Key nie hochgeladen."
                + " Upload erklärt.", ssh);
        TriageDecision incident = decide("Kd. SSH mit Key: Permission denied (publickey). Im Panel geprüft: Key hinterlegt,"
                + " alles korrekt. Auf Störung hingewiesen.", ssh);

        TriageDecision customers = decide("SSH mit Key: Permission denied (publickey). Unsere IT hat geprüft: Key ist"
                + " hinterlegt, alles korrekt.", ssh);

        assertLeftToAnAgent(found, "what an agent's check found");
        assertEquals(Decision.AUTO_LINKED, incident.decision(), incident.reasons()::toString);
        assertEquals(Decision.AUTO_LINKED, customers.decision(), customers.reasons()::toString);
    }

    @Test
    void aNoteThatEndsWithTheMatterSettledInTheCallIsAnAgentsFindingUnlessItNamesTheIncident() {
        IncidentProfile attachments = new IncidentProfile(70, "Webmail: Anhänge lassen sich nicht öffnen",
                "Anhänge in E-Mails werden im Webmail nicht angezeigt.", START);
        String report = "Kd. bekommt Mails mit Anhang, Anhang lässt sich nicht öffnen, geht nicht.";

        TriageDecision settled = decide(report + " Erklärt: Absender soll auf PDF umstellen. Kd. zufrieden.", attachments);
        TriageDecision done = decide(report + " Mit Kd. die Einstellungen durchgegangen. Erledigt.", attachments);
        TriageDecision incident = decide(report + " Auf Störung hingewiesen, Kd. zufrieden.", attachments);

        assertLeftToAnAgent(settled, "what an agent's check found");
        assertLeftToAnAgent(done, "what an agent's check found");
        assertEquals(Decision.AUTO_LINKED, incident.decision(), incident.reasons()::toString);
    }

    @Test
    void causesOfTheCustomersOwnKeepTheAnswerEvenWhenTheIncidentSoundsAlike() {
        IncidentProfile portalMail = new IncidentProfile(68, "Kundenportal: Systemmails (Passwort-Reset, 2FA-Codes) werden"
                + " nicht versendet", "Das Kundenportal versendet keine 2FA-Codes per E-Mail.", START);
        IncidentProfile dnssec = new IncidentProfile(69, "DNSSEC-Validierungsfehler: Domains nicht erreichbar",
                "Websites und Mail der Domains sind über validierende Resolver nicht erreichbar.", START);

        TriageDecision lostPhone = decide("Kd. hat Handy verloren (inkl. Authenticator-App), kommt nicht ins Kundenportal,"
                + " der 2FA-Code kommt nicht.", portalMail);
        TriageDecision phishing = decide("Unsere Domain ist nicht erreichbar, und wir haben eine Mail bekommen, wir sollen"
                + " für die DNS-Verifizierung bezahlen. Kommt das von Ihnen?", dnssec);
        TriageDecision moved = decide("wir haben gestern abend die domain zu euch umgezogen. im büro ist die domain nicht"
                + " erreichbar, dns-fehler", dnssec);
        IncidentProfile webmail = new IncidentProfile(70, "Webmail: Anmeldung fehlgeschlagen", "Die Anmeldung im Webmail"
                + " schlägt fehl.", START);
        TriageDecision cancelled = decide("Webmail geht nicht mehr, Anmeldung fehlgeschlagen. Wir haben den Vertrag zum"
                + " 30.09. gekündigt.", webmail);

        assertLeftToAnAgent(lostPhone, "lost the phone");
        assertLeftToAnAgent(phishing, "phishing");
        assertLeftToAnAgent(moved, "change of their own");
        assertLeftToAnAgent(cancelled, "cancelled");
    }

    @Test
    void aWorryAfterOhneDassReportsNothing() {
        IncidentProfile ftp = new IncidentProfile(65, "FTP-Datenverbindungen schlagen fehl", "Uploads per FTP brechen ab.", START);

        TriageDecision worry = decide("kann ich die dateien vorher schon per ftp hochladen ohne dass die alte seite kaputt geht?", ftp);
        TriageDecision report = decide("per ftp hochladen geht nicht, das ftp ist kaputt", ftp);

        assertNotEquals(Decision.AUTO_LINKED, worry.decision(), worry.reasons()::toString);
        assertReasonMentions(worry, "outage wording 0.00");
        assertEquals(Decision.AUTO_LINKED, report.decision(), report.reasons()::toString);
    }

    @Test
    void aFileTransferIsNoDomainTransfer() {
        IncidentProfile ftp = new IncidentProfile(66, "FTP-Datenverbindungen schlagen fehl", "Uploads per FTP brechen ab.", START);

        TriageDecision files = decide("we can log in, but every directory listing or file transfer just times out", ftp);

        assertEquals(Decision.AUTO_LINKED, files.decision(), files.reasons()::toString);
    }

    @Test
    void aClockTimeWellBeforeTheStartOpsGaveKeepsTheAnswerForAnAgent() {
        // LATER is 16:10 in Berlin; ops say the incident began at 15:45 and declared it later.
        IncidentProfile given = new IncidentProfile(51, WEB.title(), "", START, List.of(), List.of(), true);
        IncidentProfile declaredOnly = new IncidentProfile(52, WEB.title(), "", START, List.of(), List.of(), false);
        String early = "Unsere Webseite ist seit 13 Uhr nicht erreichbar";

        TriageDecision known = decide(early, given);
        TriageDecision unknown = decide(early, declaredOnly);
        TriageDecision close = decide("Unsere Webseite ist seit 15:30 nicht erreichbar", given);

        assertLeftToAnAgent(known, "began earlier ('seit 13 Uhr')");
        assertEquals(Decision.AUTO_LINKED, unknown.decision(), unknown.reasons()::toString);
        assertEquals(Decision.AUTO_LINKED, close.decision(), close.reasons()::toString);
    }

    @Test
    void outageWordsAfterAConditionReportNothing() {
        TriageDecision decision = decide("Wir möchten einen Backup-MX, damit nichts verloren geht, falls unser Webhosting "
                + "einmal ausfällt.", WEB);

        assertNotEquals(Decision.AUTO_LINKED, decision.decision(), decision.reasons()::toString);
    }

    @Test
    void whatOpsSayIsNotAffectedCountsAgainstTheIncident() {
        IncidentProfile host = new IncidentProfile(41, "Ausfall Host-Node kvm-17: vServer nicht erreichbar",
                "Alle vServer auf dem Host sind nicht erreichbar. Nicht betroffen: Dedicated Server, Webhosting.", START);

        TriageDecision dedicated = decide("Unser Dedicated Server ist nicht erreichbar, Platte defekt", host);
        TriageDecision virtual = decide("Unser vServer ist nicht erreichbar, kein SSH", host);

        assertLeftToAnAgent(dedicated, "reports 'dedicated server', which incident 41 says is not affected");
        assertEquals(Decision.AUTO_LINKED, virtual.decision(), virtual.reasons()::toString);
    }

    @Test
    void aSegmentOfAPathIsNoServiceThatOpsSaidIsNotAffected() {
        IncidentProfile api = new IncidentProfile(42, "DNS-API: automatisierte Aktualisierungen schlagen fehl",
                "Aufrufe der DNS-API laufen in Timeouts oder liefern HTTP 500. Nicht betroffen: die Namensauflösung"
                        + " bestehender Zonen.", START);

        TriageDecision endpoint = decide("Unser Provisionierungs-Skript bricht ab: POST auf /v2/dns/zones/kunde.example/records"
                + " liefert HTTP 500, DNS-API down?", api);

        assertTrue(endpoint.reasons().stream().noneMatch(r -> r.contains("says is not affected")), endpoint.reasons()::toString);
    }

    static final IncidentProfile BACKUP_MAINTENANCE = new IncidentProfile(9,
            "Wartungsarbeiten am Backup-System: Backups verzögert",
            "Wegen Wartungsarbeiten werden die täglichen Sicherungen verzögert erstellt.", START);
    static final IncidentProfile PACKET_LOSS = new IncidentProfile(11,
            "Paketverluste am Internetknoten: sporadische Verbindungsprobleme",
            "Webseiten laden zeitweise langsam oder gar nicht.", START);

    @Test
    void askingWhetherItIsTheDeclaredMaintenanceIsAnsweredAutomatically() {
        TriageDecision decision = decide("Das Backup von heute Nacht fehlt, ist das wegen der Wartung?", BACKUP_MAINTENANCE);

        assertEquals(Decision.AUTO_LINKED, decision.decision(), decision.reasons()::toString);
        assertReasonMentions(decision, "asks about maintenance ('wartung'): what the incident itself is about");
    }

    @Test
    void askingHowToSetUpAMaintenanceModeIsNotAnsweredDuringAMaintenance() {
        TriageDecision decision = decide("wie stell ich den wartungsmodus bei wordpress ein? seite soll offline sein",
                BACKUP_MAINTENANCE);

        assertLeftToAnAgent(decision, "asks to set something up");
    }

    @Test
    void slownessIsAFullProblemReportForAnIncidentAboutSlowness() {
        TriageDecision slow = decide("Unsere Webseite lädt zeitweise sehr langsam", PACKET_LOSS);
        TriageDecision elsewhere = decide("Unsere Webseite lädt zeitweise sehr langsam", WEB);

        assertReasonMentions(slow, "outage wording 0.30");
        assertReasonMentions(elsewhere, "outage wording 0.21");
    }

    @Test
    void ticketLikeOneAPersonUnlinkedIsNotAnsweredAutomaticallyButOthersStillAre() {
        String vereinsSeite = "Die Webseite vom Kleingartenverein Sonnenhang ist nicht erreichbar";
        IncidentProfile corrected = new IncidentProfile(4, WEB.title(), WEB.text(), START, List.of(),
                List.of(new IncidentProfile.UnlinkedTicket(77,
                        "Webseite Kleingartenverein\nDie Webseite vom Kleingartenverein Sonnenhang geht nicht")));

        assertEquals(Decision.AUTO_LINKED, decide(vereinsSeite, WEB).decision(), "without the correction");
        TriageDecision again = decide(vereinsSeite, corrected);
        assertLeftToAnAgent(again, "like ticket 77, unlinked by a person");
        TriageDecision storm = decide("Unsere Webseite ist seit 14:50 nicht erreichbar", corrected);
        assertEquals(Decision.AUTO_LINKED, storm.decision(), storm.reasons()::toString);
    }

    @Test
    void troubleThatBeganBeforeTheIncidentIsNotAnsweredAutomatically() {
        TriageDecision since = decide("Unsere Webseite ist seit gestern nicht erreichbar", WEB);
        TriageDecision now = decide("Unsere Webseite ist seit 14:50 nicht erreichbar", WEB);

        assertLeftToAnAgent(since, "the customer's trouble began earlier ('seit gestern') than incident 4");
        assertEquals(Decision.AUTO_LINKED, now.decision(), now.reasons()::toString);
        // "seit Wochen" about something else than the trouble says nothing about when it began.
        TriageDecision advertised = decide("Unsere Webseite ist seit 14:50 nicht erreichbar. Der Vorverkauf ist seit "
                + "Wochen beworben!", WEB);
        assertEquals(Decision.AUTO_LINKED, advertised.decision(), advertised.reasons()::toString);
        // ... nor does it in a clause that dates the last change.
        TriageDecision unchanged = decide("Unser Shop ist nicht erreichbar. Am Shop haben wir seit Wochen nichts "
                + "geändert, kein Update, gar nichts.", WEB);
        assertEquals(Decision.AUTO_LINKED, unchanged.decision(), unchanged.reasons()::toString);
        TriageDecision dated = decide("Meine Webseite ist seit dem 2. November nicht erreichbar", WEB);
        assertLeftToAnAgent(dated, "began earlier ('seit dem 2. November')");
    }

    @Test
    void invoiceQuestionIsUnrelated() {
        TriageDecision decision = decide("Ich habe eine Frage zu meiner Rechnung vom Oktober", WEB);

        assertEquals(Decision.UNRELATED, decision.decision(), decision.reasons()::toString);
        assertEquals(Optional.empty(), decision.incidentId());
        assertReasonMentions(decision, "asks about an invoice ('rechnung'): a person answers that");
    }

    @Test
    void outageWithAnInvoiceQuestionIsAnsweredAndKeptForAPerson() {
        TriageDecision decision = decide("Zwei Dinge: 1. Unsere Webseite ist seit 14:50 nicht erreichbar."
                + " 2. Bitte schicken Sie die Rechnung ab sofort an unsere neue Rechnungsadresse.", WEB);

        assertEquals(Decision.AUTO_LINKED, decision.decision(), decision.reasons()::toString);
        assertEquals(List.of("asks about an invoice"), decision.requests());
        assertReasonMentions(decision, "asks about an invoice ('rechnung', 'rechnungsadresse'): a person answers that");
        assertReasonMentions(decision, "the ticket stays open for a person");
    }

    @Test
    void aCustomerWhoseTicketIsLinkedContinuesTheCase() {
        TicketText again = new TicketText("", "immer noch down", LATER, false, Map.of(4L, 17L));

        TriageDecision decision = matcher.decide(again, List.of(WEB, MAIL));
        TriageDecision stranger = decide("immer noch down", WEB, MAIL);

        assertEquals(Decision.AUTO_LINKED, decision.decision(), decision.reasons()::toString);
        assertEquals(Optional.of(4L), decision.incidentId());
        assertReasonMentions(decision, "the same customer's open ticket 17 is linked to incident 4");
        assertNotEquals(Decision.AUTO_LINKED, stranger.decision(), stranger.reasons()::toString);
    }

    @Test
    void anOpenCaseYieldsToAClearReportAboutAnotherIncidentAndToGuards() {
        TicketText mail = new TicketText("", "Jetzt kommen auch unsere Mails nicht mehr an, IMAP und SMTP gehen nicht",
                LATER, false, Map.of(4L, 17L));
        TicketText setup = new TicketText("", "Danke! Wie richte ich auf der Webseite ein neues Kontaktformular ein?",
                LATER, false, Map.of(4L, 17L));

        TriageDecision other = matcher.decide(mail, List.of(WEB, MAIL));
        TriageDecision guarded = matcher.decide(setup, List.of(WEB, MAIL));

        assertEquals(Decision.AUTO_LINKED, other.decision(), other.reasons()::toString);
        assertEquals(Optional.of(7L), other.incidentId());
        assertNotEquals(Decision.AUTO_LINKED, guarded.decision(), guarded.reasons()::toString);
    }

    @Test
    void anOpenCaseYieldsToAnIncidentThatExplainsWhatItDoesNot() {
        IncidentProfile panel = new IncidentProfile(12, "Kundencenter: Login nicht möglich",
                "Nach dem Login zeigt das Kundencenter eine Fehlerseite.", START);
        TicketText more = new TicketText("", "Jetzt auch noch das Kundencenter: komme seit eben nicht mehr rein, "
                + "nur Fehlerseite. Hängt das mit der Webseite zusammen?", LATER, false, Map.of(4L, 17L));

        TriageDecision decision = matcher.decide(more, List.of(WEB, panel));

        assertEquals(Optional.of(12L), decision.incidentId(), decision.reasons()::toString);
    }

    @Test
    void aCustomerWhoseCaseGoesOnButReportsAnotherIncidentsServiceGetsAPerson() {
        TicketText next = new TicketText("Re: Webseite nicht erreichbar", "Webseite läuft wieder, danke. Jetzt das "
                + "nächste: unsere Mails kommen nicht an", LATER, false, Map.of(4L, 17L));

        TriageDecision decision = matcher.decide(next, List.of(WEB, MAIL));

        assertNotEquals(Decision.AUTO_LINKED, decision.decision(), decision.reasons()::toString);
    }

    @Test
    void aNewSubjectAboutAnotherServiceIsANewMatterEvenBeforeItsIncidentIsDeclared() {
        // The customer's case is the website; the mail incident is not declared yet, so no runner-up shows it.
        TicketText news = new TicketText("Jetzt auch die Mails kaputt?", "Hallo nochmal, das mit der Webseite "
                + "habe ich auf der Statusseite gesehen. Jetzt gehen aber auch die Mails nicht mehr, Fehler beim Abruf.",
                LATER, false, Map.of(4L, 17L));
        TicketText reply = new TicketText("AW: Mails?", "Webseite immer noch nicht erreichbar", LATER, false,
                Map.of(4L, 17L));

        TriageDecision decision = matcher.decide(news, List.of(WEB));
        TriageDecision goesOn = matcher.decide(reply, List.of(WEB));

        assertLeftToAnAgent(decision, "the subject names only other services: perhaps a new matter");
        assertEquals(Decision.AUTO_LINKED, goesOn.decision(), goesOn.reasons()::toString);
    }

    @Test
    void aReplyToTheCustomersTicketAboutAnotherIncidentIsLeftToAnAgent() {
        // The website incident 4 is resolved; the customer answers in the thread of their ticket 17 about it
        // while the mail incident is still active.
        String text = "Alles wieder da, danke. Unsere Mails kamen stundenlang nicht an, gibt es eine Gutschrift?";
        TicketText reply = new TicketText("Re: Dringend!!", text, LATER, false, Map.of(),
                Optional.of(new TicketText.EarlierCase(17, 4)));
        TicketText fresh = new TicketText("Dringend!!", text, LATER, false);

        TriageDecision decision = matcher.decide(reply, List.of(MAIL));

        assertLeftToAnAgent(decision, "replies to ticket 17, which is about incident 4, no longer active");
        TriageDecision whileActive = matcher.decide(reply, List.of(MAIL, WEB));
        assertTrue(whileActive.reasons().stream().noneMatch(r -> r.contains("no longer active")), whileActive.reasons()::toString);
        TriageDecision asNew = matcher.decide(fresh, List.of(MAIL));
        assertEquals(Decision.AUTO_LINKED, asNew.decision(), asNew.reasons()::toString);
    }

    @Test
    void aChangeInThePassiveIsNobodysChangeOfTheirOwn() {
        IncidentProfile autoconfig = new IncidentProfile(11, "Störung automatische E-Mail-Konfiguration: Zertifikatswarnungen in Outlook",
                "Outlook zeigt Zertifikatswarnungen mit falschem Hostnamen.", START);

        TriageDecision quoted = decide("Outlook zeigt eine Sicherheitswarnung: 'Die Informationen können nicht angezeigt oder "
                + "geändert werden. Das Sicherheitszertifikat ist ungültig.'", autoconfig);
        TriageDecision theirs = decide("Ich habe die Einstellungen geändert. Outlook zeigt eine Sicherheitswarnung, das "
                + "Sicherheitszertifikat ist ungültig.", autoconfig);

        assertTrue(quoted.reasons().stream().noneMatch(r -> r.contains("change of their own")), quoted.reasons()::toString);
        assertLeftToAnAgent(theirs, "change of their own");
    }

    @Test
    void aServiceTheIncidentDoesNotNameCountsAgainstItInProportion() {
        IncidentProfile dns = new IncidentProfile(2, "DNS-Resolver gestört: Domains lösen nicht auf",
                "Webseiten, die externe Domains abfragen, melden Fehler.", START);
        IncidentProfile db = new IncidentProfile(3, "MySQL-Cluster db3 überlastet: Datenbankfehler",
                "Webseiten mit Datenbank auf db3 zeigen Fehler wie Error establishing a database connection.", START);

        String text = "Unsere Webseite zeigt nur noch: Error establishing a database connection";
        TriageDecision decision = decide(text, dns, db);
        TriageDecision dnsOnly = decide(text, dns);

        TriageDecision halfForeign = decide("Unsere Webseite und die Datenbank sind nicht erreichbar", dns);

        assertEquals(Optional.of(3L), decision.incidentId(), decision.reasons()::toString);
        // The error message names the database: that is what failed, the website is only where it shows.
        assertReasonMentions(dnsOnly, "x 0.80 (other service)");
        assertReasonMentions(dnsOnly, "but incident 2 names DNS, website, not database; the error names database");
        assertReasonMentions(halfForeign, "x 0.90 (other service)");
    }

    @Test
    void aRefusalThatNamesAnUnknownAddressOrASenderPolicyIsForAnAgent() {
        TriageDecision unknown = decide("Emails bouncing: 550 5.1.1 Recipient address rejected, mails to us are not arriving",
                MAIL);
        TriageDecision dmarc = decide("Unser Newsletter kommt nicht an, die Mails kommen zurück wegen DMARC", MAIL);

        assertLeftToAnAgent(unknown, "quotes a refusal for an unknown address");
        assertNotEquals(Decision.AUTO_LINKED, dmarc.decision(), dmarc.reasons()::toString);
    }

    @Test
    void aCauseTheIncidentNamesIsNoReasonToHoldTheAnswerBack() {
        IncidentProfile relay = new IncidentProfile(15, "Eingeschränkter E-Mail-Versand an Microsoft und GMX",
                "Eine IP-Adresse unseres ausgehenden Mail-Relays steht auf einer Blocklist; Mails werden abgelehnt.", START);
        String bounce = "Unsere Mails an GMX kommen zurück: 550 5.7.1 Service unavailable, blocked using Spamhaus";

        TriageDecision named = decide(bounce, relay);
        TriageDecision elsewhere = decide(bounce, MAIL);

        assertEquals(Decision.AUTO_LINKED, named.decision(), named.reasons()::toString);
        assertLeftToAnAgent(elsewhere, "quotes a block list");
    }

    @Test
    void aCustomerWhoFoundTheirOwnMistakeIsNotAnsweredAboutTheIncident() {
        TriageDecision decision = decide("AW: Webseite down. Hat sich erledigt, war mein Fehler im Theme, sorry!", WEB);

        assertLeftToAnAgent(decision, "says the trouble was their own or is settled");
    }

    @Test
    void outageWordsInAQuestionAboutTheFutureReportNothing() {
        TriageDecision future = decide("Will my website go offline when PHP 8.1 reaches its end?", WEB);
        TriageDecision wird = decide("Wird unsere Webseite dann nicht erreichbar sein?", WEB);
        TriageDecision passive = decide("Warum werden unsere Webseiten nicht mehr geladen? Nicht erreichbar!", WEB);
        TriageDecision back = decide("Webhosting down, when will it be back?", WEB);
        TriageDecision consequence = decide("Heißt das, dass unsere Website dann einfach ausfällt bzw. nicht mehr "
                + "erreichbar ist?", WEB);

        assertNotEquals(Decision.AUTO_LINKED, future.decision(), future.reasons()::toString);
        assertNotEquals(Decision.AUTO_LINKED, consequence.decision(), consequence.reasons()::toString);
        assertNotEquals(Decision.AUTO_LINKED, wird.decision(), wird.reasons()::toString);
        assertEquals(Decision.AUTO_LINKED, passive.decision(), passive.reasons()::toString);
        assertEquals(Decision.AUTO_LINKED, back.decision(), back.reasons()::toString);
    }

    @Test
    void theSubjectSaysWhatTheMessageIsAbout() {
        TriageDecision decision = matcher.decide(new TicketText("Webseite nicht erreichbar - DRINGEND",
                "Unsere Homepage geht seit heute früh nicht, und Mails an info@ kommen auch nicht an.", LATER, false),
                List.of(MAIL));

        assertLeftToAnAgent(decision, "the subject names website");
    }

    @Test
    void outageWordsAboutAPlannedChangeAreNotAnsweredAutomatically() {
        IncidentProfile vps = new IncidentProfile(8, "Managed vServer auf Host kvm-node-17 nicht erreichbar",
                "Die vServer auf dem Host sind offline.", START);
        TriageDecision decision = decide("Wir möchten unseren vServer von Tarif M auf XL hochstufen (Upgrade)."
                + " Wie lange ist der Server dabei offline?", vps);

        assertLeftToAnAgent(decision, "asks to change a tariff or package");
    }

    @Test
    void englishShopDownWith503IsAutoLinked() {
        TriageDecision decision = decide("our shop is down since 3pm, 503 errors", WEB);

        assertEquals(Decision.AUTO_LINKED, decision.decision(), decision.reasons()::toString);
        assertEquals(Optional.of(4L), decision.incidentId());
        assertReasonMentions(decision, "'shop', 'down', '503'");
    }

    @Test
    void mailNotArrivingIsNotAutoLinkedToAWebIncident() {
        TriageDecision decision = decide("Mail kommt nicht an", WEB);

        assertLeftToAnAgent(decision, "reports e-mail ('mail') but incident 4 names website");
    }

    @Test
    void withWebAndMailIncidentsEachTicketGoesToItsIncident() {
        TriageDecision mail = decide("Mail kommt nicht an", WEB, MAIL);
        TriageDecision web = decide("Unsere Homepage ist down", WEB, MAIL);

        assertEquals(Decision.AUTO_LINKED, mail.decision(), mail.reasons()::toString);
        assertEquals(Optional.of(7L), mail.incidentId());
        assertReasonMentions(mail, "runner-up incident 4");
        assertEquals(Decision.AUTO_LINKED, web.decision(), web.reasons()::toString);
        assertEquals(Optional.of(4L), web.incidentId());
    }

    @Test
    void outageWordsReferToTheServiceInTheirOwnClause() {
        TriageDecision decision = decide("Webseite nicht erreichbar, Mails gehen aber", WEB, MAIL);

        assertEquals(Optional.of(4L), decision.incidentId(), decision.reasons()::toString);
    }

    @Test
    void outOfOfficeTextIsNeverAutoLinked() {
        String text = "Vielen Dank für Ihre Nachricht. Ich bin bis zum 20.10. nicht im Büro und nicht erreichbar. "
                + "Ihre E-Mail wird nicht weitergeleitet. In dringenden Fällen wenden Sie sich an support@kunde.de.";
        TriageDecision asHuman = matcher.decide(new TicketText("Automatische Antwort: Webseite", text, LATER, false),
                List.of(WEB, MAIL));
        TriageDecision asMachine = matcher.decide(new TicketText("Abwesenheitsnotiz", text, LATER, true),
                List.of(WEB, MAIL));

        assertLeftToAnAgent(asHuman, "out-of-office");
        assertNotEquals(Decision.AUTO_LINKED, asMachine.decision(), asMachine.reasons()::toString);
    }

    @Test
    void machineSentOutageReportIsSuggestedNotAutoLinked() {
        TriageDecision decision = matcher.decide(
                new TicketText("ALERT", "Monitoring: Website www.beispiel.de is DOWN (HTTP 503)", LATER, true),
                List.of(WEB));

        assertEquals(Decision.SUGGESTED, decision.decision(), decision.reasons()::toString);
        assertEquals(Optional.of(4L), decision.incidentId());
        assertReasonMentions(decision, "sent by a machine");
    }

    @Test
    void ticketSentBeforeIncidentStartIsUnrelated() {
        TicketText early = new TicketText("", "Webseite nicht erreichbar", START.minus(Duration.ofMinutes(20)), false);
        TriageDecision decision = matcher.decide(early, List.of(WEB));

        assertEquals(Decision.UNRELATED, decision.decision());
        assertEquals(0.0, decision.score());
        assertReasonMentions(decision, "before incident 4");
    }

    @Test
    void ticketSentWithinClockSkewBeforeStartStillMatches() {
        TicketText skewed = new TicketText("", "Webseite nicht erreichbar", START.minus(Duration.ofSeconds(90)), false);

        assertEquals(Decision.AUTO_LINKED, matcher.decide(skewed, List.of(WEB)).decision());
    }

    @Test
    void verboseGermanStormMailWithGreetingAndSignatureIsAutoLinked() {
        String mail = """
                Sehr geehrte Damen und Herren,

                seit heute Mittag ist unser Onlineshop www.mueller-moebel.de nicht mehr erreichbar.
                Unsere Kunden bekommen nur eine weiße Seite bzw. einen Fehler 503 angezeigt.
                Wir haben an der Seite nichts geändert, auch kein Update eingespielt.
                Das ist für uns gerade sehr ärgerlich, weil heute unser Herbstverkauf läuft.
                Können Sie bitte dringend nachsehen und uns Bescheid geben, wann es wieder geht?

                Mit freundlichen Grüßen
                Thomas Müller
                Müller Möbel GmbH & Co. KG
                Hauptstraße 12, 04109 Leipzig
                Tel. 0341 555 0199
                """;
        TriageDecision decision = matcher.decide(new TicketText("Shop offline!!", mail, LATER, false), List.of(WEB, MAIL));

        assertEquals(Decision.AUTO_LINKED, decision.decision(), decision.reasons()::toString);
        assertEquals(Optional.of(4L), decision.incidentId());
    }

    @Test
    void askingToSwitchOffAServerIsNotAutoLinked() {
        IncidentProfile serverIncident = new IncidentProfile(11, "vServer-Cluster ausgefallen, Server nicht erreichbar",
                "", START);
        TriageDecision decision = decide("Können Sie meinen alten Server abschalten / offline nehmen? Danke",
                WEB, serverIncident);

        assertLeftToAnAgent(decision, "asks to switch off or delete something ('abschalten', 'offline nehmen')");
    }

    @Test
    void invoiceNotReachableInPortalIsNotAutoLinked() {
        TriageDecision decision = decide("Die Rechnung ist nicht erreichbar im Kundenportal", WEB);

        assertLeftToAnAgent(decision, "asks about an invoice ('rechnung')");
    }

    @Test
    void onlyGenericOutageWordsAreSuggestedNeverAutoLinked() {
        TriageDecision decision = decide("Bei euch alles down?", WEB);

        assertEquals(Decision.SUGGESTED, decision.decision(), decision.reasons()::toString);
        assertReasonMentions(decision, "only through outage wording: 'down'");
    }

    @Test
    void twoIncidentsAboutTheSameServiceLeaveTheChoiceToAnAgent() {
        IncidentProfile webB = new IncidentProfile(5, "Webhosting Cluster B nicht erreichbar", "", START);
        TriageDecision decision = decide("Webseite nicht erreichbar", WEB, webB);

        assertEquals(Decision.SUGGESTED, decision.decision(), decision.reasons()::toString);
        assertReasonMentions(decision, "is below 0.15: an agent picks the incident");
    }

    @Test
    void noActiveIncidentIsUnrelatedWithScoreZero() {
        TriageDecision decision = matcher.decide(ticket("Webseite down"), List.of());

        assertEquals(TriageDecision.unrelated(List.of("no active incident")), decision);
    }

    @Test
    void rareSharedWordLiftsAMatchOnTheIncidentTextOnly() {
        IncidentProfile dbIncident = new IncidentProfile(9, "Störung bei einem Cluster",
                "Betroffen: Datenbank-Cluster db3 (MySQL). Verbindungsabbrüche seit 15:02.", START);
        TermRarity db3IsRare = term -> term.equals("db3") ? 2.0 : 1.0;
        IncidentMatcher withRarity = new IncidentMatcher(new LotseAnalyzer(), db3IsRare, THRESHOLDS);

        double plain = matcher.decide(ticket("MySQL auf db3 nicht erreichbar"), List.of(dbIncident)).score();
        double rare = withRarity.decide(ticket("MySQL auf db3 nicht erreichbar"), List.of(dbIncident)).score();

        assertTrue(rare > plain, () -> rare + " <= " + plain);
    }

    // ---- incident types beyond "website down" -----------------------------------------------------

    @Test
    void missingBackupIsMatchedToABackupIncidentWithoutOutageWords() {
        IncidentProfile backup = new IncidentProfile(21, "Backup-Speicher gestört: nächtliche Sicherungen verzögert",
                "Restores dauern länger als üblich.", START);
        TriageDecision decision = decide("Die Datensicherung von heute Nacht fehlt bei mir", WEB, backup);

        assertNotEquals(Decision.UNRELATED, decision.decision(), decision.reasons()::toString);
        assertEquals(Optional.of(21L), decision.incidentId(), decision.reasons()::toString);
    }

    @Test
    void browserCertificateWarningIsMatchedToACertificateIncident() {
        IncidentProfile tls = new IncidentProfile(22, "TLS-Zertifikate abgelaufen", "Browser zeigen Warnungen.", START);
        TriageDecision decision = decide("my browser says the connection to my site is not private", WEB, tls);

        assertEquals(Optional.of(22L), decision.incidentId(), decision.reasons()::toString);
    }

    @Test
    void resolverErrorIsMatchedToADnsIncident() {
        IncidentProfile dns = new IncidentProfile(23, "Rekursive DNS-Resolver gestört", "", START);
        TriageDecision decision = decide("curl: Could not resolve host api.example.org", WEB, dns);

        assertEquals(Optional.of(23L), decision.incidentId(), decision.reasons()::toString);
    }

    // ---- guards and evidence the customer rules out ----------------------------------------------

    @Test
    void customerReportingAChangeOfTheirOwnIsNeverAutoLinked() {
        IncidentProfile host = new IncidentProfile(24, "Virtualisierungshost ausgefallen: vServer nicht erreichbar", "",
                START);
        TriageDecision decision = decide("Seit ich heute die Firewall-Regeln überarbeitet habe, ist mein vServer nicht erreichbar",
                host);

        assertNotEquals(Decision.AUTO_LINKED, decision.decision(), decision.reasons()::toString);
        assertEquals(Optional.of(24L), decision.incidentId());
        assertReasonMentions(decision, "a change of their own");
    }

    @Test
    void nothingChangedIsNoChangeOfTheirOwn() {
        TriageDecision decision = decide("Webseite nicht erreichbar, wir haben nichts geändert", WEB);

        assertEquals(Decision.AUTO_LINKED, decision.decision(), decision.reasons()::toString);
    }

    @Test
    void aChangeTheCustomerAsksTheProviderAboutIsNotTheirOwn() {
        TriageDecision yours = decide("Unsere Webseite ist nicht erreichbar. Habt ihr was umgestellt??", WEB);
        TriageDecision asksAboutOwn = decide("Unsere Webseite ist nicht erreichbar. Hab ich was falsch umgestellt?", WEB);

        assertEquals(Decision.AUTO_LINKED, yours.decision(), yours.reasons()::toString);
        assertLeftToAnAgent(asksAboutOwn, "a change of their own");
    }

    @Test
    void aTopicTheCustomerRulesOutIsNoEvidence() {
        IncidentProfile net = new IncidentProfile(25, "Netzwerkstörung: Paketverluste", "", START);
        double ruledOut = decide("Shop sehr langsam, kein Netzproblem", net).score();
        double guessed = decide("Shop sehr langsam, Netzproblem?", net).score();

        assertTrue(ruledOut < guessed, () -> ruledOut + " >= " + guessed);
    }

    @Test
    void aServiceTheIncidentCallsUnaffectedCountsAgainstIt() {
        IncidentProfile web = new IncidentProfile(26, "Stromausfall im Rechenzentrum: Webhosting nicht erreichbar",
                "Webseiten laden nicht. E-Mail-Postfächer sind nicht betroffen.", START);
        TriageDecision decision = decide("Mail kommt nicht an", web);

        assertLeftToAnAgent(decision, "reports e-mail");
    }

    // ---- linked tickets ----------------------------------------------------------------------------

    @Test
    void wordsOfConfirmedLinkedTicketsVoteForSimilarTickets() {
        IncidentProfile bare = new IncidentProfile(27, "Störung Plattform", "", START);
        IncidentProfile withLinks = new IncidentProfile(27, "Störung Plattform", "", START, List.of(
                new IncidentProfile.LinkedTicket("Terminbuchung im Kalendermodul hängt", true),
                new IncidentProfile.LinkedTicket("Kalendermodul lädt nicht, Terminbuchung geht nicht", true)));
        String text = "Terminbuchung im Kalendermodul geht nicht";

        double without = decide(text, bare).score();
        TriageDecision with = decide(text, withLinks);
        assertTrue(with.score() > without, () -> with.score() + " <= " + without);
        assertNotEquals(Decision.AUTO_LINKED, with.decision(), "linked tickets alone never answer automatically");
    }

    @Test
    void automaticLinksVoteLessThanConfirmedOnes() {
        List<IncidentProfile.LinkedTicket> confirmed = List.of(new IncidentProfile.LinkedTicket("Kalendermodul hängt", true));
        List<IncidentProfile.LinkedTicket> automatic = List.of(new IncidentProfile.LinkedTicket("Kalendermodul hängt", false));
        double byAgents = decide("Kalendermodul hängt", new IncidentProfile(28, "Störung", "", START, confirmed)).score();
        double byMatcher = decide("Kalendermodul hängt", new IncidentProfile(28, "Störung", "", START, automatic)).score();

        assertTrue(byAgents > byMatcher, () -> byAgents + " <= " + byMatcher);
    }

    @Test
    void analyzerWithoutConceptTokensIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new IncidentMatcher(new StandardAnalyzer(), TermRarity.uniform(), THRESHOLDS));
    }

    @Test
    void scoreStaysInUnitIntervalForEveryIncident() {
        for (String text : List.of("", "!!!", "Webhosting Webhosting Webhosting nicht erreichbar 503 down offline",
                "Rechnung Passwort Kündigung Umzug Angebot Vertrag")) {
            TriageDecision decision = decide(text, WEB, MAIL);
            assertTrue(decision.score() >= 0 && decision.score() <= 1, () -> text + " -> " + decision.score());
        }
    }

    @Test
    void aCustomerOnAnotherClusterThanTheIncidentsIsLeftToAnAgent() {
        IncidentProfile cluster = new IncidentProfile(31, "Erhöhte Ladezeiten und Timeouts auf Webhosting-Cluster web-c",
                "Websites auf web-c laden sehr langsam, teilweise 504 Gateway Timeout. Nicht betroffen: web-a, web-b.", START);

        TriageDecision onTheCluster = decide("Website extrem langsam, 504 Gateway Timeout, Paket liegt auf web-c", cluster);
        TriageDecision elsewhere = decide("Website extrem langsam, 504 Gateway Timeout, Paket liegt auf web-a", cluster);

        assertEquals(Decision.AUTO_LINKED, onTheCluster.decision(), onTheCluster.reasons()::toString);
        assertEquals(Decision.SUGGESTED, elsewhere.decision(), elsewhere.reasons()::toString);
        assertReasonMentions(elsewhere, "names web-a while incident 31 names web-c: an agent decides");
        assertReasonMentions(elsewhere, "x 0.8 (other machine)");
    }

    @Test
    void whatAnIncidentLeavesToAnotherNoticeDoesNotDescribeIt() {
        IncidentProfile telephony = new IncidentProfile(41, "Störung Cloud-Telefonanlage: eingehende Anrufe gestört",
                "Eingehende Anrufe enden im Besetztzeichen. Zur Managed Cloud siehe separate Meldung.", START);

        TriageDecision upload = decide("Upload in die Cloud schlägt fehl, Fehler 507", telephony);
        TriageDecision calls = decide("Seit ein paar Minuten keine eingehenden Anrufe, nur Besetztzeichen", telephony);

        assertLeftToAnAgent(upload, "reports cloud storage ('cloud') but incident 41 names telephony");
        assertEquals(Decision.AUTO_LINKED, calls.decision(), calls.reasons()::toString);
    }

    @Test
    void aLineEndingInAColonGoesOnIntoTheMessageItIntroduces() {
        IncidentProfile backups = new IncidentProfile(51, "Backup-Plattform: Nächtliche Backups fehlgeschlagen", "", START);

        TriageDecision decision = decide("Mein Backup ist fehlgeschlagen! Das Plugin schickt mir seit Tagen diese Meldung:\n\n"
                + "\"Backup failed: the access token has expired\"", backups);

        assertLeftToAnAgent(decision, "the customer's trouble began earlier");
    }

    @Test
    void aCauseTheIncidentDeniesIsStillTheCustomersOwn() {
        IncidentProfile smtp = new IncidentProfile(61, "Störung Mailversand: SMTP-Authentifizierung schlägt fehl",
                "Der Versand über Outlook und Smartphones schlägt fehl. Die Zugangsdaten der Kunden sind nicht kompromittiert.",
                START);

        TriageDecision decision = decide("Mein Postfach wurde gehackt und wegen Spamversand gesperrt, "
                + "jetzt kann ich keine Mails mehr senden, Outlook fragt dauernd nach dem Passwort", smtp);

        assertLeftToAnAgent(decision, "suspects abuse of their own account or address");
    }

    @Test
    void aSentenceThatPointsBackDatesTheTroubleOfTheOneBefore() {
        IncidentProfile webmail = new IncidentProfile(71, "Webmail: Login-Schleife nach Update",
                "Nach der Anmeldung im Webmail landen Kunden wieder auf der Anmeldeseite.", START);

        TriageDecision decision = decide("ich komm am büro-pc nicht ins webmail, dreht sich immer im kreis mit der anmeldung. "
                + "das ist aber schon seit letzter woche so", webmail);

        assertLeftToAnAgent(decision, "the customer's trouble began earlier");
    }

    @Test
    void aSentenceStartingWithSeitdemDatesItsTroubleToTheMomentBefore() {
        IncidentProfile certificates = new IncidentProfile(72, "Webhosting: Zertifikatsfehler nach Zertifikatstausch",
                "Browser melden beim Aufruf der Websites einen Zertifikatsfehler.", START);

        TriageDecision since = decide("Ich war gestern Nachmittag im Kundenmenü und habe www als weitere Adresse eingetragen, "
                + "weil Google die Seite sonst nicht findet. Seitdem kommt auf der Website ein Zertifikatsfehler.", certificates);
        TriageDecision today = decide("Ich war gestern Nachmittag im Kundenmenü und habe nach der Rechnung geschaut. "
                + "Heute früh kommt auf der Website ein Zertifikatsfehler.", certificates);
        TriageDecision later = decide("Die Einladung ging gestern raus, bis 9:18 Uhr kamen die ersten Anmeldungen über die "
                + "Website. Seitdem kommt nur noch ein Zertifikatsfehler.", certificates);

        assertLeftToAnAgent(since, "the customer's trouble began earlier ('gestern Nachmittag')");
        assertTrue(today.reasons().stream().noneMatch(r -> r.contains("began earlier")), today.reasons()::toString);
        assertTrue(later.reasons().stream().noneMatch(r -> r.contains("began earlier")), later.reasons()::toString);
    }

    @Test
    void aFunctionThatAnswersWithNothingIsAProblemReport() {
        IncidentProfile search = new IncidentProfile(81, "Managed Shops: Produktsuche ohne Ergebnisse",
                "Der Suchcluster (Elasticsearch) der Managed Shops ist ausgefallen; Suche und Filter liefern nichts.", START);
        IncidentProfile statistics = new IncidentProfile(82, "Webstatistik wird nicht aktualisiert",
                "Die Zugriffsstatistiken im Kundenpanel zeigen seit heute früh keine neuen Zahlen.", START);

        TriageDecision noHits = decide("im shop findet die suche nix mehr, egal was man eingibt: 0 treffer", search);
        TriageDecision frozen = decide("Our web statistics stopped updating this morning, today shows zero visitors",
                statistics);

        assertEquals(Decision.AUTO_LINKED, noHits.decision(), noHits.reasons()::toString);
        assertReasonMentions(noHits, "0 treffer");
        assertEquals(Decision.AUTO_LINKED, frozen.decision(), frozen.reasons()::toString);
        assertReasonMentions(frozen, "stopped updating");
    }

    @Test
    void aRefusalForTheMailsContentIsTheSendersMatterEvenDuringASigningIncident() {
        IncidentProfile signing = new IncidentProfile(83, "Mailversand: DKIM-Signaturen ungültig",
                "Ausgehende E-Mails werden von Gmail und Outlook.com abgewiesen oder als Spam eingestuft.", START);

        TriageDecision attachment = decide("Meine Mail an einen Kunden kommt zurück: \"552-5.7.0 This message was blocked "
                + "because its content presents a potential security issue\". Im Anhang ist ein ZIP.", signing);
        TriageDecision policy = decide("Mails an Hotmail kommen zurück: 550 5.7.515 Access denied, sending domain does not "
                + "meet the required authentication level", signing);
        TriageDecision jargon = decide("Kd. meldet Rückläufer bei gmail-Empfängern seit heute früh", signing);

        assertLeftToAnAgent(attachment, "quotes a refusal for the message's content or attachment");
        assertEquals(Decision.AUTO_LINKED, policy.decision(), policy.reasons()::toString);
        assertReasonMentions(jargon, "rückläufer");
    }

    @Test
    void theirOwnSetupIsNoWishToSetSomethingUp() {
        TriageDecision existing = decide("For an hour now our mails to Gmail bounce. We have not changed anything in our setup.",
                MAIL);
        TriageDecision wish = decide("Mails kommen nicht an, wie geht das Setup für eine Weiterleitung?", MAIL);

        assertEquals(Decision.AUTO_LINKED, existing.decision(), existing.reasons()::toString);
        assertLeftToAnAgent(wish, "asks to set something up");
    }

    @Test
    void aClauseThatPointsBackDatesTheMomentOfTheOneBefore() {
        IncidentProfile sending = new IncidentProfile(91, "Mailversand gestört: Versandlimit zu niedrig",
                "Ausgehende E-Mails werden mit 451 abgewiesen.", START);

        TriageDecision sentYesterday = decide("Ich habe gestern Abend eine Mail an die Stadtwerke geschickt, "
                + "das ist laut deren Einkauf nie angekommen.", sending);
        TriageDecision sentToday = decide("Ich habe vorhin eine Mail an die Stadtwerke geschickt, das ist nie angekommen. "
                + "Gestern Abend habe ich die Präsentation fertig gemacht.", sending);

        assertLeftToAnAgent(sentYesterday, "the customer's trouble began earlier ('gestern')");
        assertEquals(Decision.AUTO_LINKED, sentToday.decision(), sentToday.reasons()::toString);
    }

    @Test
    void sendingThatFailsAndSignInsThatDoNotLastAreProblemReports() {
        IncidentProfile sending = new IncidentProfile(92, "Mailversand gestört: Versandlimit zu niedrig",
                "Ausgehende E-Mails werden abgewiesen, Shops und Kontaktformulare können keine Mails senden.", START);
        IncidentProfile sessions = new IncidentProfile(93, "Webhosting: Sitzungen gehen verloren",
                "Besucher und Admins von PHP-Anwendungen werden nach wenigen Klicks abgemeldet (Login).", START);

        TriageDecision shop = decide("My shop stopped sending order confirmation emails this morning", sending);
        TriageDecision loggedOut = decide("Our PHP portal keeps logging users out after two clicks", sessions);

        assertReasonMentions(shop, "stopped sending");
        assertEquals(Decision.AUTO_LINKED, shop.decision(), shop.reasons()::toString);
        assertReasonMentions(loggedOut, "logging users out");
    }

    @Test
    void aCauseWhoseVerbComesLastIsReadAcrossTheWordsBetween() {
        TriageDecision updates = decide("Meine Webseite zeigt seit heute früh nur einen kritischen Fehler. Ich habe gestern Abend "
                + "noch die Aktualisierungen in WordPress gemacht. Ist bei Ihnen eine Störung?", WEB);
        TriageDecision debit = decide("Kd. meldet Shop nicht erreichbar. Lastschrift für die Verlängerung zurückgegangen.", WEB);
        TriageDecision notOwn = decide("Webseite nicht erreichbar, Kd. hat keine Updates gemacht.", WEB);

        assertLeftToAnAgent(updates, "reports a change of their own, which may be the cause ('aktualisierungen … gemacht')");
        assertLeftToAnAgent(debit, "names a suspended or blocked package");
        assertEquals(Decision.AUTO_LINKED, notOwn.decision(), notOwn.reasons()::toString);
    }

    @Test
    void browsersRedirectLoopsAndFailedUploadsAreProblemReportsAScannersRemovalIsNot() {
        IncidentProfile loops = new IncidentProfile(94, "Weiterleitungsschleifen bei Websites im Shared Hosting",
                "Websites mit eigener HTTPS-Umleitung geraten in eine Umleitungsschleife.", START);
        IncidentProfile uploads = new IncidentProfile(95, "Webmail: Hochladen von Anhängen schlägt fehl",
                "Im Webmail lassen sich keine Dateianhänge hochladen oder öffnen.", START);

        TriageDecision loop = decide("Our booking site shows ERR_TOO_MANY_REDIRECTS since 10 minutes", loops);
        TriageDecision upload = decide("Kd. kann im Webmail keine Dateien anhängen, Ladekreis dreht endlos", uploads);
        TriageDecision scanner = decide("Im Webmail steht statt des Anhangs: [Anhang entfernt: potenziell gefährlichen Inhalt "
                + "(Trojan.Downloader)]. Ist bei euch was kaputt mit den Anhängen?", uploads);
        TriageDecision addOn = decide("Hochladen im Webmail geht im Firefox nicht, im Chrome schon. Hab uBlock Origin drin.",
                uploads);

        assertReasonMentions(loop, "err_too_many_redirects");
        assertEquals(Decision.AUTO_LINKED, loop.decision(), loop.reasons()::toString);
        assertReasonMentions(upload, "keine dateien anhängen");
        assertLeftToAnAgent(scanner, "quotes a refusal for the message's content or attachment");
        assertLeftToAnAgent(addOn, "names their own internet access or network");
    }

    @Test
    void aPageThatLoadsNormallyIsNotWhatTheCustomerReportsAsBroken() {
        TriageDecision decision = decide("Klarna im Checkout bricht mit Timeout ab, die Seite lädt normal", WEB);

        assertReasonMentions(decision, "says website work ('seite')");
    }

    @Test
    void anIntentAComponentNamesIsWhatTheIncidentIsAbout() {
        String title = "Shared Hosting: Systemzeit-Abweichung (NTP) auf Webhosting-Cluster";
        String text = "Die Systemzeit der Server läuft 40 Minuten nach. Betroffen: zeitbasierte 2FA-Codes beim Login.";
        IncidentProfile withComponents = new IncidentProfile(61, title, text, START, List.of(), List.of(), false,
                List.of("Kundenpanel 2FA-Login", "Cronjobs Webspace"));
        IncidentProfile titleAndTextOnly = new IncidentProfile(62, title, text, START);
        String report = "Mein 2FA-Code wird abgelehnt, ich komme nicht ins Kundenpanel";

        TriageDecision named = decide(report, withComponents);
        TriageDecision notNamed = decide(report, titleAndTextOnly);
        TriageDecision lostPhone = decide("Handy gestern in der S-Bahn geklaut, 2FA-Code kommt nicht, ich komme nicht ins "
                + "Kundenpanel", withComponents);

        assertEquals(Decision.AUTO_LINKED, named.decision(), named.reasons()::toString);
        assertReasonMentions(named, "asks about the second login factor ('2fa'): what the incident itself is about");
        assertLeftToAnAgent(notNamed, "asks about the second login factor ('2fa'): never answered automatically");
        assertLeftToAnAgent(lostPhone, "asks about a password or login data ('geklaut')");
    }

    @Test
    void aQuestionTheTitleIsAboutNamesTheIncidentsSubject() {
        IncidentProfile transfers = new IncidentProfile(63, "Domain-Transfers verzögert: AuthInfo-Versand und Transferaufträge hängen",
                "Im Kundencenter angeforderte AuthInfo-Codes werden nicht per E-Mail versendet.", START);

        TriageDecision stuck = decide("authcode kommt nicht", transfers);
        TriageDecision locked = decide("Mein Transfer ist fehlgeschlagen, Grund: Domain status clientTransferProhibited. "
                + "Was bedeutet das?", transfers);

        assertEquals(Decision.AUTO_LINKED, stuck.decision(), stuck.reasons()::toString);
        assertLeftToAnAgent(locked, "names a transfer lock or a refused transfer code");
    }

    @Test
    void pagesTheServerNoLongerFindsAreReportedUnlessTheCustomersSideDeletedThem() {
        IncidentProfile rewrites = new IncidentProfile(64, "Webhosting Cluster C7: .htaccess-Regeln werden nicht ausgewertet",
                "Startseiten laden, Unterseiten liefern 404 Not Found.", START);

        TriageDecision everyPage = decide("Können Sie bitte prüfen, ob bei Ihnen serverseitig etwas geändert wurde? Jede "
                + "Unterseite liefert 404", rewrites);
        TriageDecision deleted = decide("Kd. meldet 404 auf /sommer. Lt. Kd. hat Mitarbeiterin die Seite vorgestern im "
                + "Baukasten gelöscht.", rewrites);

        assertEquals(Decision.AUTO_LINKED, everyPage.decision(), everyPage.reasons()::toString);
        assertLeftToAnAgent(deleted, "says the page or content was deleted");
    }

    @Test
    void aFearOfAnOutageReportsNone() {
        TriageDecision fear = decide("Meine Domain läuft am 20.09. ab. Ich will auf keinen Fall, dass Webseite und Mails "
                + "dann ausfallen.", WEB);

        assertTrue(fear.reasons().stream().noneMatch(r -> r.contains("'ausfallen'")), fear.reasons()::toString);
        assertNotEquals(Decision.AUTO_LINKED, fear.decision(), fear.reasons()::toString);
    }

    @Test
    void aChangeNobodyMadeIsNoCause() {
        String report = "Meine Webseite ist nicht erreichbar. ";
        List<String> nobodys = List.of("Das lief seit einem Jahr ohne Probleme, geändert haben wir nichts.",
                "An der Server-Config hat niemand was geändert.", "Unsere Rechnungsadresse hat sich geändert.",
                "Ein Outlook haben wir nicht eingerichtet.", "Die Seite hat vor Jahren mein Neffe eingerichtet.",
                "Ich hab keine Ahnung von Technik, mein Neffe hat das mal eingerichtet.",
                "Die Domain ist bei euch als Weiterleitung auf unsere Landing Page eingerichtet.",
                "Kd. hat für das Projekt aber keinen SSH-Zugang eingerichtet.");

        for (String line : nobodys) {
            TriageDecision decision = decide(report + line, WEB);
            assertEquals(Decision.AUTO_LINKED, decision.decision(), () -> line + " " + decision.reasons());
        }
        assertLeftToAnAgent(decide(report + "Ich habe gestern das Plugin aktiviert und nichts geht mehr.", WEB),
                "change of their own");
        assertLeftToAnAgent(decide(report + "Ich habe gestern die Weiterleitung eingerichtet.", WEB), "change of their own");
        assertLeftToAnAgent(decide(report + "Ich habe gestern meine Seite (reines HTML, kein WordPress, keine App) neu "
                + "hochgeladen.", WEB), "change of their own");
    }

    @Test
    void aWordWithAnUmlautEndsItsSentenceLikeAnyOther() {
        TriageDecision decision = decide("Mein Postfach ist seit 10 Uhr nicht erreichbar, die Website läuft. known issue?", MAIL);

        assertReasonMentions(decision, "says website work ('website')");
    }

    @Test
    void moneyTakenTwiceIsTheTroubleOfAnIncidentAboutItAndAPaymentQuestionElsewhere() {
        IncidentProfile doubleDebits = new IncidentProfile(65, "Doppelter Einzug von SEPA-Lastschriften im Abrechnungslauf",
                "Die monatlichen Lastschriften wurden für einen Teil der Kunden doppelt eingezogen.", START);
        IncidentProfile certificates = new IncidentProfile(66, "SSL-Zertifikate abgelaufen: Zertifikatswarnungen im Browser",
                "Auf dem Shared Hosting werden abgelaufene SSL-Zertifikate ausgeliefert.", START);
        String charged = "hallo ihr habt heute doppelt abgebucht??";

        TriageDecision billing = decide(charged, doubleDebits);
        TriageDecision web = decide(charged, WEB);
        TriageDecision invoice = decide("In Ihrer Rechnung ist das SSL-Zertifikat zweimal aufgeführt, also doppelt berechnet.",
                certificates);

        assertEquals(Decision.AUTO_LINKED, billing.decision(), billing.reasons()::toString);
        assertReasonMentions(billing, "reports money taken twice ('doppelt abgebucht'): a person answers that");
        assertLeftToAnAgent(web, "reports money taken twice");
        assertLeftToAnAgent(invoice, "reports money taken twice");
    }

    @Test
    void aPaymentTheTitleNamesIsTheIncidentsSubject() {
        IncidentProfile payments = new IncidentProfile(67, "Störung Abrechnung: Zahlungen und Rechnungsabruf im Kundenportal",
                "Rechnungen können im Portal nicht geöffnet werden, Zahlungen per Kreditkarte schlagen fehl.", START);

        TriageDecision blank = decide("when I click on the October invoice, a new tab opens but stays blank", payments);

        assertEquals(Decision.AUTO_LINKED, blank.decision(), blank.reasons()::toString);
    }

    @Test
    void aSinceClauseStandingAloneDatesTheSentenceBefore() {
        TriageDecision alone = decide("unsere seite ist down?? lädt ewig und dann 504 gateway timeout. seit gestern abend schon",
                WEB);
        TriageDecision ownPlugin = decide("unsere seite ist down?? lädt ewig und dann 504 gateway timeout, seit wir das neue "
                + "slider plugin drauf haben", WEB);

        assertLeftToAnAgent(alone, "the customer's trouble began earlier ('seit gestern')");
        assertLeftToAnAgent(ownPlugin, "change of their own, which may be the cause ('neue … plugin')");
    }

    @Test
    void anotherPageThanTheirOwnOrABlackConsoleIsTrouble() {
        IncidentProfile placeholder = new IncidentProfile(68, "Webhosting-Cluster web-c2: Domains liefern Standard-Platzhalterseite aus",
                "Für einen Teil der Domains wird die Platzhalterseite statt der Kundenwebsite ausgeliefert.", START);
        IncidentProfile console = new IncidentProfile(69, "Cloud Server FRA-3: Web-Konsole (noVNC) im Cloud Panel nicht verfügbar",
                "Die Web-Konsole lässt sich für Cloud Server in FRA-3 nicht öffnen.", START);

        TriageDecision otherPage = decide("standardseite statt unsrer seite, was ist da los bei euch", placeholder);
        TriageDecision black = decide("moin, vnc konsole im cloud panel bleibt komplett schwarz. server läuft eigentlich.", console);

        assertEquals(Decision.AUTO_LINKED, otherPage.decision(), otherPage.reasons()::toString);
        assertEquals(Decision.AUTO_LINKED, black.decision(), black.reasons()::toString);
    }

    @Test
    void anIncidentThatWarnsOfBlockedAccountsExcusesNoCancelledContract() {
        IncidentProfile doubleDebits = new IncidentProfile(70, "Doppelter Einzug von SEPA-Lastschriften im Abrechnungslauf",
                "Die Lastschriften wurden doppelt eingezogen. Eine Rücklastschrift kann zur Sperre des Kundenkontos führen.",
                START);

        TriageDecision refund = decide("Ich habe meinen Vertrag zum 31.07. gekündigt, das Guthaben soll erstattet werden. Heute "
                + "wurde trotzdem doppelt abgebucht und auf meinem Konto ist nichts angekommen.", doubleDebits);

        assertLeftToAnAgent(refund, "names a contract or package they cancelled");
    }

    @Test
    void visitorsCitiesNameTheCountryAnIncidentIsAboutAndTheQuotedRefusalDecidesBetweenTwoIncidents() {
        IncidentProfile phpVersions = new IncidentProfile(71, "Webhosting-Cluster web-d3: PHP-Version vieler Webspaces auf 7.4 zurückgesetzt",
                "Betroffene Websites liefern Fehlerseiten: HTTP 500, PHP-Parse-Errors.", START);
        IncidentProfile geoBlock = new IncidentProfile(72, "Web Application Firewall: Zugriffe aus Österreich und der Schweiz "
                + "fälschlich blockiert (HTTP 403)", "Besucher aus Österreich und der Schweiz sehen eine 403-Sperrseite.", START);

        TriageDecision zurich = decide("Website not accessible from our Zurich office – they get a plain page saying "
                + "'Access denied – your region', 403", phpVersions, geoBlock);
        TriageDecision parseError = decide("Unsere Website zeigt auf einmal nur noch: Parse error: syntax error, "
                + "unexpected 'static'", phpVersions, geoBlock);

        assertEquals(Decision.AUTO_LINKED, zurich.decision(), zurich.reasons()::toString);
        assertEquals(Optional.of(72L), zurich.incidentId());
        assertEquals(Decision.AUTO_LINKED, parseError.decision(), parseError.reasons()::toString);
        assertEquals(Optional.of(71L), parseError.incidentId());
    }

    static final IncidentProfile CONNECTION_LIMIT = new IncidentProfile(73, "Datenbankcluster db-s4: sporadische "
            + "Verbindungsfehler (max_user_connections)", "Websites zeigen zeitweise 'Error establishing a database "
            + "connection' oder SQLSTATE 1203 'Too many connections'.", START);

    @Test
    void aSentenceBrokenOffAtTheLineEndGoesOnWithThePastedError() {
        // START is a Monday afternoon: Saturday evening is well before it.
        TriageDecision sinceSaturday = decide("wie schon letzte Woche bekommen wir seit Samstagabend wieder massenhaft\n\n"
                + "SQLSTATE[HY000] [1203] User k77120 already has more than 'max_user_connections' active connections",
                CONNECTION_LIMIT);
        TriageDecision today = decide("db fehler auf unserer seite??", CONNECTION_LIMIT);

        assertLeftToAnAgent(sinceSaturday, "began earlier ('seit Samstagabend')");
        assertEquals(Decision.AUTO_LINKED, today.decision(), today.reasons()::toString);
    }

    @Test
    void rentedGameServersAreServersAndTheirModsArePluginsOfTheirOwn() {
        IncidentProfile udp = new IncidentProfile(74, "Frankfurt: UDP-Verbindungen zu Gameservern, TeamSpeak und "
                + "Root-/vServern gestört", "Spieler erhalten Timeouts, obwohl die Server im Panel als online angezeigt werden.",
                START);

        TriageDecision outage = decide("GAMESERVERAUSFALL!! seit einer halben Stunde kommt keiner mehr drauf, überall "
                + "'Connection timed out'", udp);
        TriageDecision mods = decide("Mein Valheim Server startet nicht mehr, keiner kommt drauf: 'Connection timed out'. Hab "
                + "vorher die Mods aktualisiert.", udp);

        assertReasonMentions(outage, "server");
        assertEquals(Decision.AUTO_LINKED, outage.decision(), outage.reasons()::toString);
        assertLeftToAnAgent(mods, "change of their own");
    }

    @Test
    void aPasswordResetTheIncidentForcesIsItsSubjectAPasswordTypedWrongIsTheCustomers() {
        IncidentProfile forcedReset = new IncidentProfile(75, "Kundenportal: erzwungene Passwort-Zurücksetzung, "
                + "Reset-Mails verzögert", "Beim Login erscheint der Hinweis, dass das Passwort abgelaufen ist.", START);

        TriageDecision expired = decide("Kundenportal sagt mein Passwort ist abgelaufen und ich muss es neu setzen, die Mail "
                + "dazu kommt nicht", forcedReset);
        TriageDecision typedWrong = decide("Ich komme nicht ins Kundenportal, hab das Passwort wohl ein paar mal falsch "
                + "eingegeben, jetzt ist es gesperrt", forcedReset);

        assertEquals(Decision.AUTO_LINKED, expired.decision(), expired.reasons()::toString);
        assertLeftToAnAgent(typedWrong, "their own");
    }

    @Test
    void aShortWordEndsASentenceAndThatPointsPastASentenceWithoutTrouble() {
        IncidentProfile staging = new IncidentProfile(76, "Managed WordPress: Staging-Push überschreibt Live-Datenbank",
                "Beim Übertragen von Staging auf Live wird die Datenbank der Live-Seite überschrieben; Bestellungen fehlen.",
                START);
        IncidentProfile outlook = new IncidentProfile(77, "Postfächer: Mails werden doppelt angezeigt",
                "IMAP-Ordner synchronisieren langsam, Mails erscheinen doppelt.", START);

        TriageDecision lastThursday = decide("wir haben letzten donnerstag staging auf live geschoben, datenbank angehakt weil "
                + "ich dachte das muss so. seitdem fehlen die produktbewertungen", staging);
        TriageDecision sinceFriday = decide("In Outlook werden alle Mails doppelt angezeigt, die Ordner synchronisieren ewig. "
                + "Auf dem Handy ist alles normal. Das geht schon seit Freitag so.", outlook);

        assertLeftToAnAgent(lastThursday, "began earlier");
        assertLeftToAnAgent(sinceFriday, "began earlier ('seit Freitag')");
    }

    @Test
    void aDomainThatRunsOutIsNoOutageAndANoteThatPointsToTheKnownIncidentIsNoOtherFinding() {
        IncidentProfile mx = new IncidentProfile(78, "DNS: MX-Einträge bei Domains mit externem Maildienst überschrieben",
                "E-Mails an Domains mit Microsoft 365 werden abgewiesen.", START);

        TriageDecision expiry = decide("Unsere Domain läuft im Oktober ab und soll nicht verlängert werden, wie mach ich das?", mx);
        TriageDecision note = decide("Kd. meldet Mails an verwaltung@ kommen zurück. Domain nutzt M365. Kurz geprüft: MX zeigt "
                + "auf unsere Mailserver. Auf bekannte Störung verwiesen.", mx);

        assertNotEquals(Decision.AUTO_LINKED, expiry.decision(), expiry.reasons()::toString);
        assertTrue(expiry.reasons().stream().noneMatch(r -> r.contains("läuft … nicht")), expiry.reasons()::toString);
        assertEquals(Decision.AUTO_LINKED, note.decision(), note.reasons()::toString);
    }

    @Test
    void anAttachmentThatHangsOnIsNoOutageAndAPhoneNumberIsNoForbiddenPage() {
        IncidentProfile invoices = new IncidentProfile(79, "Kundenportal: Rechnungs-PDFs nicht abrufbar",
                "Der PDF-Download im Rechnungsarchiv führt zu einer Fehlerseite; Rechnungs-E-Mails ohne PDF-Anhang.", START);
        IncidentProfile replicas = new IncidentProfile(80, "web-k: Veraltete Daten durch Replikationsverzögerung der MariaDB",
                "Websites und Shops zeigen veraltete Daten; die Datenbank liefert einen alten Stand.", START);

        TriageDecision dunning = decide("Wir haben eine Mahnung zur Rechnung RE-2026-08-31877 bekommen, die wir am 02.09. "
                + "überwiesen haben. Der Kontoauszug hängt an.", invoices);
        TriageDecision article = decide("Ich habe heute um 8:02 einen Beitrag angelegt. Der ist bis jetzt nicht auf der "
                + "Startseite. Im Backend ist er mal als 'geplant', mal als 'veröffentlicht' zu sehen, je nachdem wie oft ich "
                + "neu lade. Jetzt gibt es ihn im phpMyAdmin doppelt, auf der Seite aber gar nicht.\n"
                + "Florian Haas\nTel. 08761 555 403", replicas);

        assertTrue(dunning.reasons().stream().noneMatch(r -> r.contains("hängt")), dunning.reasons()::toString);
        assertNotEquals(Decision.AUTO_LINKED, dunning.decision(), dunning.reasons()::toString);
        assertTrue(article.reasons().stream().noneMatch(r -> r.contains("access rights")), article.reasons()::toString);
    }

    @Test
    void anAgentWhoDeniedTheConnectionAnExpiredCardAndTroubleGrowingForWeeksAreLeftToAnAgent() {
        IncidentProfile replicas = new IncidentProfile(81, "web-k: Veraltete Daten durch Replikationsverzögerung der MariaDB",
                "Websites und Shops zeigen veraltete Daten; die Datenbank liefert einen alten Stand.", START);
        IncidentProfile invoices = new IncidentProfile(82, "Kundenportal: Rechnungs-PDFs nicht abrufbar",
                "Im Kundenportal liefert der PDF-Download eine Fehlerseite.", START);

        TriageDecision denied = decide("Kd. meldet DB-Fehler 'Too many connections' auf eigener MariaDB, Shop lädt nicht. "
                + "Kd. fragt nach Zusammenhang mit Statusmeldung -> nein, an 2nd Level.", replicas);
        TriageDecision card = decide("Could you confirm that our domain renews on 2 November? The credit card on file had "
                + "expired, I entered the new one in the portal yesterday.", invoices);
        TriageDecision weeks = decide("one of our reports has become really slow (40+ seconds). It's this query:\n"
                + "SELECT customer_id, SUM(amount) FROM transactions WHERE DATE(created_at) = '2025-11-02' GROUP BY customer_id;\n"
                + "EXPLAIN shows a full table scan over ~6M rows. It has been getting worse for weeks as the table grows. "
                + "We're on the shared plan, database brightledger_prod.", replicas);

        assertLeftToAnAgent(denied, "agent's check found");
        assertLeftToAnAgent(card, "expired payment card");
        assertLeftToAnAgent(weeks, "began earlier ('for weeks')");
    }

    @Test
    void whatTheCustomerWatchesWithIsNoSetupOfTheirOwn() {
        IncidentProfile peering = new IncidentProfile(83, "Peering-Störung: Websites aus dem Netz der Telekom mit Timeouts",
                "Kunden mit Telekom-Anschluss erreichen Websites und Server nur mit Timeouts.", START);

        TriageDecision monitoring = decide("Since 08:45 visitors on Telekom lines get timeouts on our website. Visitors on other "
                + "ISPs and our own monitoring from Frankfurt are fine.", peering);
        TriageDecision bucket = decide("Since 08:45 visitors on Telekom lines get timeouts on our website. The backups to our "
                + "own storage bucket get timeouts too.", peering);

        assertTrue(monitoring.reasons().stream().noneMatch(r -> r.contains("change of their own")), monitoring.reasons()::toString);
        assertLeftToAnAgent(bucket, "which may be the cause ('our own')");
    }

    @Test
    void aPassiveQuestionAndAProviderThatWorksAreNoCauseButMailNobodySentAndNoAcuteProblemAreNoReport() {
        IncidentProfile spam = new IncidentProfile(84, "Eingehender Spamfilter: erhöhtes Spam- und Phishing-Aufkommen in Postfächern",
                "Der Spamfilter erkennt Spam und Phishing nur eingeschränkt; in Postfächern kommen vermehrt Spam-Mails an.", START);
        IncidentProfile readOnly = new IncidentProfile(85, "Shared Hosting: Webspaces nur lesbar eingehängt, Schreibzugriffe "
                + "schlagen fehl", "Uploads, Updates und Caches auf Websites und Shops schlagen fehl; Dateien können nicht "
                + "geschrieben werden.", START);

        TriageDecision asked = decide("In sämtlichen Postfächern unserer Kanzlei kommt massenhaft Spam und Phishing an, der "
                + "Spamfilter funktioniert nicht. Wurde an der Filterkonfiguration etwas geändert?", spam);
        TriageDecision elsewhere = decide("We run the German version of our shop on your hosting. Since around 10am our staff "
                + "can't upload the daily stock CSV through the shop's import page - it fails with \"Unable to move uploaded "
                + "file\". Our UK site with another provider is fine.", readOnly);
        TriageDecision hacked = decide("ich bekomme hunderte Unzustellbar-Meldungen zurück, mailer-daemon usw, an adressen die "
                + "ich gar nicht kenne. in gesendete elemente sind tausende mails mit spam. ich hab die nicht geschickt!!", spam);
        TriageDecision settings = decide("Kd. möchte strengere Spamfilter-Einstellung für info@, Quarantäne statt Markierung. "
                + "Kein akutes Problem lt. Kd., will Anleitung.", spam);

        assertEquals(Decision.AUTO_LINKED, asked.decision(), asked.reasons()::toString);
        assertEquals(Decision.AUTO_LINKED, elsewhere.decision(), elsewhere.reasons()::toString);
        assertLeftToAnAgent(hacked, "abuse of their own account");
        assertNotEquals(Decision.AUTO_LINKED, settings.decision(), settings.reasons()::toString);
        assertTrue(settings.reasons().stream().noneMatch(r -> r.contains("'problem'")), settings.reasons()::toString);
    }

    @Test
    void theFearOfHavingBeenHackedIsNoFindingButMailNobodyWroteIs() {
        IncidentProfile certificates = new IncidentProfile(86, "SSL-Zertifikate abgelaufen: Websites zeigen Zertifikatswarnung",
                "Besucher sehen beim Aufruf der Websites eine Zertifikatswarnung, die Seite ist nicht erreichbar.", START);
        IncidentProfile spam = new IncidentProfile(87, "Eingehender Spamfilter: erhöhtes Spam-Aufkommen in Postfächern",
                "In Postfächern kommen vermehrt Spam-Mails und Rückläufer an.", START);

        TriageDecision feared = decide("Unsere Website zeigt seit einer halben Stunde eine Zertifikatswarnung, die Seite ist nicht "
                + "erreichbar. Zwei Kunden haben schon angerufen und gefragt, ob wir gehackt wurden.", certificates);
        TriageDecision asked = decide("Auf unserer Website kommt seit 15 Uhr eine Zertifikatswarnung, nicht erreichbar. "
                + "Wurden wir gehackt??", certificates);
        TriageDecision neverWritten = decide("Seit einer Stunde kommen in meinem Postfach hunderte Rückläufer an, für Mails, die "
                + "ich nie geschrieben habe.", spam);

        assertEquals(Decision.AUTO_LINKED, feared.decision(), feared.reasons()::toString);
        assertEquals(Decision.AUTO_LINKED, asked.decision(), asked.reasons()::toString);
        assertLeftToAnAgent(neverWritten, "abuse of their own account");
    }
}
