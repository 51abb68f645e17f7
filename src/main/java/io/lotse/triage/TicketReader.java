package io.lotse.triage;

import io.lotse.triage.index.Tokens;
import io.lotse.triage.index.Tokens.Token;
import io.lotse.triage.index.TriageVocabulary;
import io.lotse.triage.index.TriageVocabulary.Concept;
import io.lotse.triage.index.TriageVocabulary.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;

/**
 * Reads a ticket the way an agent does: groups the analyzer's tokens into {@link Mention}s, then corrects
 * what single words cannot say: a negation far behind its verb ("funktioniert seit heute früh nicht mehr") or
 * in front of a verb of arriving ("nicht bei uns ankommen"), phrases German splits over its clause
 * ("Lastschrift ... zurückgegangen"), a change nobody made ("geändert haben wir nichts"), what the customer
 * rules out ("kein Netzproblem"), another provider's status page ("Klarna-Statusseite"), an agent's note that sent
 * the customer to another company ("an Synology-Support verwiesen") or records a finding ("Geprüft: Postfach
 * voll"), and outage words in a question about the future, after "falls" or "ohne dass" ("Will my site go
 * offline?"), which report nothing.
 *
 * <p>Thread-safe and immutable; build one per analyzer (see {@link IncidentMatcher}), which must emit the
 * concept tokens of the vocabulary it was built from (checked here).
 */
final class TicketReader {

    /** Degradation wording ("langsam", "fehlt"): counts as a weaker problem report. */
    static final String DEGRADED = "xdegraded";
    /** "Statusseite gesehen", "wieder da?": the customer refers to the incident (see outage-vocabulary.txt). */
    static final String KNOWN = "xknown";
    /** "Statusseite", "status page": refers to the incident too, unless its owner is named as another. */
    static final String STATUS_PAGE = "xstatuspage";

    /** Words between works wording and its negation: "funktioniert seit heute früh um 9 nicht mehr". */
    static final int NEGATION_REACH = 6;
    /** "vServer auf anderen Host-Nodes": words that point elsewhere say nothing themselves. */
    private static final List<String> OTHERS = List.of("andere", "anderen", "anderer", "anderem", "anderes", "other",
            "others", "übrige", "übrigen", "sonstige", "sonstigen");
    /** A negation in front of a noun: the customer rules the thing out ("kein Netzproblem"). */
    private static final Set<String> NEGATING_DETERMINERS =
            Set.of("kein", "keine", "keinen", "keinem", "keiner", "no");
    private static final Set<String> NOT = Set.of("nicht", "nie", "never", "not");
    private static final Set<String> HACKED = Set.of("gehackt", "gehacked", "hacked");
    /** "fragt ob", "denken wir sind", "whether": what someone wonders, not what they found. */
    private static final Pattern WONDERING = Pattern.compile("(?iu)\\b(?:ob|whether|if|denken|dachten|glauben|befürchten"
            + "|fürchten|worried|afraid|think)\\b");
    private static final Pattern NEGATION_QUALIFIER = Pattern.compile(
            "(?iu)(?:akut|aktuell|weiter|sonstig)e[snmr]?|acute|urgent|current|further|other");
    /**
     * What negates a verb of arriving from in front: "nicht", "keine Bestätigungsmail", and "Nobody in our office
     * has received", "hier hat niemand eine Mail bekommen".
     */
    private static final Set<String> ARRIVAL_NEGATIONS = Stream.of(NOT, NEGATING_DETERMINERS,
            Set.of("nobody", "niemand")).flatMap(Set::stream).collect(Collectors.toUnmodifiableSet());
    /** How many words in front of a change of their own, or of a verb of arriving, a negation still reaches. */
    private static final int NOT_REACH = 3;
    /**
     * Verbs of arriving and receiving, which German negates from in front ("nicht bei uns ankommen", "keine
     * Bestätigungsmail bekommen", "bei keinem Elternteil angekommen").
     */
    private static final Set<String> ARRIVING = Set.of("ankommen", "ankommt", "angekommen", "eingegangen",
            "eingetroffen", "arrived", "bekommen", "erhalten", "received");
    /**
     * What a customer complains they were not told, between the negation and the verb: "Wir haben dazu keine
     * Information bekommen" is about the provider's communication, not a mail that failed to arrive. (Not
     * "Benachrichtigung": a shop's notification mails that stop arriving are the trouble itself.)
     */
    private static final Pattern NOTICE = Pattern.compile("(?iu)\\b(?:vorab)?(?:information(?:en)?|infos?"
            + "|ankündigung(?:en)?|vorwarnung)\\b(?![@.-]\\w)");
    /** Times, dates, phone numbers: "14:50" matches every status update written at 14:50. */
    private static final Pattern NUMBER_LIKE = Pattern.compile("[\\p{N}.,:/+\\-]+");

