package io.lotse.triage.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The curated word lists behind triage: outage vocabulary, non-outage intent and German compound
 * parts, read from {@code src/main/resources/triage/}. The synonym files are Solr synonym format
 * (fed unchanged to Lucene's {@code SolrSynonymParser}); this class additionally reads the
 * {@code #@ concept=.. kind=.. label=..} annotation comments so that the matcher knows what each
 * concept token means and how to name it in a reason.
 */
public final class TriageVocabulary {

    /** The one concept token for "something is broken". */
    public static final String OUTAGE = "xoutage";

    public static final String OUTAGE_RESOURCE = "triage/outage-vocabulary.txt";
    public static final String INTENT_RESOURCE = "triage/non-outage-intent.txt";
    public static final String COMPOUND_RESOURCE = "triage/compound-parts.txt";

    /** What a concept token stands for; see the header of outage-vocabulary.txt. */
    public enum Kind {
        /** Generic outage wording; never enough for an automatic link on its own. */
        OUTAGE,
        /** A product the customer uses; a different service than the incident's counts against it. */
        SERVICE,
        /** A place or layer (data centre, network, domain): links, never contradicts. */
        TOPIC,
        /**
         * Non-outage intent that gives outage words another sense (a planned change, a setup question, an
         * out-of-office text): never answered automatically.
         */
        INTENT,
        /**
         * A question besides the reported trouble (invoice, compensation, cancellation): the trouble is
         * triaged as usual, the question stays for a person.
         */
        REQUEST,
        /**
         * What the customer says about the cause ("I changed my firewall rules"); no evidence for or against
         * an incident, but a customer who may have caused the problem gets an agent, not an automatic reply.
         */
        CAUSE,
        /**
         * The customer says something works ("Website + Mail laufen", "mail is fine"): the services named in
         * such a clause are not what they report as broken.
         */
        WORKS
    }

    /** The cause concept that says the opposite: "nothing changed on our end". */
    public static final String NO_CHANGE = "xnochange";
    /** The customer's own change ("Plugin aktualisiert", "Firewall-Regeln überarbeitet"). */
    public static final String SELF_CHANGE = "xselfchange";
    /**
     * Causes that are the customer's own doing whatever the incident says: "Route umgestellt" in a status
     * update is ops' change, "PW im Webmail geändert" the customer's; a lost phone is theirs even while an
     * incident names the second login factor.
     */
    public static final Set<String> OWN_DOING = Set.of(SELF_CHANGE, "xownfault", "xlostphone");
    /** Trouble at another provider ("our current host is down", Klarna's own status page). */
    public static final String ELSEWHERE = "xelsewhere";
    /** Abuse of the customer's own account or address ("gehackt", spoofed senders, mail they never sent). */
    public static final String ABUSE = "xabuse";
    /** What an agent's check found ("Geprüft: Postfach voll", "kein Bezug zu unserem Hosting"). */
    public static final String AGENT_FOUND = "xagentfound";
    /** Money taken twice ("doppelt abgebucht"): a payment question, and the trouble of an incident about it. */
    public static final String CHARGED = "xcharged";

    /**
     * Words that mean a concept although other words stand between them, in one clause: German puts the verb
     * last ("Lastschrift für Verlängerung zurückgegangen"), which no phrase of a synonym rule can skip.
     * Written "#~ A, B ... C, D => concept" (a comment to Lucene); words are compared {@link #fold folded}.
     */
    public record SplitPhrase(String concept, Set<String> first, Set<String> last) {
        public SplitPhrase {
            first = Set.copyOf(first);
            last = Set.copyOf(last);
        }
    }

    /** One concept token with the phrases (left-hand sides) that produce it. */
    public record Concept(String token, Kind kind, String label, List<String> phrases) {
        public Concept {
            phrases = List.copyOf(phrases);
        }
    }

    private static final Pattern ANNOTATION = Pattern.compile(
            "^#@\\s*concept=(\\S+)\\s+kind=(\\S+)\\s+label=(.+)$");
    private static final String SPLIT_PHRASE = "#~";

    private final String synonymRules;
    private final Map<String, Concept> concepts;
    private final List<String> compoundParts;
    private final List<String> unsplitWords;
    private final List<SplitPhrase> splitPhrases;

    private TriageVocabulary(String synonymRules, Map<String, Concept> concepts, List<String> compoundParts,
            List<String> unsplitWords, List<SplitPhrase> splitPhrases) {
        this.synonymRules = synonymRules;
        this.concepts = concepts;
        this.compoundParts = compoundParts;
        this.unsplitWords = unsplitWords;
        this.splitPhrases = List.copyOf(splitPhrases);
    }

    /** The vocabulary shipped with Lotse (classpath resources under {@code triage/}). */
    public static TriageVocabulary defaults() {
        return Holder.DEFAULTS;
    }

    /** Builds a vocabulary from file contents, e.g. for tests or an operator-supplied override. */
    public static TriageVocabulary of(String outageRules, String intentRules, String compoundParts) {
        Map<String, Concept> concepts = new LinkedHashMap<>();
        List<SplitPhrase> splitPhrases = new ArrayList<>();
        readConcepts(outageRules, concepts, splitPhrases);
        readConcepts(intentRules, concepts, splitPhrases);
        if (!concepts.containsKey(OUTAGE) || concepts.get(OUTAGE).kind() != Kind.OUTAGE) {
            throw new IllegalArgumentException("outage vocabulary must define concept " + OUTAGE + " (kind=outage)");
        }
        List<String> lines = compoundParts.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
        List<String> parts = lines.stream().filter(line -> !line.startsWith("!")).toList();
        List<String> unsplit = lines.stream().filter(line -> line.startsWith("!")).map(line -> line.substring(1).strip())
                .toList();
        return new TriageVocabulary(outageRules + "\n" + intentRules, Map.copyOf(concepts), parts, unsplit, splitPhrases);
    }

    /** Both synonym files, concatenated, in Solr synonym format. */
    public String synonymRules() {
        return synonymRules;
    }

    /** Compound parts, as written in the file (not yet normalized). */
    public List<String> compoundParts() {
        return compoundParts;
    }

    /**
     * Compounds that must not be split ("!fehlerseite" in the file): an error page is no website, though
     * "Seite" is a part of "Webseite".
     */
    public List<String> unsplitWords() {
        return unsplitWords;
    }

    /** See {@link SplitPhrase}. */
    public List<SplitPhrase> splitPhrases() {
        return splitPhrases;
    }

    /** Lower case with umlauts and ß folded, as split phrases compare words ("zurückgegangen", "Zurückgegangen"). */
    public static String fold(String word) {
        return word.toLowerCase(java.util.Locale.ROOT).replace('ä', 'a').replace('ö', 'o').replace('ü', 'u')
                .replace("ß", "ss");
    }

    public Optional<Concept> concept(String token) {
        return Optional.ofNullable(concepts.get(token));
    }

    public Set<String> conceptTokens() {
        return concepts.keySet();
    }

    public List<Concept> concepts(Kind kind) {
        return concepts.values().stream().filter(c -> c.kind() == kind).toList();
    }

    private static void readConcepts(String rules, Map<String, Concept> into, List<SplitPhrase> splitPhrases) {
        String token = null;
        Kind kind = null;
        String label = null;
        Map<String, List<String>> phrases = new LinkedHashMap<>();
        Map<String, Kind> kinds = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        int lineNo = 0;
        for (String raw : rules.lines().toList()) {
            lineNo++;
            String line = raw.strip();
            Matcher annotation = ANNOTATION.matcher(line);
            if (annotation.matches()) {
                token = annotation.group(1);
                kind = Kind.valueOf(annotation.group(2).toUpperCase(java.util.Locale.ROOT));
                label = annotation.group(3).strip();
                continue;
            }
            if (line.startsWith(SPLIT_PHRASE)) {
                splitPhrases.add(splitPhrase(line.substring(SPLIT_PHRASE.length()), token, lineNo));
                continue;
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] sides = line.split("=>");
            if (sides.length != 2) {
                throw new IllegalArgumentException("line " + lineNo + ": expected 'phrase, phrase => concept': " + line);
            }
            String target = sides[1].strip();
            if (token == null || !token.equals(target)) {
                throw new IllegalArgumentException("line " + lineNo + ": rule for '" + target
                        + "' is not preceded by its '#@ concept=" + target + " kind=.. label=..' annotation");
            }
            if (!target.matches("x[a-z]+") || target.matches(".*(ae|oe|ue).*")) {
                throw new IllegalArgumentException("line " + lineNo + ": concept token must match x[a-z]+ "
                        + "without ae/oe/ue (German normalization would rewrite it): " + target);
            }
            phrases.computeIfAbsent(target, t -> new ArrayList<>())
                    .addAll(Arrays.stream(sides[0].split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
            kinds.put(target, kind);
            labels.put(target, label);
        }
        for (var entry : phrases.entrySet()) {
            String t = entry.getKey();
            if (into.containsKey(t)) {
                throw new IllegalArgumentException("concept " + t + " is defined twice");
            }
            into.put(t, new Concept(t, kinds.get(t), labels.get(t), entry.getValue()));
        }
    }

    private static SplitPhrase splitPhrase(String rule, String annotated, int lineNo) {
        String[] sides = rule.split("=>");
        String[] parts = sides[0].split("\\.\\.\\.");
        if (sides.length != 2 || parts.length != 2) {
            throw new IllegalArgumentException("line " + lineNo + ": expected '#~ word, word ... word, word => concept': " + rule);
        }
        String target = sides[1].strip();
        if (!target.equals(annotated)) {
            throw new IllegalArgumentException("line " + lineNo + ": split phrase for '" + target
                    + "' is not preceded by its '#@ concept=" + target + " kind=.. label=..' annotation");
        }
        return new SplitPhrase(target, words(parts[0]), words(parts[1]));
    }

    private static Set<String> words(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(w -> !w.isEmpty()).map(TriageVocabulary::fold)
                .collect(Collectors.toSet());
    }

    private static String resource(String name) {
        try (InputStream in = TriageVocabulary.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "TriageVocabulary" + concepts.values().stream()
                .map(c -> c.token() + "(" + c.kind() + ", " + c.phrases().size() + " phrases)")
                .collect(Collectors.joining(", ", "[", "]"));
    }

    /** Lazily loaded, so that a missing resource fails the first use with a clear message. */
    private static final class Holder {
        static final TriageVocabulary DEFAULTS =
                of(resource(OUTAGE_RESOURCE), resource(INTENT_RESOURCE), resource(COMPOUND_RESOURCE));
    }
}
