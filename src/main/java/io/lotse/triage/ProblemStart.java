package io.lotse.triage;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When the customer says their trouble began, if they say it in words that reach back at least a day
 * ("seit gestern", "seit Montag", "seit dem Wochenende", "seit dem 5. September", "seit Anfang August", "since last week", "for days",
 * "schon ewig") or to the night or morning of today ("seit heute Nacht", "seit heute früh"), or when it happened
 * ("ist am Sonntag abgelaufen", "gestern Abend heruntergefahren", "Anfang August"). A problem that began before
 * an incident started is not caused by it: "Webseite seit Montag langsam" is no answer for today's packet loss.
 * Times of day ("seit 8 Uhr") count too, with less slack than the vaguer words (see AnswerGuards).
 *
 * <p>Returns the latest moment the words allow, so that a doubt always favours the incident.
 */
public final class ProblemStart {

    /**
     * A phrase of the customer, where it stands in the text, and the latest instant it can mean.
     *
     * @param when      true for a moment ("am Sonntag abgelaufen", "gestern Abend heruntergefahren"), false for a
     *                  beginning ("seit gestern"): a moment dates the trouble only in a clause that reports it
     * @param clockTime a time of day ("seit 8 Uhr"), more precise than "seit heute früh"
     */
    public record Said(String phrase, int offset, Instant notAfter, boolean when, boolean clockTime) {
        public Said(String phrase, int offset, Instant notAfter) {
            this(phrase, offset, notAfter, false, false);
        }
    }

    /** "seit 8 Uhr", "seit ca. 07:40", "since 8am": a time of the customers' day. */
    private static final Pattern SINCE_CLOCK = Pattern.compile("(?iu)\\b(?:seit|since)\\s+(?:heute\\s+|today\\s+)?"
            + "(?:(?:ca\\.?|circa|etwa|ungefähr|about|around|approx\\.?)\\s*)?(\\d{1,2})"
            // A time needs its minutes or "Uhr"/am/pm: "seit 10 Minuten", "seit 2 h" are durations, "seit 05.09." a date.
            + "(?:[:.](\\d{2})(?![.\\d])\\s*(uhr|am\\b|pm\\b)?|\\s*(uhr|am\\b|pm\\b))");

    private static final Map<String, DayOfWeek> WEEKDAYS = Map.ofEntries(
            Map.entry("montag", DayOfWeek.MONDAY), Map.entry("dienstag", DayOfWeek.TUESDAY),
            Map.entry("mittwoch", DayOfWeek.WEDNESDAY), Map.entry("donnerstag", DayOfWeek.THURSDAY),
            Map.entry("freitag", DayOfWeek.FRIDAY), Map.entry("samstag", DayOfWeek.SATURDAY),
            Map.entry("sonntag", DayOfWeek.SUNDAY), Map.entry("monday", DayOfWeek.MONDAY),
            Map.entry("tuesday", DayOfWeek.TUESDAY), Map.entry("wednesday", DayOfWeek.WEDNESDAY),
            Map.entry("thursday", DayOfWeek.THURSDAY), Map.entry("friday", DayOfWeek.FRIDAY),
            Map.entry("saturday", DayOfWeek.SATURDAY), Map.entry("sunday", DayOfWeek.SUNDAY),
            Map.entry("mo", DayOfWeek.MONDAY), Map.entry("di", DayOfWeek.TUESDAY), Map.entry("mi", DayOfWeek.WEDNESDAY),
            Map.entry("do", DayOfWeek.THURSDAY), Map.entry("fr", DayOfWeek.FRIDAY), Map.entry("sa", DayOfWeek.SATURDAY),
            Map.entry("so", DayOfWeek.SUNDAY));

    /**
     * The day's part names an earlier end than the day: "gestern Nachmittag ... aktualisiert. Seitdem ..." began by
     * 18:00, well before an incident of 03:00 that "gestern" alone (until midnight, plus slack) would reach.
     * "Gestern Abend" is the whole day as far as the slack is concerned.
     */
    private static final String PART_OF_YESTERDAY = "gestern\\s+(?:früh|morgen|vormittag|mittag|nachmittag)"
            + "|yesterday\\s+(?:morning|afternoon)";