    /**
     * "geändert haben wir nichts", "wir haben nichts daran geändert", "An der Server-Config hat niemand was
     * geändert", "die Rechnungsadresse hat sich geändert", "die Seite hat vor Jahren mein Neffe eingerichtet", "mein
     * Neffe hat das mal eingerichtet", "ist bei Ihnen als Weiterleitung eingerichtet", "Passwort erst im Sommer
     * geändert": a change nobody made, one made long ago, or a state.
     */
    private static final Pattern NOBODYS_CHANGE = Pattern.compile("(?iu)\\b(?:niemand|keiner|nobody|no one"
            + "|(?:haben|habe|hab|hat) (?:wir|ich|er|sie) (?:nichts|nix)|(?:wir|ich) (?:haben|habe|hab) (?:nichts|nix)"
            + "|(?:hat|haben) sich"
            + "|(?:ist|sind) (?:bei (?:euch|ihnen|uns) )?als|(?:hat|haben) (?:das |die |es )?mal"
            + "|seit jahren|vor (?:jahren|monaten)|years ago|months ago"
            + "|im (?:frühjahr|frühling|sommer|herbst|winter)"
            // "the credentials in wp-config.php are unchanged", "nix neu installiert"
            + "|unchanged|unverändert|(?:nichts|nix) neu(?:es)?)\\b");

    /** "ab" closing a separable verb ("läuft ... ab" expires), not "ab 9 Uhr". */
    private static final Pattern VERB_PARTICLE = Pattern.compile("(?iu)\\bab\\b(?!\\s*\\d)");
    /** What "our own" names when it is someone who watches or is served, not something set up. */
    private static final Pattern OWN_WATCHERS = Pattern.compile("(?iu)\\s+(?:uptime\\s+|access\\s+)?(?:monitoring|checks?|tests?"
            + "|logs?|customers|clients|measurements?)\\b");
    /** "Kontoauszug hängt an.", "(PDF hängt dran)": a file attached, not something hanging. Not "hängt bei Hop 7". */
    private static final Pattern ATTACHED = Pattern.compile("(?iu)(?:\\s+[\\p{L}\\d-]+){0,3}?\\s+(?:an|anbei|dran)\\s*(?:[.,;!)\\n]|$)");

    private static final Pattern PASSIVE_AUXILIARY = Pattern.compile("(?iu)\\s+(?:werden|worden|wird|wurde|wurden)\\b");

    /**
     * English future or conditional; German conditional, or "wird/werden" with "sein" (not the passive); a
     * question about consequences ("Heißt das, dass unsere Website dann nicht mehr erreichbar ist?").
     */
    private static final Pattern FUTURE = Pattern.compile(
            "(?iu)\\b(?:will|would|going to|gonna|würde|würden|wäre|wären)\\b(?!\\s+not\\b)"
            // "heißt das, dass die Seite offline geht?" asks what will happen; "was heißt das??" after a pasted error
            // asks what the error means (5 of 7 such messages report an incident's trouble).
            + "|(?<!\\bwas )\\b(?:heißt|bedeutet) das\\b|(?<!\\bwhat )\\bdoes (?:that|this) mean\\b"
            + "|\\b(?:wird|werden)\\b.*\\bsein\\b");

