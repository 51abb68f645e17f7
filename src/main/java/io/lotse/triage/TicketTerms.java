package io.lotse.triage;

import io.lotse.triage.index.TriageVocabulary;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ticket's words grouped into {@link Mention}s, with what they add up to: whether the customer reports
 * trouble, which services are affected, what they ask besides, and what they name as the cause.
 */
final class TicketTerms {
    private final List<Mention> mentions;
    private final Set<Integer> affectedClauses = new HashSet<>();
    private final Set<String> affectedServices = new TreeSet<>();
    private final List<String> serviceSurfaces = new ArrayList<>();
    private final Map<String, Set<String>> intentSurfaces = new LinkedHashMap<>();
    private final Map<String, Set<String>> requestSurfaces = new LinkedHashMap<>();
    private final boolean outage;
    private final boolean degraded;
    private final TriageVocabulary vocabulary;
    private final String text;
    private final MachineNames machines;

    private final Set<String> subjectServices = new TreeSet<>();
    private final Set<String> failingServices = new TreeSet<>();

    /**
     * A period after a word of one to three letters ends an abbreviation ("ca.", "lt. Kd."), except after "so" and
     * "da", which end sentences ("weil ich dachte das muss so. seitdem fehlen ..."); lower case only, so that agents'
     * "seit So." stays Sunday. (Tried with twenty more short words, "ok.", "hat.", "weg." ...: notes like "Webmail ok.
     * Störung bekannt" then split where agents run on, and 6 right answers were lost.)
     */
    private static final String SHORT_WORD = "\\b(?!(?:so|da)\\.)\\p{L}{1,3}";
    /**
     * Sentence ends: ! ? line ends, and a period before a space unless it ends an abbreviation of one to
     * three letters ("Kd.", "n. erreichb.") or a number ("seit dem 5. September", "PHP 8.1"). A line that
     * ends in a colon goes on into the next, over one blank line ("schickt mir seit Tagen diese Meldung:"
     * and the quoted message).
     */
    private static final Pattern SENTENCE_END =
            Pattern.compile("(?U)(?<!" + SHORT_WORD + "|\\p{N})\\.+(?=\\s)|[!?]+|(?<!:[ \\t]{0,3}(?:\\r?\\n)?[ \\t]{0,3})\\R");

    /** A sentence that starts by pointing back at the one before ("Das ist aber schon seit letzter Woche so"). */
    private static final Pattern POINTS_BACK = Pattern.compile("(?iu)\\s*(?:das|dies|es|this|that|it)(?:'s)?\\b");

    /** A since-clause without a main clause of its own: it dates the sentence before. */
    private static final Pattern SINCE_ALONE = Pattern.compile("(?iu)\\s*(?:seit|since)\\b");

    /** A sentence that dates its trouble to the moment the one before names ("Seitdem bootet er nicht mehr"). */
    private static final Pattern SINCE_THEN = Pattern.compile("(?iu)\\s*(?:seitdem|seither|since then|ever since)\\b");
    /** A clock time ("9:18", "14 Uhr") after the moment: the later point "seitdem" refers to instead. */
    private static final Pattern LATER_TIME = Pattern.compile("(?iu)\\b\\d{1,2}[:.]\\d{2}\\b|\\b\\d{1,2}\\s*(?:uhr|am|pm)\\b");

    /**
     * "Webseite nicht erreichbar, Mails gehen aber": outage words refer to their own clause. Clauses end at
     * , ; . ! ? before a space and at line ends; a period after a word of one to three letters ends an
     * abbreviation ("ca.", "n. erreichb."), no clause, nor does the last period of a date ("Vertrag zum 30.09.
     * gekündigt"; "Fehler 500." does end one). Word boundaries are Unicode's ((?U)): otherwise "läuft.", "lädt." and
     * "Grüße." would end in a "word" of one to three letters after the umlaut and end nothing.
     */
    private static final Pattern CLAUSE_BOUNDARY =
            Pattern.compile("(?U)(?<!" + SHORT_WORD + "|\\b\\d{1,2}\\.\\d{1,2})\\.+(?=\\s)|[,;!?][,;.!?]*(?=\\s)|\\R");

    /** Negations, kept by the analyzer; on their own they match nothing, next to "läuft" they undo it. */
    static final List<String> NEGATIONS =
            List.of("nicht", "kein", "keine", "keinen", "keinem", "keiner", "nichts", "nix", "n", "nie", "niemals",
                    "ohne", "no", "not", "never", "none", "nothing", "cannot", "can't");