    private static final String DAY_PARTS = "früh|morgen|vormittag|mittag|nachmittag|abend|nacht";
    private static final String PART_OF_A_DAY = "(?:" + DAY_PARTS + ")?";
    private static final Pattern DAY_PART_AT_END = Pattern.compile("(?:" + DAY_PARTS + ")$");
    /** "seit Dienstag letzter Woche": the day of the week before this one. */
    private static final String LAST_WEEK = "(?:\\s+(?:letzter|vergangener|der letzten|der vergangenen) woche)?";

    /** "seit gestern", and with the subject in between: "seit ich letzte Woche ... eingebunden habe". */
    private static final Pattern SINCE = Pattern.compile("(?iu)\\b(?:seit|since)\\s+(?:(?:ich|wir|er|sie|man)\\s+)?"
            + "(?:(?:ca\\.|circa|etwa|ungefähr|about|around)\\s*)?(?:dem\\s+|letztem\\s+|last\\s+|the\\s+)?"
            + "(" + PART_OF_YESTERDAY + "|gestern|yesterday|vorgestern|tagen|wochen|monaten|einer woche|ein paar tagen"
            + "|mehreren tagen|letzter woche|wochenende|weekend"
            + "|einigen tagen|einigen wochen|ein paar wochen|mehreren wochen|einigen monaten"
            + "|letzte woche|heute nacht|letzter nacht|heute früh|heute morgen|this morning|night"
            // "seit Sonntagabend": the day with its part, dated as the whole day.
            + "|last week|(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)" + PART_OF_A_DAY + LAST_WEEK
            + "|monday|tuesday|wednesday|thursday"
            + "|friday|saturday|sunday|ewigkeiten|langem"
            // Agents' shorthand for the days: "seit letztem Do.", "voll seit Sa."
            + "|mo(?=\\.)|di(?=\\.)|mi(?=\\.)|do(?=\\.)|fr(?=\\.)|sa(?=\\.)|so(?=\\.))\\b"
            // "for" only with a duration: "for monday" is a plan, not a beginning.
            + "|\\b(?:for|schon)\\s+(days|weeks|months|a week|a few days|a few weeks|several days|several weeks|some weeks"
            + "|ages|a long time|ewig|ewigkeiten)\\b");

    /**
     * A moment without "seit": "ist am Sonntag abgelaufen", "gestern Abend selbst heruntergefahren". Not
     * after "bis"/"until" ("bis gestern ging alles") or "von"/"from" ("die Sicherung von gestern fehlt"
     * names a job, not when trouble began), and see {@link #WORKED_THEN}. The night is missing for the same
     * reason: "the backup from last night", "das Backup heute Nacht".
     */
    private static final Pattern WHEN = Pattern.compile("(?iu)(?<!\\b(?:seit|since|bis|until|ab|by|für|for|von|vom|from|of)\\s)\\b(?:"
            + "(" + PART_OF_YESTERDAY + "|gestern|yesterday|vorgestern|letzte woche|letzter woche|last week"
            // "Hatte bei altem Anbieter letztes Jahr 2x Totalausfall": trouble long past, not today's.
            + "|letztes jahr|voriges jahr|vergangenes jahr|last year|letzten monat|vorigen monat|vergangenen monat|last month"
            // "vermisst alte Mails aus 2024": a year (before this one, see notAfter) the trouble belongs to.
            + "|aus (?:dem jahr )?20\\d\\d)"
            + "|(?:am|on|last|letzten|letztem|vergangenen|vergangenem)\\s+((?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)"
            + PART_OF_A_DAY + "|monday|tuesday|wednesday"
            + "|thursday|friday|saturday|sunday))\\b");