    /**
     * "falls unser Mailserver ausfällt", "in case the server goes down", "damit keine Mails verloren gehen",
     * "ich will auf keinen Fall, dass Seite und Mails dann ausfallen": a condition, a purpose or a fear, not a
     * report; it reaches to the end of its clause.
     */
    private static final Pattern CONDITION = Pattern.compile(
            "(?iu)(?:\\b(?:falls|in case|im falle?|for the case|damit|so that)\\b"
            + "|\\b(?:auf keinen fall|keinesfalls|(?:will|möchte|möchten|wollen) nicht)\\s*,?\\s*dass\\b|\\b(?:don't|do not) want\\b"
            // "kann ich die Dateien vorher hochladen, ohne dass die alte Seite kaputt geht?": a worry, not a report.
            + "|\\bohne dass\\b)[^,;:]*$");

    /**
     * "an Synology-Support verwiesen", "Kd. an Mailanbieter verwiesen": the agent sent the customer to someone
     * else, whose matter it is. Group 1 is whom; see {@link #OUR_OWN_DESK}.
     */
    private static final Pattern REFERRED_TO = Pattern.compile("(?iu)\\ban\\s+((?:[\\p{L}\\d.-]+\\s+){1,3})$");
    /** "Geprüft: Postfach voll": an agent's check and, behind the colon, what it found. */
    private static final Pattern CHECKED = Pattern.compile("\\s*:");
    /**
     * "Kd. fragt nach Zusammenhang mit Statusmeldung -> nein, Cloud-Server nicht betroffen", "Kd. vermutete
     * Zusammenhang mit Störung – verneint": the agent answered the customer's question about the incident with no.
     * (Not any "-> nein": "fragt ob Daten verloren -> nein" answers another question of an incident's customer.)
     */
    private static final Pattern CONNECTION_DENIED = Pattern.compile("(?iu)[^.\\n]{0,60}?(?:->|→|–|—|\\s-|:)\\s*"
            + "(?:\\p{L}+:\\s*)?(?:nein|verneint)\\b");
    private static final Pattern AUXILIARY_IN_FRONT = Pattern.compile("(?iu)\\b(?:hat|haben|habe|hab|wurde|wird)\\s+$");
    /** "... geprüft: 23 Mails in Quarantäne. Auf Störung hingewiesen": the check found the incident. */
    private static final Pattern POINTED_TO_INCIDENT = Pattern.compile("(?iu)\\b(?:auf|an)\\s+(?:die\\s+)?"
            + "(?:(?:bekannte|laufende|aktuelle)n?\\s+)?(?:störung|statusseite|status)\\p{L}*\\s+(?:hingewiesen|verwiesen)");
    /**
     * "Erklärt: Absender soll auf HTML umstellen. Kd. zufrieden.", "Login ok, Postfach offen. Erledigt.": an agent's
     * note that ends with the matter settled in the call (3 of 3 such notes that were answered automatically were
     * about something else; the notes of an incident name it, "Auf Störung hingewiesen, Kd. zufrieden").
     */
    private static final Pattern SETTLED_IN_THE_CALL = Pattern.compile(
            "(?iu)(?:\\bkd\\.?(?:in)?\\s+(?:ist\\s+)?(zufrieden)|\\b(erledigt))[.!]?\\s*$");
    /** "Auf Störung hingewiesen", "Statusseite genannt"; not "Status aktiv" of an order or a mailbox. */
    private static final Pattern NAMES_AN_INCIDENT = Pattern.compile("(?iu)störung|statusseite|statusmeldung|status page"
            + "|incident|ausfall");
    /** "auf Statusseite verwiesen" is no "an"; "an Buchhaltung verwiesen", "an 2nd Level verwiesen" stay in the house. */
    private static final Pattern OUR_OWN_DESK = Pattern.compile("(?iu)statusseite|status|störung|level|kolleg|buchhaltung"
            + "|vertrieb|technik|abteilung|tl\\b|teamleit");