    private static final Set<String> GERMAN_WORKS_VERBS = Set.of("läuft", "laufen", "geht", "gehen", "funktioniert",
            "funktionieren", "klappt", "klappen");
    private static final Set<String> BARE_WORKS_VERBS = union(GERMAN_WORKS_VERBS, Set.of("works", "work", "working"));
    /** Works wording that a German negation behind it turns round ("funktioniert seit 9 nicht", "erreichbar nicht"). */
    private static final Set<String> NEGATED_FROM_BEHIND = union(GERMAN_WORKS_VERBS, Set.of("erreichbar", "online"));

    static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    private static final Pattern CLAUSE_TAIL = Pattern.compile(
            "(?iu)(?:\\s+(?:noch|auch|aber|ja|doch|wohl|soweit|alle|alles|weiterhin|still|too|though))*[\\s\"')\\].,;:!…]*");
    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    private static final Pattern QUESTION_END = Pattern.compile("\\?[\\s\"')\\]]*$");
    /** Also a passive question: "Wurde an der Filterkonfiguration etwas geändert?" asks who did it. */
    private static final Pattern ADDRESSES_PROVIDER = Pattern.compile(
            "(?iu)\\b(?:ihr|habt|euch|eure[mnrs]?|sie|ihrerseits|you|your|wurde|wurden|worden)\\b");
    private static final Pattern FIRST_PERSON = Pattern.compile("(?iu)\\b(?:ich|wir|hab|habe|i|we)\\b");
    private static final Pattern PAST = Pattern.compile(
            "(?iu)\\b(?:hat|hats|hatte|hatten|habe|haben|hab|war|waren|had|was|were|did)\\b");

    /** Clauses in which the customer says something works, and the services named there. */
    private final Set<Integer> workingClauses = new HashSet<>();
    private final Set<String> workingServices = new TreeSet<>();
    private final List<String> workingSurfaces = new ArrayList<>();

    TicketTerms(String text, List<Mention> mentions, int subjectEnd, TriageVocabulary vocabulary) {
        this.text = text;
        this.machines = MachineNames.in(text);
        this.mentions = List.copyOf(mentions);
        this.vocabulary = vocabulary;
        mentions.stream().filter(Mention::outage).forEach(m -> failingServices.addAll(m.services()));
        boolean anyOutage = false;
        boolean anyDegraded = false;
        Set<Integer> outageClauses = new HashSet<>();
        for (Mention m : mentions) {
            if (m.outage()) {
                if (m.degradedOnly()) {
                    anyDegraded = true;
                } else {
                    anyOutage = true;
                }
                outageClauses.add(m.clause());
            }
            for (String intent : m.intents()) {
                intentSurfaces.computeIfAbsent(intent, i -> new LinkedHashSet<>()).add(m.surface());
            }
            for (String request : m.requests()) {
                requestSurfaces.computeIfAbsent(request, r -> new LinkedHashSet<>()).add(m.surface());
            }
        }
        this.outage = anyOutage;
        this.degraded = anyDegraded;
        // "Website + Mail laufen": a clause that says something works, without outage wording, without a
        // negation ("läuft seit heute nicht") and not as a question ("Läuft die Seite?").
        Set<Integer> negatedClauses = new HashSet<>();
        mentions.stream().filter(m -> NEGATIONS.contains(m.surface())).forEach(m -> negatedClauses.add(m.clause()));
        for (Mention m : mentions) {
            if (m.works() && !outageClauses.contains(m.clause()) && !negatedClauses.contains(m.clause())
                    && !endsInQuestion(text, m.clause()) && saysItWorksNow(text, m)) {
                workingClauses.add(m.clause());
            }
        }
        for (Mention m : mentions) {
            if (workingClauses.contains(m.clause()) && !m.services().isEmpty()) {
                workingServices.addAll(m.services());
                if (!workingSurfaces.contains(m.surface())) {
                    workingSurfaces.add(m.surface());
                }
            }
        }
        mentions.stream().filter(m -> m.start() < subjectEnd && !workingClauses.contains(m.clause()))
                .forEach(m -> subjectServices.addAll(m.services()));
        // The services "affected" are those named in a clause with outage wording; when no clause
        // has both (or there is no outage wording), every named service counts but those said to work.
        boolean objectNearOutage = mentions.stream()
                .anyMatch(m -> !m.objects().isEmpty() && outageClauses.contains(m.clause()));
        for (Mention m : mentions) {
            if (!objectNearOutage && !workingClauses.contains(m.clause()) || outageClauses.contains(m.clause())) {
                affectedClauses.add(m.clause());
                if (!m.services().isEmpty()) {
                    affectedServices.addAll(m.services());
                    if (!serviceSurfaces.contains(m.surface())) {
                        serviceSurfaces.add(m.surface());
                    }
                }
            }
        }
    }