    /**
     * A past date as a moment: "Zertifikat abgelaufen am 19.10.2026", "wegen der Störung bei Ihnen am 12.02.", and
     * after the name of an outage also with "vom" ("Störungsbericht zum Ausfall vom 10.09."), which otherwise
     * names a thing ("das Backup vom 16.03.", see {@link #WHEN}). A date ahead is a plan, not trouble.
     */
    private static final Pattern ON_DATE = Pattern.compile("(?iu)(?:\\b(?:ausfall|ausfalls|störung|vorfall|outage|incident)"
            + "\\s+(?:vom|am|on)|(?<!\\b(?:bis|until|ab|von|vom|from)\\s)\\bam)\\s+"
            + "(?:(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag),?\\s+(?:den\\s+)?)?"
            + "(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})?");

    /**
     * "Am 14.09.2026 um 10:14 schrieb Support <...>:": the header of a quoted reply, which the intake keeps when
     * no quoted lines follow it (Outlook's full quote); a date of correspondence, not of trouble.
     */
    private static final Pattern QUOTE_ATTRIBUTION = Pattern.compile("(?iu)[^\n]{0,200}\\b(?:schrieb|wrote)\\b[^\n]*:[ \t]*(?:\n|$)");

    /** "am 07.09. gemeldet", "on 07.09. reported to you", "am 05.03. an Sie geschrieben". */
    private static final Pattern REPORTED = Pattern.compile(
            "(?iu)\\s*(?:\\p{L}+\\s+){0,3}?(?:gemeldet|reported|geschrieben|mitgeteilt|geschildert|beschrieben)\\b");

    /** "alle Bestellungen " in front of "seit": the things of a period, a noun (capitalised), not "zeigen alle 404". */
    private static final Pattern ALL_OF_A_KIND = Pattern.compile("(?u)\\b(?:[Aa]lle|[Ss]ämtliche)\\s+\\p{Lu}\\p{L}+\\s+$");

