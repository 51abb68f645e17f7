package io.lotse.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProblemStartTest {

    /** A Wednesday afternoon. */
    static final Instant SENT = Instant.parse("2026-03-11T15:00:00Z");
    final ProblemStart start = new ProblemStart(ZoneOffset.UTC);

    @Test
    void wordsThatReachBackADayOrMoreGiveTheLatestMomentTheyAllow() {
        assertEquals(Instant.parse("2026-03-11T00:00:00Z"), start.in("Seite seit gestern down", SENT).orElseThrow().notAfter());
        assertEquals(Instant.parse("2026-03-10T18:00:00Z"), start.in("wir haben gestern Nachmittag den Shop aktualisiert. "
                + "Seitdem Fehler 500", SENT).orElseThrow().notAfter());
        assertEquals(Instant.parse("2026-03-10T12:00:00Z"), start.in("Seite seit gestern  früh down", SENT).orElseThrow().notAfter());
        assertEquals(Instant.parse("2026-03-11T00:00:00Z"), start.in("seit gestern Abend down", SENT).orElseThrow().notAfter());
        assertEquals(Instant.parse("2026-03-10T00:00:00Z"), start.in("Shop seit Montag langsam", SENT).orElseThrow().notAfter());
        assertEquals(Instant.parse("2026-03-05T00:00:00Z"), start.in("slow since last week", SENT).orElseThrow().notAfter());
        assertEquals(Instant.parse("2026-03-10T00:00:00Z"), start.in("it has been down for days", SENT).orElseThrow().notAfter());
        assertEquals("Seit Montag", start.in("Seit Montag langsam, seit gestern ganz weg", SENT).orElseThrow().phrase());
        assertEquals(Instant.parse("2026-03-05T00:00:00Z"),
                start.in("Seit einigen Wochen kommt am Gerät nur noch FTP-Fehler", SENT).orElseThrow().notAfter());
        assertEquals(Instant.parse("2026-03-05T00:00:00Z"), start.in("broken for a few weeks", SENT).orElseThrow().notAfter());
        assertEquals(Instant.parse("2026-03-09T00:00:00Z"),
                start.in("zeigt seit dem Wochenende 'Das Zertifikat ist abgelaufen'", SENT).orElseThrow().notAfter());
        assertEquals(Instant.parse("2026-03-09T00:00:00Z"), start.in("broken since the weekend", SENT).orElseThrow().notAfter());
        assertEquals(Instant.parse("2026-03-05T00:00:00Z"),
                start.in("seit ich letzte Woche die Bilder eingebunden habe, warnt Firefox", SENT).orElseThrow().notAfter());
    }

    @Test
    void agentsShorthandForDaysAndAnApproximateDayReachBackToo() {
        // SENT is a Wednesday: last Thursday is the 5th, the Saturday before it the 7th.
        assertEquals(Instant.parse("2026-03-06T00:00:00Z"), start.in("500er auf Startseite seit letztem Do. lt. Kd.", SENT)
                .orElseThrow().notAfter());
        assertEquals(Instant.parse("2026-03-08T00:00:00Z"), start.in("Postfach voll seit Sa. Kd. fragt", SENT).orElseThrow().notAfter());
        assertEquals(Instant.parse("2026-03-06T00:00:00Z"), start.in("seit etwa Donnerstag doppelt", SENT)
                .orElseThrow().notAfter());
        assertEquals(Optional.empty(), start.in("Seite down, so. jetzt mal schauen", SENT));
    }

    @Test
    void aDayWithItsPartIsThatDay() {
        // SENT is a Wednesday: Sunday evening ends with the Sunday.
        assertEquals(Instant.parse("2026-03-09T00:00:00Z"),
                start.in("bekommen wir seit Sonntagabend wieder massenhaft 1203", SENT).orElseThrow().notAfter());
        assertEquals(Instant.parse("2026-03-10T00:00:00Z"),
                start.in("am Montagmorgen war der Shop 2h down", SENT).orElseThrow().notAfter());
        // ... and Tuesday of last week is not yesterday.
        assertEquals(Instant.parse("2026-03-04T00:00:00Z"),
                start.in("Der Fehler ist immer noch da, genau wie seit Dienstag letzter Woche", SENT).orElseThrow().notAfter());
        assertEquals(Optional.empty(), start.in("Jetzt fehlen auf der Seite alle Beiträge seit Mitte August", SENT),
                "what is lost, not when");
        assertTrue(start.in("meine unterseiten zeigen alle 404 seit ich letzte Woche die permalinks umgestellt hab", SENT).isPresent());
    }

    @Test
    void theNightAndTheMorningOfTodayAreTimesOfToday() {
        assertEquals(Instant.parse("2026-03-11T06:00:00Z"), start.in("RAID meldet seit heute Nacht Fehler", SENT).orElseThrow().notAfter());
        assertEquals(Instant.parse("2026-03-11T10:00:00Z"), start.in("seit heute früh kritischer Fehler", SENT).orElseThrow().notAfter());
        assertEquals(Instant.parse("2026-03-11T06:00:00Z"), start.in("down since last night", SENT).orElseThrow().notAfter());
    }

    @Test
    void clockTimesAreTimesOfTheCustomersDay() {
        assertEquals(Instant.parse("2026-03-11T14:50:00Z"), start.in("seit 14:50 nicht erreichbar", SENT).orElseThrow().notAfter());
        assertEquals(Instant.parse("2026-03-11T14:45:00Z"), start.in("seit ca 14.45 uhr nicht erreichbar", SENT).orElseThrow().notAfter());
        assertEquals(Instant.parse("2026-03-11T08:00:00Z"), start.in("Telefonanlage seit heute 8 Uhr ausgefallen", SENT).orElseThrow().notAfter());
        assertEquals(Instant.parse("2026-03-10T23:00:00Z"), start.in("down since 11pm", SENT).orElseThrow().notAfter());
        assertTrue(start.in("seit 8 Uhr", SENT).orElseThrow().clockTime());
        assertEquals(Optional.empty(), start.in("seit 3 Tagen", SENT).filter(ProblemStart.Said::clockTime));
        assertEquals(Optional.empty(), start.in("seit 10 Minuten weg", SENT));
        assertEquals(Optional.empty(), start.in("seit ungefähr 20 min down, seit 2 h langsam", SENT));
        assertTrue(start.in("seit 05.03. kaputt", SENT).filter(ProblemStart.Said::clockTime).isEmpty());
    }

    @Test
    void aMomentWithoutSeitIsAMomentNotABeginning() {
        ProblemStart.Said sunday = start.in("Das Zertifikat ist offenbar am Sonntag abgelaufen", SENT).orElseThrow();
        assertEquals(Instant.parse("2026-03-09T00:00:00Z"), sunday.notAfter());
        assertTrue(sunday.when());
        assertTrue(start.in("hat gestern Abend seinen VPS heruntergefahren", SENT).orElseThrow().when());
        assertTrue(start.in("Hatte bei altem Anbieter letztes Jahr 2x Totalausfall", SENT).orElseThrow().notAfter()
                .isBefore(Instant.parse("2026-02-12T00:00:00Z")));
        assertTrue(start.in("we had two outages last month with our old host", SENT).orElseThrow().when());
        assertEquals(Optional.empty(), start.in("gestern ging noch alles, heute down", SENT));
        assertEquals(Optional.empty(), start.in("bis gestern lief der Shop", SENT));
        assertEquals(Optional.empty(), start.in("die Sicherung von gestern fehlt", SENT));
        assertTrue(start.in("seit dem Update letzten Montag startet Outlook nicht", SENT).orElseThrow().when());
        assertEquals(Optional.empty(), start.in("Am Mittwoch ist der Shop down", SENT)); // today
    }

    @Test
    void datesGiveTheEndOfThatDay() {
        assertEquals(Instant.parse("2026-03-06T00:00:00Z"), start.in("Backup schlägt seit dem 5. März fehl", SENT).orElseThrow().notAfter());
        assertEquals(Instant.parse("2026-03-06T00:00:00Z"), start.in("seit 05.03. kommt die Mail", SENT).orElseThrow().notAfter());
        assertEquals(Instant.parse("2026-03-06T00:00:00Z"), start.in("failing since March 5th", SENT).orElseThrow().notAfter());
        assertEquals(Instant.parse("2025-12-25T00:00:00Z"), start.in("seit dem 24. Dezember", SENT).orElseThrow().notAfter());
        assertEquals(Instant.parse("2026-02-11T00:00:00Z"), start.in("das stört mich schon ewig", SENT).orElseThrow().notAfter());
        assertEquals(Optional.empty(), start.in("seit dem 11. März", SENT)); // today
    }

    @Test
    void aPastDateIsAMomentAndADateAheadAPlan() {
        ProblemStart.Said expired = start.in("Zertifikat abgelaufen am 19.02.2026", SENT).orElseThrow();
        assertEquals(Instant.parse("2026-02-20T00:00:00Z"), expired.notAfter());
        assertTrue(expired.when());
        assertEquals(Instant.parse("2026-03-06T00:00:00Z"),
                start.in("Störungsbericht zum Ausfall vom 05.03.", SENT).orElseThrow().notAfter());
        assertEquals(Instant.parse("2026-03-06T00:00:00Z"),
                start.in("am Donnerstag, den 05.03., kam eine Mail zu spät", SENT).orElseThrow().notAfter());
        assertEquals(Optional.empty(), start.in("am 24.12. darf nichts ausfallen", SENT));
        assertEquals(Optional.empty(), start.in("das Backup vom 05.03. lässt sich nicht laden", SENT));
        assertEquals(Optional.empty(), start.in("bis am 05.03. ging alles", SENT));
        assertEquals(Instant.parse("2023-03-01T00:00:00Z"), // no 29th of February in 2023: its last day, as "seit" reads it
                start.in("Ausfall vom 29.02.2023", SENT).orElseThrow().notAfter());
    }

    @Test
    void aMonthIsItsEndAndAMonthAheadAPlan() {
        assertEquals(Instant.parse("2026-03-01T00:00:00Z"), start.in("seit Februar langsam", SENT).orElseThrow().notAfter());
        assertEquals(Instant.parse("2026-02-11T00:00:00Z"), start.in("since early February", SENT).orElseThrow().notAfter());
        assertEquals(Instant.parse("2026-03-11T00:00:00Z"), start.in("seit Anfang März", SENT).orElseThrow().notAfter());
        assertEquals(Instant.parse("2025-12-21T00:00:00Z"), start.in("seit Mitte Dezember", SENT).orElseThrow().notAfter());
        ProblemStart.Said moment = start.in("klappt seit Wechsel des VPN-Anbieters Anfang Februar nicht", SENT).orElseThrow();
        assertEquals(Instant.parse("2026-02-11T00:00:00Z"), moment.notAfter());
        assertTrue(moment.when());
        assertEquals(Optional.empty(), start.in("seit März", SENT)); // this month
        assertEquals(Optional.empty(), start.in("wir ziehen Ende Oktober um", SENT));
        assertEquals(Optional.empty(), start.in("im Januar ging noch alles", SENT));
        ProblemStart.Said year = start.in("Kd. vermisst alte Mails aus 2024", SENT).orElseThrow();
        assertEquals(Instant.parse("2025-01-01T00:00:00Z"), year.notAfter());
        assertTrue(year.when());
        assertEquals(Optional.empty(), start.in("Mails aus 2026 fehlen", SENT)); // this year
    }

    @Test
    void theDayOfAnEarlierReportDatesTheTroubleOfItsSentence() {
        ProblemStart.Said reported = start.in("wie schon am 05.03. gemeldet (Ticket #88213): Meine SSH-Sitzungen brechen ab",
                SENT).orElseThrow();
        assertEquals(Instant.parse("2026-03-06T00:00:00Z"), reported.notAfter());
        assertTrue(!reported.when(), "a sentence-wide beginning, like 'seit'");
        assertTrue(start.in("Zertifikat abgelaufen am 05.03.", SENT).orElseThrow().when());
    }

    @Test
    void theHeaderOfAQuotedReplyDatesCorrespondenceNotTrouble() {
        assertEquals(Optional.empty(), start.in("geht wieder nicht\n\nAm 05.03.2026 um 10:14 schrieb Support <s@hoster.example>:", SENT));
        assertEquals(Optional.empty(), start.in("still down\nAm 05.03. wrote Support:\n\nold text", SENT));
        assertEquals(Instant.parse("2026-03-06T00:00:00Z"), start.in("am 05.03. schon einmal ausgefallen, schrieb ich", SENT)
                .map(said -> said.notAfter()).orElse(null));
    }

    @Test
    void timesOfDayPlansAndTodaysWeekdaySayNothing() {
        assertEquals(Optional.empty(), start.in("Wartung for monday?", SENT));
        assertEquals(Optional.empty(), start.in("seit Mittwoch früh weg", SENT)); // today is Wednesday
    }

    @Test
    void onlyABeginningWellBeforeTheIncidentCounts() {
        ProblemStart.Said yesterday = start.in("seit gestern", SENT).orElseThrow();
        assertTrue(ProblemStart.before(yesterday, Instant.parse("2026-03-11T09:00:00Z"), Duration.ofHours(6)));
        assertTrue(!ProblemStart.before(yesterday, Instant.parse("2026-03-11T02:00:00Z"), Duration.ofHours(6)));
    }

    @Test
    void yesterdayEndsAtTheCustomersMidnight() {
        ProblemStart berlin = new ProblemStart(java.time.ZoneId.of("Europe/Berlin"));
        assertEquals(Instant.parse("2026-03-10T23:00:00Z"), berlin.in("seit gestern down", SENT).orElseThrow().notAfter());
        // Sent at 00:30 in Berlin (23:30 UTC): "gestern" is already the 11th there.
        Instant afterMidnight = Instant.parse("2026-03-11T23:30:00Z");
        assertEquals(Instant.parse("2026-03-11T23:00:00Z"), berlin.in("seit gestern down", afterMidnight).orElseThrow().notAfter());
    }
}
