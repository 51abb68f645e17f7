package io.lotse.triage;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When the customer says their trouble began, if they say it in words that reach back at least a day
 * ("seit gestern", "seit Montag", "since last week", "for days"). A problem that began before an incident
 * started is not caused by it: "Webseite seit Montag langsam" is no answer for today's packet loss.
 * Times of day ("seit 14:50") are left alone: clocks and memories are too vague for them.
 *
 * <p>Returns the latest moment the words allow, so that a doubt always favours the incident.
 */
public final class ProblemStart {

    /** A phrase of the customer, where it stands in the text, and the latest instant it can mean. */
    public record Said(String phrase, int offset, Instant notAfter) {
    }

    private static final Map<String, DayOfWeek> WEEKDAYS = Map.ofEntries(
            Map.entry("montag", DayOfWeek.MONDAY), Map.entry("dienstag", DayOfWeek.TUESDAY),
            Map.entry("mittwoch", DayOfWeek.WEDNESDAY), Map.entry("donnerstag", DayOfWeek.THURSDAY),
            Map.entry("freitag", DayOfWeek.FRIDAY), Map.entry("samstag", DayOfWeek.SATURDAY),
            Map.entry("sonntag", DayOfWeek.SUNDAY), Map.entry("monday", DayOfWeek.MONDAY),
            Map.entry("tuesday", DayOfWeek.TUESDAY), Map.entry("wednesday", DayOfWeek.WEDNESDAY),
            Map.entry("thursday", DayOfWeek.THURSDAY), Map.entry("friday", DayOfWeek.FRIDAY),
            Map.entry("saturday", DayOfWeek.SATURDAY), Map.entry("sunday", DayOfWeek.SUNDAY));

    /** "seit gestern", and with the subject in between: "seit ich letzte Woche ... eingebunden habe". */
    private static final Pattern SINCE = Pattern.compile("(?iu)\\b(?:seit|since)\\s+(?:(?:ich|wir|er|sie|man)\\s+)?"
            + "(?:dem\\s+|letztem\\s+|last\\s+)?"
            + "(gestern|yesterday|vorgestern|tagen|wochen|monaten|einer woche|ein paar tagen|mehreren tagen|letzter woche"
            + "|einigen tagen|einigen wochen|ein paar wochen|mehreren wochen|einigen monaten"
            + "|letzte woche"
            + "|last week|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|monday|tuesday|wednesday|thursday"
            + "|friday|saturday|sunday)\\b"
            // "for" only with a duration: "for monday" is a plan, not a beginning.
            + "|\\bfor\\s+(days|weeks|months|a week|a few days|a few weeks|several days|several weeks|some weeks)\\b");

    private final ZoneId zone;

    public ProblemStart(ZoneId zone) {
        this.zone = zone;
    }

    /** The earliest beginning the text names, if any. */
    public Optional<Said> in(String text, Instant sentAt) {
        return all(text, sentAt).stream().min(java.util.Comparator.comparing(Said::notAfter));
    }

    /** Every phrase that names a beginning, in text order. */
    public java.util.List<Said> all(String text, Instant sentAt) {
        Matcher m = SINCE.matcher(text);
        java.util.List<Said> said = new java.util.ArrayList<>();
        while (m.find()) {
            String word = (m.group(1) != null ? m.group(1) : m.group(2)).toLowerCase(Locale.ROOT);
            notAfter(word, sentAt).ifPresent(instant -> said.add(new Said(m.group().strip(), m.start(), instant)));
        }
        return said;
    }

    private Optional<Instant> notAfter(String word, Instant sentAt) {
        ZonedDateTime sent = sentAt.atZone(zone);
        // "seit gestern": at the latest, the end of yesterday.
        ZonedDateTime startOfToday = sent.truncatedTo(ChronoUnit.DAYS);
        return Optional.ofNullable(switch (word) {
            case "gestern", "yesterday" -> startOfToday.toInstant();
            case "vorgestern" -> startOfToday.minusDays(1).toInstant();
            case "tagen", "days", "ein paar tagen", "a few days", "mehreren tagen", "einigen tagen", "several days" ->
                    startOfToday.minusDays(1).toInstant();
            case "einer woche", "a week", "letzter woche", "letzte woche", "last week", "wochen", "weeks",
                    "einigen wochen", "ein paar wochen", "mehreren wochen", "a few weeks", "several weeks", "some weeks" ->
                    startOfToday.minusDays(6).toInstant();
            case "monaten", "months", "einigen monaten" -> startOfToday.minusDays(28).toInstant();
            default -> {
                DayOfWeek day = WEEKDAYS.get(word);
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