    /** Hosts, clusters and nodes the customer names ("web-a", "kvm-node-12"). */
    MachineNames machines() {
        return machines;
    }

    /** The subject and the text, as analysed. */
    String text() {
        return text;
    }

    /**
     * Whether the sentence around {@code offset} is about the trouble: it has outage, error or degradation
     * wording, or names a service ("Mails an X kommen seit gestern zurück"). "Seit Wochen" in "der
     * Vorverkauf ist seit Wochen beworben" says nothing about when a problem began.
     */
    boolean sentenceIsAboutTrouble(int offset) {
        int[] sentence = sentenceSpan(text, offset);
        if (namesTrouble(sentence)) {
            return true;
        }
        // "... dreht sich immer im Kreis mit der Anmeldung. Das ist aber schon seit letzter Woche so": the
        // sentence points back at the trouble of the one before; so does a since-clause standing alone ("504
        // gateway timeout. seit wir gestern abend das neue slider plugin drauf haben").
        String own = text.substring(sentence[0], sentence[1]);
        boolean pointsBack = POINTS_BACK.matcher(own).lookingAt();
        if (sentence[0] > 0 && (pointsBack || SINCE_ALONE.matcher(own).lookingAt())) {
            int[] before = sentenceSpan(text, sentence[0] - 1);
            // "... werden alle Mails doppelt angezeigt. Auf dem Handy ist alles normal. Das geht schon seit Montag
            // so.": "das" also points past a sentence without trouble to the trouble before it.
            if (namesTrouble(before) || pointsBack && before[0] > 0 && namesTrouble(sentenceSpan(text, before[0] - 1))) {
                return true;
            }
        }
        return brokenOffAtLineEnd(sentence) && namesTrouble(sentenceSpan(text, nextWord(sentence[1])));
    }

    /**
     * "bekommen wir seit Sonntagabend wieder massenhaft\n\nSQLSTATE[HY000] [1203] ...": a sentence that stops at the
     * line end without its stop goes on with the error pasted below it.
     */
    private boolean brokenOffAtLineEnd(int[] sentence) {
        int end = sentence[1];
        return end > sentence[0] && nextWord(end) < text.length() && (text.charAt(end) == '\n' || text.charAt(end) == '\r')
                && Character.isLetter(text.charAt(end - 1));
    }