    private final Analyzer analyzer;
    private final TriageVocabulary vocabulary;
    private final Set<String> genericTerms;
    /** The vocabulary's words for a status page, {@link TriageVocabulary#fold folded}. */
    private final Set<String> statusPageWords;

    TicketReader(Analyzer analyzer, TriageVocabulary vocabulary) {
        this.analyzer = analyzer;
        this.vocabulary = vocabulary;
        requireConceptAnalyzer();
        this.genericTerms = genericTerms();
        this.statusPageWords = vocabulary.concept(STATUS_PAGE).map(Concept::phrases).orElse(List.of()).stream()
                .map(TriageVocabulary::fold).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * A word that says nothing about what the ticket is about: a word of the outage phrases ("geht", "nicht",
     * "erreichbar"), a negation, a time, a date or a number.
     */
    boolean saysNothing(String term) {
        return genericTerms.contains(term) || NUMBER_LIKE.matcher(term).matches();
    }

    /**
     * @param text       subject and body
     * @param subjectEnd where the subject ends in text (0 for none)
     */
    TicketTerms read(String text, int subjectEnd) {
        List<Mention> mentions = mentions(text);
        // "funktioniert seit heute früh nicht mehr", "läuft bei mir gar nix": German puts words between the verb
        // and its negation, which no phrase of the vocabulary can skip; such a verb with a negation close
        // behind it is outage wording. (A negation in front belongs elsewhere: "damit nichts verloren geht".)
        for (int i = 0; i < mentions.size(); i++) {
            Mention m = mentions.get(i);
            for (int j = i + 1; m.works() && j < Math.min(mentions.size(), i + NEGATION_REACH + 1); j++) {
                Mention n = mentions.get(j);
                if (TicketTerms.negatedFromBehind(m, n)) {
                    // "läuft im Oktober ab und soll nicht verlängert werden": with its particle the verb is another.
                    String between = text.substring(Math.min(m.start() + m.surface().length(), n.start()), n.start());
                    if (!VERB_PARTICLE.matcher(between).find()) {
                        mentions.set(i, m.asOutageWith(n.surface()));
                    }
                    break;
                }
            }
        }
        mentions.replaceAll(m -> m.outage() && attached(text, m) ? m.withoutOutage() : m);
        // "nicht im Posteingang angekommen", "dass einzelne Anfragen nicht bei uns ankommen", "keine
        // Bestätigungsmail bekommen": in a subordinate clause, and with words between, the negation stands in
        // front of the verb of arriving.
        for (int i = 1; i < mentions.size(); i++) {
            Mention m = mentions.get(i);
            for (int j = i - 1; !m.outage() && ARRIVING.contains(m.surface()) && j >= Math.max(0, i - NOT_REACH); j--) {
                Mention n = mentions.get(j);
                if (n.clause() == m.clause() && ARRIVAL_NEGATIONS.contains(n.surface())) {
                    if (!NOTICE.matcher(text.substring(n.start(), m.start())).find()) {
                        mentions.set(i, m.asOutageAfter(n.surface()));
                    }
                    break;
                }
            }
        }
        // German puts the verb last, with any words between: "Lastschrift für Verlängerung zurückgegangen", "ich
        // habe gestern Abend die Aktualisierungen in WordPress gemacht". The vocabulary's split phrases join a
        // word with a later one of its clause; a change of their own only where customers speak of themselves.
        mentions.replaceAll(m -> m.cause() == null ? joinedWithLaterWord(text, m) : m);
        // "geändert haben wir nichts", "muss umgestellt werden": a change nobody made is no cause.
        for (int i = 0; i < mentions.size(); i++) {
            if (TriageVocabulary.SELF_CHANGE.equals(mentions.get(i).cause()) && nobodysChange(text, mentions, i)) {
                mentions.set(i, mentions.get(i).withoutCause());
            }
        }
        // "our own monitoring shows ...", "we resell hosting to our own customers": whom or what the customer
        // watches with is no setup of theirs that could be the cause.
        mentions.replaceAll(m -> TriageVocabulary.SELF_CHANGE.equals(m.cause()) && ownWatchers(text, m) ? m.withoutCause() : m);
        // "Wurden wir gehackt??", "Kunden haben gefragt, ob wir gehackt wurden": the fear that any outage raises, not
        // a finding (8 of 11 such questions in all scenarios were an incident's customers').
        mentions.replaceAll(m -> TriageVocabulary.ABUSE.equals(m.cause()) && fearOfHacking(text, m) ? m.withoutCause() : m);
        // "kein Netzproblem", "no network issue", "kein Update eingespielt": what the customer rules out is no
        // evidence, and no cause (outage phrases with a negation, "keine Verbindung", are phrases of their own
        // and stay).
        for (int i = 1; i < mentions.size(); i++) {
            Mention previous = mentions.get(i - 1);
            Mention m = mentions.get(i);
            boolean strongOutage = m.outage() && !m.degradedOnly();
            // "Kein akutes Problem lt. Kd.", "keine weiteren Probleme", "no other issues": also with a word of time or
            // of "more" between.
            boolean qualifiedNegation = i >= 2 && NEGATION_QUALIFIER.matcher(previous.surface()).matches()
                    && NEGATING_DETERMINERS.contains(mentions.get(i - 2).surface()) && mentions.get(i - 2).clause() == m.clause();
            if ((NEGATING_DETERMINERS.contains(previous.surface()) && previous.clause() == m.clause() || qualifiedNegation)
                    && !strongOutage) {
                mentions.set(i, m.ruledOut());
            }
        }
        // "Auf der Klarna-Statusseite steht 'Degraded performance'", "auf der statusseite von paypal steht auch was
        // von störung": another provider's status page is no reference to the incident but a cause elsewhere.
        mentions.replaceAll(m -> m.known() && othersStatusPage(text, m) ? m.asCause(TriageVocabulary.ELSEWHERE) : m);
        mentions.replaceAll(m -> m.cause() == null && referredElsewhere(text, m) ? m.asCause(TriageVocabulary.ELSEWHERE) : m);
        mentions.replaceAll(m -> m.cause() == null && agentFoundOtherCause(text, m) ? m.asCause(TriageVocabulary.AGENT_FOUND) : m);
        mentions.replaceAll(m -> m.cause() == null && settledInTheCall(text, m) ? m.asCause(TriageVocabulary.AGENT_FOUND) : m);
        mentions.replaceAll(m -> m.cause() == null && connectionDenied(text, m) ? m.asCause(TriageVocabulary.AGENT_FOUND) : m);
        // "Will my site go offline when PHP 8.1 ends?", "Wird der Shop dabei offline sein?": outage words in
        // a question about what will happen, or after "falls"/"in case", report nothing that happened. ("When
        // will it be back?" is a reference to the incident, not outage wording, and stays.)
        for (int i = 0; i < mentions.size(); i++) {
            Mention m = mentions.get(i);
            if (m.outage() && !m.known() && hypothetical(text, m.start())) {
                mentions.set(i, m.withoutOutage());
            }
        }
        return new TicketTerms(text, mentions, subjectEnd, vocabulary);
    }

    /**
     * Groups the analyzer's tokens: tokens whose character spans overlap come from the same words of the
     * customer (a compound and its parts, a phrase and its concept token).
     */
    private List<Mention> mentions(String text) {
        List<Token> tokens = new ArrayList<>(Tokens.analyze(analyzer, text));
        tokens.sort(Comparator.comparingInt(Token::startOffset).thenComparingInt(Token::endOffset));
        List<Mention> mentions = new ArrayList<>();
        List<Token> group = new ArrayList<>();
        int groupEnd = -1;
        for (Token token : tokens) {
            if (!group.isEmpty() && token.startOffset() >= groupEnd) {
                mentions.add(mention(text, group));
                group = new ArrayList<>();
            }
            groupEnd = group.isEmpty() ? token.endOffset() : Math.max(groupEnd, token.endOffset());
            group.add(token);
        }
        if (!group.isEmpty()) {
            mentions.add(mention(text, group));
        }
        return mentions;
    }

    /**
     * The change of their own at index i is nobody's: it is in the passive or still to be made ("können nicht
     * ... geändert werden" in a quoted Outlook warning, "muss umgestellt werden"), its clause says nobody made it
     * or long ago ({@link #NOBODYS_CHANGE}), or a negation stands right in front ("ein Outlook haben wir nicht
     * eingerichtet", "keinen SSH-Zugang eingerichtet"), at most one word away ("kein WordPress, keine App) neu
     * hochgeladen" is no such case).
     */
    private static boolean nobodysChange(String text, List<Mention> mentions, int i) {
        Mention change = mentions.get(i);
        if (passiveOrToBeMade(text, change) || NOBODYS_CHANGE.matcher(TicketTerms.clauseOf(text, change.start())).find()) {
            return true;
        }
        for (int j = i - 1; j >= Math.max(0, i - NOT_REACH); j--) {
            Mention before = mentions.get(j);
            if (before.clause() == change.clause()
                    && (NOT.contains(before.surface()) || NEGATING_DETERMINERS.contains(before.surface()))
                    && wordsBetween(text, before, change) <= 1) {
                return true;
            }
        }
        return false;
    }

    private static int wordsBetween(String text, Mention first, Mention second) {
        int from = Math.min(second.start(), first.start() + first.surface().length());
        String between = text.substring(from, second.start()).strip();
        return between.isEmpty() ? 0 : between.split("\\s+").length;
    }

    /**
     * The mention's words are followed by "werden", "worden", "wird" or "wurde": "geändert werden", "umgestellt
     * wird", "ob bei Ihnen etwas geändert wurde".
     */
    private static boolean passiveOrToBeMade(String text, Mention m) {
        if (m.surface().contains("…")) {
            return false; // a split phrase ends later in the clause
        }
        String lower = text.toLowerCase(Locale.ROOT);
        int end = m.start();
        for (String word : m.surface().split(" ")) {
            int at = lower.indexOf(word, end);
            if (at < 0) {
                return false;
            }
            end = at + word.length();
        }
        return PASSIVE_AUXILIARY.matcher(text).region(end, text.length()).lookingAt();
    }

    /** The mention as the start of a split phrase of the vocabulary, if a later word of its clause ends one. */
    private Mention joinedWithLaterWord(String text, Mention m) {
        for (TriageVocabulary.SplitPhrase phrase : vocabulary.splitPhrases()) {
            Optional<String> last = phrase.first().contains(TriageVocabulary.fold(m.surface()))
                    ? TicketTerms.laterInClause(text, m, phrase.last()) : Optional.empty();
            if (last.isPresent() && (!TriageVocabulary.SELF_CHANGE.equals(phrase.concept())
                    || TicketTerms.speaksOfThemselves(text, m.clause()))) {
                return m.asCauseWith(last.get(), phrase.concept());
            }
        }
        return m;
    }

    /** "Klarna-Statusseite", "seiner eigenen Statusseite", "deren Statusseite": named by its owner in front. */
    private static final Pattern OWNER_IN_FRONT = Pattern.compile(
            "(?iu)(?:\\p{L}{2,}-|\\b(?:seiner|ihrer) eigenen\\s+|\\b(?:deren|dessen)\\s+)$");
    /** "Statusseite von PayPal", "status page of Stripe" (not "von der Backupverzögerung", not "von euch"). */
    private static final Pattern OWNER_BEHIND = Pattern.compile("(?iu)^\\s+(?:von|bei|of)\\s+(?!(?:der|die|dem|den|das|des"
            + "|euch|eurer|eurem|ihnen|ihrer|ihrem|uns|unserer|unserem|mir|meiner|the|your|our|you|my"
            + "|heute|gestern|vorhin|eben|dort|da|hier|today|yesterday|earlier|this|that|it)\\b)\\p{L}");

    /** The mention is a status page its owner names as another's: the customer quotes a third party's trouble. */
    private boolean othersStatusPage(String text, Mention m) {
        if (!statusPageWords.contains(TriageVocabulary.fold(m.surface()))) {
            return false;
        }
        int end = m.start() + m.surface().length();
        return OWNER_IN_FRONT.matcher(text.substring(Math.max(0, m.start() - 30), m.start())).find()
                || OWNER_BEHIND.matcher(text.substring(end, Math.min(text.length(), end + 30))).find();
    }

    /** An agent's note that sends the customer to another company's support: "an Synology-Support verwiesen". */
    private static boolean referredElsewhere(String text, Mention m) {
        if (!m.surface().equals("verwiesen")) {
            return false;
        }
        Matcher whom = REFERRED_TO.matcher(text.substring(Math.max(0, m.start() - 60), m.start()));
        return whom.find() && !OUR_OWN_DESK.matcher(whom.group(1)).find();
    }

    /**
     * "Geprüft: Kd. hat DB-Passwort geändert": the agent's note records a finding, not the incident it points to.
     * The shorthand has no auxiliary; "Unsere IT hat geprüft: der Server ist ok" is a customer's own check.
     */
    private static boolean agentFoundOtherCause(String text, Mention m) {
        int end = m.start() + m.surface().length();
        return m.surface().equals("geprüft") && CHECKED.matcher(text).region(end, text.length()).lookingAt()
                && !AUXILIARY_IN_FRONT.matcher(text.substring(Math.max(0, m.start() - 8), m.start())).find()
                && !POINTED_TO_INCIDENT.matcher(text).region(end, text.length()).find();
    }

    private static boolean ownWatchers(String text, Mention m) {
        return (m.surface().equals("our own") || m.surface().equals("my own")) && followedBy(text, m, OWN_WATCHERS);
    }

    private static boolean fearOfHacking(String text, Mention m) {
        if (!HACKED.contains(m.surface())) {
            return false;
        }
        int[] sentence = TicketTerms.sentenceSpan(text, m.start());
        return isQuestion(text, sentence) || WONDERING.matcher(text.substring(sentence[0], m.start())).find();
    }

    private static boolean attached(String text, Mention m) {
        return (m.surface().equals("hängt") || m.surface().equals("hängen")) && followedBy(text, m, ATTACHED);
    }

    private static boolean connectionDenied(String text, Mention m) {
        return m.surface().equals("zusammenhang") && followedBy(text, m, CONNECTION_DENIED);
    }

    /** The words right after the mention begin with what the pattern describes. */
    private static boolean followedBy(String text, Mention m, Pattern after) {
        return after.matcher(text).region(m.start() + m.surface().length(), text.length()).lookingAt();
    }

    /** The sentence (as {@link TicketTerms#sentenceSpan}) ends with a question mark. */
    private static boolean isQuestion(String text, int[] sentence) {
        return sentence[1] < text.length() && text.charAt(sentence[1]) == '?';
    }

    private static boolean settledInTheCall(String text, Mention m) {
        if (!m.surface().equals("erledigt") && !m.surface().equals("zufrieden")) {
            return false;
        }
        Matcher settled = SETTLED_IN_THE_CALL.matcher(text);
        if (!settled.find()) {
            return false;
        }
        int word = settled.start(1) >= 0 ? settled.start(1) : settled.start(2);
        return m.start() == word && !NAMES_AN_INCIDENT.matcher(text).find();
    }

    /** The sentence around offset is a question about the future, or the words follow a condition in it. */
    private static boolean hypothetical(String text, int offset) {
        int[] sentence = TicketTerms.sentenceSpan(text, offset);
        int from = sentence[0];
        int to = sentence[1];
        return isQuestion(text, sentence) && FUTURE.matcher(text.substring(from, to)).find()
                || CONDITION.matcher(text.substring(from, offset)).find();
    }

    private Mention mention(String text, List<Token> group) {
        int start = group.stream().mapToInt(Token::startOffset).min().orElseThrow();
        int end = group.stream().mapToInt(Token::endOffset).max().orElseThrow();
        String surface = text.substring(start, end).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        boolean outage = false;
        boolean degraded = false;
        boolean known = false;
        boolean works = false;
        String cause = null;
        Set<String> services = new TreeSet<>();
        Set<String> topics = new TreeSet<>();
        Set<String> intents = new TreeSet<>();
        Set<String> requests = new TreeSet<>();
        Set<String> content = new TreeSet<>();
        for (Token token : group) {
            String term = token.term();
            Kind kind = vocabulary.concept(term).map(Concept::kind).orElse(null);
            if (kind == Kind.OUTAGE) {
                if (DEGRADED.equals(term)) {
                    degraded = true;
                } else {
                    outage = true;
                    known |= KNOWN.equals(term) || STATUS_PAGE.equals(term);
                }
            } else if (kind == Kind.SERVICE) {
                services.add(term);
            } else if (kind == Kind.TOPIC) {
                topics.add(term);
            } else if (kind == Kind.INTENT) {
                intents.add(term);
            } else if (kind == Kind.REQUEST) {
                requests.add(term);
            } else if (kind == Kind.WORKS) {
                works = true;
            } else if (kind == Kind.CAUSE) {
                // "nothing changed" is a cause concept too, one that says the opposite: kept, so that
                // "seit Wochen nichts geändert" dates no trouble, but no cause (see TicketTerms#causes).
                cause = term;
            } else if (term.length() > 1 && !saysNothing(term)) {
                content.add(term);
            }
        }
        return new Mention(surface, start, TicketTerms.clause(text, start), outage || degraded, !outage && degraded, known,
                works, cause,
                services, topics, intents, requests, content);
    }

    /** Words of the outage phrases ("geht", "nicht", "erreichbar") and negations: no content. */
    private Set<String> genericTerms() {
        Set<String> generic = new HashSet<>();
        List<String> phrases = new ArrayList<>(TicketTerms.NEGATIONS);
        phrases.addAll(OTHERS);
        vocabulary.concept(TriageVocabulary.OUTAGE).ifPresent(c -> phrases.addAll(c.phrases()));
        for (String phrase : phrases) {
            for (String term : Tokens.tokens(analyzer, phrase)) {
                if (vocabulary.concept(term).isEmpty()) {
                    generic.add(term);
                }
            }
        }
        return Set.copyOf(generic);
    }

    private void requireConceptAnalyzer() {
        for (Kind kind : Kind.values()) {
            for (Concept concept : vocabulary.concepts(kind)) {
                String phrase = concept.phrases().get(0);
                if (!Tokens.tokens(analyzer, phrase).contains(concept.token())) {
                    throw new IllegalArgumentException("analyzer " + analyzer.getClass().getSimpleName()
                            + " does not turn '" + phrase + "' into " + concept.token()
                            + "; IncidentMatcher needs LotseAnalyzer built from the same vocabulary");
                }
            }
        }
    }
}