    /** "gestern ging noch alles", "yesterday it still worked": the moment things were fine ("nur noch" is no "noch"). */
    private static final Pattern WORKED_THEN = Pattern.compile(
            "(?iu)\\b(?:(?<!nur )noch|still|ging|lief|liefen|funktionierte|klappte|worked|was fine|were fine)\\b");

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("januar", 1), Map.entry("january", 1), Map.entry("februar", 2), Map.entry("february", 2),
            Map.entry("märz", 3), Map.entry("maerz", 3), Map.entry("march", 3), Map.entry("april", 4),
            Map.entry("mai", 5), Map.entry("may", 5), Map.entry("juni", 6), Map.entry("june", 6),
            Map.entry("juli", 7), Map.entry("july", 7), Map.entry("august", 8), Map.entry("september", 9),
            Map.entry("oktober", 10), Map.entry("october", 10), Map.entry("november", 11), Map.entry("dezember", 12),
            Map.entry("december", 12));

    /** "seit dem 5. September", "seit 05.09.", "since September 5th", "since 5 September". */
    private static final Pattern SINCE_DATE = Pattern.compile("(?iu)\\b(?:seit|since)\\s+(?:dem\\s+|the\\s+)?(?:"
            + "(\\d{1,2})\\.\\s*(?:(\\p{L}+)|(\\d{1,2})\\.)"
            + "|(\\p{L}+)\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b"
            + "|(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(\\p{L}+))");

    /** "seit August", "seit Anfang Oktober", "since early August": a month, at the latest its (part's) end. */
    private static final Pattern SINCE_MONTH = Pattern.compile("(?iu)\\b(?:seit|since)\\s+(?:the\\s+)?"
            + "(?:(anfang|mitte|ende|early|mid|late|end of)\\s+)?(\\p{L}+)\\b(?!\\s*\\d)");

    /**
     * "klappt seit Wechsel des VPN-Anbieters Anfang August nicht", "im Juli abgelaufen": a month as a moment, which
     * dates only the trouble of its clause. A month still ahead this year is a plan ("Ende Oktober umziehen").
     */
    private static final Pattern IN_MONTH = Pattern.compile("(?iu)(?<!\\b(?:seit|since|bis|until|ab|by|für|for|von|vom|from|of)\\s)"
            + "\\b(anfang|mitte|ende|early|mid|late|im|in)\\s+(\\p{L}+)\\b(?!\\s*\\d)");

    private final ZoneId zone;

    public ProblemStart(ZoneId zone) {
        this.zone = zone;
    }

    /** The earliest beginning the text names, if any. */
    public Optional<Said> in(String text, Instant sentAt) {
        return all(text, sentAt).stream().min(Comparator.comparing(Said::notAfter));
    }

    /** Every phrase that names a beginning, in text order. */
    public List<Said> all(String text, Instant sentAt) {
        Matcher m = SINCE.matcher(text);
        List<Said> said = new ArrayList<>();
        while (m.find()) {
            String word = (m.group(1) != null ? m.group(1) : m.group(2)).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            notAfter(word, sentAt).ifPresent(instant -> said.add(new Said(m.group().strip(), m.start(), instant)));
        }
        Matcher w = WHEN.matcher(text);
        while (w.find()) {
            String word = (w.group(1) != null ? w.group(1) : w.group(2)).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            if (!WORKED_THEN.matcher(clauseAfter(text, w.end())).find()) {
                notAfter(word, sentAt).ifPresent(instant -> said.add(new Said(w.group().strip(), w.start(), instant, true, false)));
            }
        }
        Matcher o = ON_DATE.matcher(text);
        while (o.find()) {
            String after = clauseAfter(text, o.end());
            if (!WORKED_THEN.matcher(after).find()
                    && !QUOTE_ATTRIBUTION.matcher(text).region(o.end(), text.length()).lookingAt()) {
                // "wie schon am 07.09. gemeldet (Ticket #88213): Meine SSH-Sitzungen brechen ab": the day of an
                // earlier report dates the trouble its sentence names, not only that of its clause.
                boolean reported = REPORTED.matcher(after).lookingAt();
                pastDay(o, sentAt).ifPresent(instant -> said.add(new Said(o.group().strip(), o.start(), instant, !reported, false)));
            }
        }
        Matcher c = SINCE_CLOCK.matcher(text);
        while (c.find()) {
            clockTime(c, sentAt).ifPresent(instant -> said.add(new Said(c.group().strip(), c.start(), instant, false, true)));
        }
        Matcher d = SINCE_DATE.matcher(text);
        while (d.find()) {
            dayAfter(d, sentAt).ifPresent(instant -> said.add(new Said(d.group().strip(), d.start(), instant)));
        }
        Matcher sm = SINCE_MONTH.matcher(text);
        while (sm.find()) {
            monthEnd(sm.group(1), sm.group(2), sentAt, true)
                    .ifPresent(instant -> said.add(new Said(sm.group().strip(), sm.start(), instant)));
        }
        Matcher im = IN_MONTH.matcher(text);
        while (im.find()) {
            if (!WORKED_THEN.matcher(clauseAfter(text, im.end())).find()) {
                monthEnd(im.group(1), im.group(2), sentAt, false)
                        .ifPresent(instant -> said.add(new Said(im.group().strip(), im.start(), instant, true, false)));
            }
        }
        // "Alle Bestellungen seit dem 28.08. sind verschwunden", "fehlen alle Beiträge seit Mitte August": what is lost,
        // not when the trouble began.
        said.removeIf(one -> ALL_OF_A_KIND.matcher(text.substring(Math.max(0, one.offset() - 40), one.offset())).find());
        said.sort(Comparator.comparingInt(Said::offset));
        return said;
    }

    /** Today's (or, when that lies ahead, yesterday's) moment of a clock time. */
    private Optional<Instant> clockTime(Matcher c, Instant sentAt) {
        int hour = Integer.parseInt(c.group(1));
        int minute = c.group(2) == null ? 0 : Integer.parseInt(c.group(2));
        String suffix = c.group(3) != null ? c.group(3).toLowerCase(Locale.ROOT)
                : c.group(4) != null ? c.group(4).toLowerCase(Locale.ROOT) : "";
        if (suffix.equals("pm") && hour < 12) {
            hour += 12;
        }
        if (hour > 23 || minute > 59) {
            return Optional.empty();
        }
        ZonedDateTime sent = sentAt.atZone(zone);
        ZonedDateTime at = sent.truncatedTo(ChronoUnit.DAYS).withHour(hour).withMinute(minute);
        if (at.isAfter(sent.plusHours(1))) {
            at = at.minusDays(1);
        }
        return Optional.of(at.toInstant());
    }

    /** The rest of the clause after offset (up to , ; . ! ? or a line end). */
    private static String clauseAfter(String text, int offset) {
        int end = offset;
        while (end < text.length() && ",;.!?\n".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        return text.substring(offset, end);
    }

    /** The end of the day a date names: in the sending year, or the year before if it lies ahead. */
    private Optional<Instant> dayAfter(Matcher d, Instant sentAt) {
        String dayText = d.group(1) != null ? d.group(1) : d.group(5) != null ? d.group(5) : d.group(6);
        String monthText = d.group(2) != null ? d.group(2) : d.group(3) != null ? d.group(3)
                : d.group(4) != null ? d.group(4) : d.group(7);
        Integer month = monthText.chars().allMatch(Character::isDigit) ? Integer.valueOf(monthText)
                : MONTHS.get(monthText.toLowerCase(Locale.ROOT));
        LocalDate sent = sentAt.atZone(zone).toLocalDate();
        return dateIn(sent.getYear(), month, Integer.parseInt(dayText))
                .map(date -> date.isAfter(sent) ? date.minusYears(1) : date)
                // "seit heute" written as today's date says nothing about earlier days.
                .filter(date -> !date.equals(sent))
                .map(date -> date.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /**
     * The end of a month's beginning (the 10th), middle (the 20th) or whole, before the sending day: in the sending
     * year, or for a beginning ("seit Dezember" in March) the year before.
     */
    private Optional<Instant> monthEnd(String part, String monthText, Instant sentAt, boolean beginning) {
        Integer month = MONTHS.get(monthText.toLowerCase(Locale.ROOT));
        if (month == null) {
            return Optional.empty();
        }
        LocalDate sent = sentAt.atZone(zone).toLocalDate();
        LocalDate end = lastDayOf(part, sent.getYear(), month);
        if (!end.isBefore(sent)) {
            if (!beginning || month <= sent.getMonthValue()) {
                return Optional.empty(); // this month, or a plan
            }
            end = lastDayOf(part, sent.getYear() - 1, month);
        }
        return Optional.of(end.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /** The last day of a month's beginning ("Anfang"), middle ("Mitte") or, for "Ende" or nothing, of the month. */
    private static LocalDate lastDayOf(String part, int year, int month) {
        return switch (part == null ? "" : part.toLowerCase(Locale.ROOT)) {
            case "anfang", "early" -> LocalDate.of(year, month, 10);
            case "mitte", "mid" -> LocalDate.of(year, month, 20);
            default -> YearMonth.of(year, month).atEndOfMonth();
        };
    }

    /** The end of a day before the sending day ({@link #ON_DATE}): in the year given, else the sending year. */
    private Optional<Instant> pastDay(Matcher o, Instant sentAt) {
        LocalDate sent = sentAt.atZone(zone).toLocalDate();
        int year = o.group(3) != null ? Integer.parseInt(o.group(3)) : sent.getYear();
        return dateIn(year, Integer.valueOf(o.group(2)), Integer.parseInt(o.group(1)))
                .filter(date -> date.isBefore(sent))
                .map(date -> date.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /** Day and month in the year, if they name a day of any year (the 29.02. of a year without one is its 28th). */
    private static Optional<LocalDate> dateIn(int year, Integer month, int day) {
        if (month == null || month < 1 || month > 12 || day < 1 || day > YearMonth.of(2000, month).lengthOfMonth()) {
            return Optional.empty();
        }
        return Optional.of(LocalDate.of(year, month, Math.min(day, YearMonth.of(year, month).lengthOfMonth())));
    }

    private Optional<Instant> notAfter(String word, Instant sentAt) {
        ZonedDateTime sent = sentAt.atZone(zone);
        // "seit gestern": at the latest, the end of yesterday.
        ZonedDateTime startOfToday = sent.truncatedTo(ChronoUnit.DAYS);
        if (word.matches("aus (?:dem jahr )?20\\d\\d")) {
            int year = Integer.parseInt(word.substring(word.length() - 4));
            return year < sent.getYear()
                    ? Optional.of(LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant()) : Optional.empty();
        }
        return Optional.ofNullable(switch (word) {
            case "gestern", "yesterday" -> startOfToday.toInstant();
            case "gestern früh", "gestern morgen", "gestern vormittag", "yesterday morning" -> startOfToday.minusHours(12).toInstant();
            case "gestern mittag" -> startOfToday.minusHours(10).toInstant();
            case "gestern nachmittag", "yesterday afternoon" -> startOfToday.minusHours(6).toInstant();
            // The night and the morning of today: "seit heute Nacht" says nothing about an incident of 03:00.
            case "heute nacht", "letzter nacht", "letzte nacht", "last night", "night" -> startOfToday.plusHours(6).toInstant();
            case "heute früh", "heute morgen", "this morning" -> startOfToday.plusHours(10).toInstant();
            case "vorgestern" -> startOfToday.minusDays(1).toInstant();
            case "tagen", "days", "ein paar tagen", "a few days", "mehreren tagen", "einigen tagen", "several days" ->
                    startOfToday.minusDays(1).toInstant();
            case "einer woche", "a week", "letzter woche", "letzte woche", "last week", "wochen", "weeks",
                    "einigen wochen", "ein paar wochen", "mehreren wochen", "a few weeks", "several weeks", "some weeks" ->
                    startOfToday.minusDays(6).toInstant();
            case "monaten", "months", "einigen monaten", "ewigkeiten", "langem", "ages", "a long time", "ewig",
                    "letztes jahr", "voriges jahr", "vergangenes jahr", "last year", "letzten monat", "vorigen monat",
                    "vergangenen monat", "last month" ->
                    startOfToday.minusDays(28).toInstant();
            // "seit dem Wochenende" on a working day: the weekend ended at the start of this week's Monday.
            case "wochenende", "weekend" -> sent.getDayOfWeek().getValue() >= DayOfWeek.SATURDAY.getValue() ? null
                    : sent.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).truncatedTo(ChronoUnit.DAYS).toInstant();
            default -> {
                String[] dayAndWeek = word.split(" ", 2);
                DayOfWeek day = WEEKDAYS.get(DAY_PART_AT_END.matcher(dayAndWeek[0]).replaceFirst(""));
                if (day != null && dayAndWeek.length > 1) {
                    // "Dienstag letzter Woche": the Tuesday before this week's Monday.
                    ZonedDateTime thatDay = startOfToday.with(TemporalAdjusters.previous(day));
                    ZonedDateTime thisMonday = startOfToday.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                    yield (thatDay.isBefore(thisMonday) ? thatDay : thatDay.minusWeeks(1)).plusDays(1).toInstant();
                }
                // "seit Montag" on a Monday means this morning: no claim about earlier days.
                yield day == null || day == sent.getDayOfWeek() ? null
                        : sent.with(TemporalAdjusters.previous(day)).truncatedTo(ChronoUnit.DAYS).plusDays(1).toInstant();
            }
        });
    }

    /** True when the words say the trouble began before {@code incidentStart}, allowing {@code slack}. */
    static boolean before(Said said, Instant incidentStart, Duration slack) {
        return said.notAfter().isBefore(incidentStart.minus(slack));
    }
}