    private int nextWord(int from) {
        int next = from;
        while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
            next++;
        }
        return next;
    }

    private boolean namesTrouble(int[] sentence) {
        return mentions.stream().anyMatch(m -> (m.outage() || !m.services().isEmpty())
                && m.start() >= sentence[0] && m.start() < sentence[1]);
    }

    /** Start and end of the sentence around {@code offset}; the end is where its ! ? or period stands. */
    static int[] sentenceSpan(String text, int offset) {
        int from = 0;
        int to = text.length();
        Matcher end = SENTENCE_END.matcher(text);
        while (end.find()) {
            if (end.end() <= offset) {
                from = end.end();
            } else {
                to = end.start();
                break;
            }
        }
        return new int[] {from, to};
    }

    /**
     * Whether the clause around {@code offset} has outage, error or degradation wording ("am Sonntag
     * abgelaufen"), or the next clause points back at it with such wording ("ich habe gestern Abend ein
     * Angebot geschickt, das ist nie angekommen"), or the next sentence dates its trouble to it ("ich habe
     * gestern Abend das Signing Secret neu erzeugt. Seitdem zeigt Stripe HTTP 400").
     */
    boolean clauseReportsTrouble(int offset) {
        int clause = clause(text, offset);
        if (reportsTrouble(clause)) {
            return true;
        }
        // A clause pointing back counts only within the sentence ("I got your notice last week. It's now 6:30
        // and ..." starts anew); across the sentence end only "seitdem" dates the next sentence's trouble.
        int sentenceEnd = sentenceSpan(text, offset)[1];
        int[] next = clauseSpan(text, clause + 1);
        if (next[0] < sentenceEnd && POINTS_BACK.matcher(text.substring(next[0], next[1])).lookingAt()
                && reportsTrouble(clause + 1)) {
            return true;
        }
        // "Die Einladung ging gestern raus, bis 9:18 Uhr kamen Anmeldungen. Seitdem keine mehr": a later time in
        // the sentence is what "seitdem" points to.
        if (LATER_TIME.matcher(text.substring(offset, sentenceEnd)).find()) {
            return false;
        }
        int after = sentenceEnd;
        while (after < text.length() && !Character.isLetterOrDigit(text.charAt(after))) {
            after++;
        }
        int following = clause(text, after);
        int[] span = clauseSpan(text, following);
        return SINCE_THEN.matcher(text.substring(span[0], span[1])).lookingAt() && reportsTrouble(following);
    }

    private boolean reportsTrouble(int clause) {
        return mentions.stream().anyMatch(m -> m.outage() && m.clause() == clause);
    }

    /** Services named by the failure wording itself ("could not resolve", "database error"). */
    Set<String> failingServices() {
        return failingServices;
    }

    /**
     * The first of {@code words} ({@link TriageVocabulary#fold folded}) that stands after the mention in its
     * clause: "Lastschrift für Verlängerung zurückgegangen".
     */
    static Optional<String> laterInClause(String text, Mention mention, Set<String> words) {
        int[] span = clauseSpan(text, mention.clause());
        int from = Math.min(span[1], mention.start() + mention.surface().length());
        Matcher word = WORD.matcher(text.substring(from, span[1]));
        while (word.find()) {
            if (words.contains(TriageVocabulary.fold(word.group()))) {
                return Optional.of(word.group().toLowerCase(Locale.ROOT));
            }
        }
        return Optional.empty();
    }

    /** The customer speaks of themselves in the clause ("ich habe ...", "wir haben ...", "hab grad ..."). */
    static boolean speaksOfThemselves(String text, int clause) {
        int[] span = clauseSpan(text, clause);
        return FIRST_PERSON.matcher(text.substring(span[0], span[1])).find();
    }

    /** Index of the clause holding offset. */
    static int clause(String text, int offset) {
        Matcher boundary = CLAUSE_BOUNDARY.matcher(text);
        int clause = 0;
        while (boundary.find() && boundary.end() <= offset) {
            clause++;
        }
        return clause;
    }

    private static boolean endsInQuestion(String text, int clause) {
        int[] span = clauseSpan(text, clause);
        return QUESTION_END.matcher(text.substring(span[0], span[1])).find();
    }

    /**
     * A bare verb says something works only at the end of its clause ("Website + Mail laufen.", "Webmail
     * geht noch"): elsewhere it is how things run ("läuft über einen Cronjob", "läuft normal stündlich",
     * "um auf Nummer sicher zu gehen"). Either way, not in the past ("gestern hat es noch funktioniert").
     */
    private static boolean saysItWorksNow(String text, Mention works) {
        int[] span = clauseSpan(text, works.clause());
        if (PAST.matcher(text.substring(span[0], span[1])).find()) {
            return false;
        }
        if (!BARE_WORKS_VERBS.contains(works.surface())) {
            return true;
        }
        int end = Math.min(span[1], works.start() + works.surface().length());
        return CLAUSE_TAIL.matcher(text.substring(end, span[1])).matches();
    }

    /** The text of the clause holding offset: where the customer says something about the words there. */
    static String clauseOf(String text, int offset) {
        int[] span = clauseSpan(text, clause(text, offset));
        return text.substring(span[0], span[1]);
    }

    /** Start and end of a clause, the punctuation that ends it included. */
    private static int[] clauseSpan(String text, int clause) {
        int start = 0;
        Matcher boundary = CLAUSE_BOUNDARY.matcher(text);
        for (int i = 0; boundary.find(); i++) {
            if (i == clause) {
                return new int[] {start, boundary.end()};
            }
            start = boundary.end();
        }
        return new int[] {start, text.length()};
    }

    /**
     * "funktioniert seit heute früh nicht mehr": works wording and a negation behind it in its clause.
     * "Ohne" asks for a way ("geht das ohne Downtime?"); English puts "not" first.
     */
    static boolean negatedFromBehind(Mention works, Mention negation) {
        return NEGATED_FROM_BEHIND.contains(works.surface()) && negation.clause() == works.clause()
                && negation.start() > works.start() && NEGATIONS.contains(negation.surface())
                && !"ohne".equals(negation.surface());
    }

    /** The customer says the services of this mention's clause work ("Website + Mail laufen"). */
    boolean isWorking(Mention mention) {
        return workingClauses.contains(mention.clause());
    }

    /** "says website, e-mail work ('website', 'mail')", when the customer says so. */
    Optional<String> workingLine() {
        if (workingServices.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("says " + ReasonText.labels(vocabulary, workingServices) + " work ("
                + ReasonText.quoted(workingSurfaces.stream().limit(ReasonText.MAX_WORDS).toList())
                + "): not what they report as broken");
    }

    /** Services the subject line names: what the customer writes about first. */
    Set<String> subjectServices() {
        return subjectServices;
    }

    boolean isAffected(Mention mention) {
        return affectedClauses.contains(mention.clause());
    }

    Set<String> affectedServices() {
        return affectedServices;
    }

    List<Mention> mentions() {
        return mentions;
    }

    boolean hasOutage() {
        return outage;
    }

    boolean hasDegraded() {
        return degraded;
    }

    /** The customer raises this request (a concept of kind request, "xpayment"). */
    boolean asks(String request) {
        return requestSurfaces.containsKey(request);
    }

    /**
     * What the customer says may be the cause (a change of their own, a refusal by policy). A change the
     * customer asks the provider about ("habt ihr was umgestellt??", "did you change something?") is not
     * their own. Another provider named where something works ("Our UK site with another provider is fine") is a
     * comparison, not the cause.
     */
    List<Mention> causes() {
        return mentions.stream().filter(m -> m.cause() != null && !TriageVocabulary.NO_CHANGE.equals(m.cause()))
                .filter(m -> !(TriageVocabulary.SELF_CHANGE.equals(m.cause()) && asksTheProvider(m.clause())))
                .filter(m -> !(TriageVocabulary.ELSEWHERE.equals(m.cause()) && workingClauses.contains(m.clause())))
                .toList();
    }

    /** A question to the provider, not about the customer's own doing: "habt ihr am Load Balancer was geändert?". */
    private boolean asksTheProvider(int clause) {
        int[] span = clauseSpan(text, clause);
        String words = text.substring(span[0], span[1]);
        return QUESTION_END.matcher(words).find() && ADDRESSES_PROVIDER.matcher(words).find()
                && !FIRST_PERSON.matcher(words).find();
    }

    /**
     * "Am Shop haben wir seit Wochen nichts geändert": the clause around offset says nothing was changed,
     * so a time in it dates the last change, not the trouble.
     */
    boolean clauseSaysNothingChanged(int offset) {
        int clause = clause(text, offset);
        return mentions.stream().anyMatch(m -> m.clause() == clause && TriageVocabulary.NO_CHANGE.equals(m.cause()));
    }

    Set<String> intents() {
        return intentSurfaces.keySet();
    }

    List<String> serviceSurfaces() {
        return serviceSurfaces.stream().limit(ReasonText.MAX_WORDS).toList();
    }

    boolean hasIntent() {
        return !intentSurfaces.isEmpty();
    }

    /** "asks about maintenance ('wartung'): never answered automatically" */
    List<String> intentLines(boolean foreign) {
        String consequence = foreign ? ": never answered automatically" : ": what the incident itself is about";
        return lines(intentSurfaces, consequence);
    }

    /** Labels of the side requests: "asks about an invoice". */
    List<String> requests() {
        return requestSurfaces.keySet().stream()
                .map(r -> ReasonText.label(vocabulary, r)).toList();
    }

    /** "asks about an invoice ('rechnung'): a person answers that" */
    List<String> requestLines() {
        return lines(requestSurfaces, ": a person answers that");
    }

    private List<String> lines(Map<String, Set<String>> surfaces, String consequence) {
        return surfaces.entrySet().stream()
                .map(e -> ReasonText.label(vocabulary, e.getKey())
                        + " (" + ReasonText.quoted(e.getValue().stream().limit(3).toList()) + ")" + consequence)
                .toList();
    }
}
