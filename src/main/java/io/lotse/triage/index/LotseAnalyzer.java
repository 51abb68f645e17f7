package io.lotse.triage.index;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.util.CharsRef;

/**
 * One analysis chain for German and English tickets and incidents; no language detection, because
 * storm mail mixes both ("Webseite down, 503"). It keeps negations, splits domain compounds with a
 * self-written part list and adds concept tokens ({@code xoutage}, {@code xweb}, {@code xinvoice}, ...)
 * from {@link TriageVocabulary} next to the customer's own words.
 *
 * <p>Use the same instance for indexing and querying. Thread-safe like every Lucene analyzer.
 * The synonym filter produces a token graph; it is flattened right away, so the output is safe to
 * index (phrase queries across a multi-word synonym are approximate, as usual for flattened graphs).
 */
public final class LotseAnalyzer extends Analyzer {

    /**
     * German and English function words, greetings and time fillers. Negations (nicht, kein, keine,
     * nichts, nie, ohne, no, not, never, none, cannot) are deliberately absent: Lucene's stock German
     * list drops them and "Webseite nicht erreichbar" would lose its meaning. Words are written
     * readable and folded like the text at construction.
     */
    static final List<String> STOP_WORDS = List.of(
            // German articles, pronouns, auxiliaries, particles
            "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem", "einen",
            "und", "oder", "aber", "sondern", "denn", "dass", "daß", "als", "wie", "wenn", "weil", "ob",
            "ich", "du", "er", "sie", "es", "wir", "ihr", "man", "mich", "mir", "dich", "dir", "uns", "euch",
            "ihm", "ihn", "ihnen", "sich", "mein", "meine", "meinem", "meinen", "meiner", "meines",
            "dein", "deine", "sein", "seine", "seinem", "seinen", "seiner", "unser", "unsere", "unserem",
            "unseren", "unserer", "unseres", "euer", "eure", "ihre", "ihrem", "ihren", "ihrer", "ihres",
            "dies", "diese", "dieser", "dieses", "diesem", "diesen", "jene", "was", "wer", "wo", "warum",
            "ist", "sind", "bin", "bist", "seid", "war", "waren", "wird", "werden", "wurde", "wurden",
            "hat", "haben", "habe", "hab", "hatte", "hatten", "hätte", "kann", "können", "könnte", "könnten",
            "soll", "sollte", "muss", "müssen", "will", "wollen", "möchte", "möchten",
            "am", "an", "auf", "aus", "bei", "beim", "bis", "durch", "für", "gegen", "im", "in", "ins",
            "mit", "nach", "über", "um", "unter", "vom", "von", "vor", "zu", "zum", "zur",
            "auch", "noch", "schon", "bereits", "nur", "doch", "ja", "mal", "nun", "so", "da", "dann",
            "hier", "dort", "etwas", "sehr", "alle", "alles", "leider", "eigentlich", "wieder",
            // "Was ist da los?": no content, and its stem "lo" is that of "lösen" ("Domains lösen nicht auf")
            "los",
            // German time fillers: when it started is the Instant's job, not the text's
            "seit", "seitdem", "heute", "gestern", "gerade", "aktuell", "momentan", "derzeit", "uhr", "ca",
            // German greetings and sign-offs
            "hallo", "hi", "hey", "moin", "servus", "liebe", "lieber", "geehrte", "geehrter", "geehrtes",
            "damen", "herren", "guten", "tag", "morgen", "abend", "gruß", "grüße", "grüßen", "mfg", "vg", "lg",
            "freundlichen", "freundliche", "freundlichem", "besten", "beste", "viele", "vielen", "dank",
            "danke", "bitte", "team",
            // agents' phone-note shorthand: "Kd. meldet ..., lt. Kd. ..., RR erb."
            "kd", "kdin", "kd.in", "lt", "rr", "erb", "ggf", "bzw", "usw", "evtl", "vermutl", "inzw", "tel",
            // English function words
            "a", "an", "the", "and", "or", "but", "if", "so", "as", "at", "by", "for", "from", "in", "into",
            "of", "on", "to", "with", "is", "are", "was", "were", "be", "been", "am", "do", "does", "did",
            "have", "has", "had", "can", "could", "will", "would", "should", "i", "me", "my", "we", "our",
            "ours", "us", "you", "your", "yours", "he", "she", "it", "its", "it's", "they", "them", "their",
            "this", "that", "these", "those", "there", "here", "what", "which", "who", "when", "where",
            "why", "how", "just", "also", "still", "again", "too", "some",
            // English time fillers, greetings and sign-offs
            "since", "today", "now", "currently", "hello", "dear", "please", "pls", "thanks", "thank",
            "regards", "best", "kind", "cheers", "sincerely");

    /**
     * A telephone number written in groups ("Tel. 08761 555 403", "+49 221 5550342") is one number, not an HTTP
     * code 403 in the signature. It starts with "+" and the country code or with a 0 and the area code; dates,
     * times, IP addresses and plain codes do not.
     */
    private static final Pattern PHONE_NUMBER = Pattern.compile("(\\+\\d{2}|(?<![\\d.,:])0\\d{2,5})[ /-](\\d{2,8})"
            + "(?:[ /-](\\d{2,8}))?(?:[ /-](\\d{2,8}))?(?:[ /-](\\d{2,8}))?");

    private static final int MIN_COMPOUND_LENGTH = 5;
    private static final int MIN_PART_LENGTH = 3;
    private static final int MAX_PART_LENGTH = 15;

    private final SynonymMap synonyms;
    private final CharArraySet stopWords;
    private final CharArraySet compoundParts;
    private final CharArraySet unsplitWords;
    private final CharArraySet conceptTokens;
    private final CharArrayMap<String> partConcepts;
    private final CharArraySet headOnlyConcepts;
    private final NormalizeCharMap charMap;

    /** The analyzer with Lotse's shipped vocabulary. */
    public LotseAnalyzer() {
        this(TriageVocabulary.defaults());
    }

    public LotseAnalyzer(TriageVocabulary vocabulary) {
        try (Analyzer folding = new FoldingAnalyzer()) {
            this.synonyms = parseSynonyms(vocabulary.synonymRules(), folding);
            this.stopWords = foldedSet(STOP_WORDS, folding);
            this.compoundParts = foldedSet(vocabulary.compoundParts(), folding);
            this.unsplitWords = foldedSet(vocabulary.unsplitWords(), folding);
            this.conceptTokens = CharArraySet.unmodifiableSet(new CharArraySet(vocabulary.conceptTokens(), false));
            this.partConcepts = partConcepts(vocabulary, compoundParts, folding);
            // Outage words mark an outage only as the head of a compound: "Stromausfall" yes,
            // "Ausfallsicherheit" (resilience) no.
            this.headOnlyConcepts = CharArraySet.unmodifiableSet(new CharArraySet(vocabulary.concepts(TriageVocabulary.Kind.OUTAGE)
                    .stream().map(TriageVocabulary.Concept::token).toList(), false));
        }
        NormalizeCharMap.Builder chars = new NormalizeCharMap.Builder();
        chars.add("\u2019", "'"); // typographic apostrophe from phones and Word: "can’t" -> "can't"
        chars.add("\u00AD", ""); // soft hyphen from copy-pasted web text would split words
        this.charMap = chars.build();
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        // Dots join the groups, which the tokenizer keeps inside one number token; the filter corrects the offsets.
        return new PatternReplaceCharFilter(PHONE_NUMBER, "$1.$2.$3.$4.$5", new MappingCharFilter(charMap, reader));
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        // Unicode word boundaries: splits "E-Mail" into "e" "mail" and keeps "503", "can't", "shop.de".
        Tokenizer source = new StandardTokenizer();
        TokenStream stream = new LowerCaseFilter(source);
        // Umlaut/ß folding BEFORE the synonyms, so "Störung", "Stoerung" and "Storung" hit one rule.
        stream = new GermanNormalizationFilter(stream);
        // Outage vocabulary and intent -> concept tokens, keeping the original words (see parser below).
        // Runs on whole words only: SynonymGraphFilter cannot consume the stacked compound parts.
        stream = new SynonymGraphFilter(stream, synonyms, false);
        // Index-safe: the synonym graph is flattened (Lucene indexes no graphs).
        stream = new FlattenGraphFilter(stream);
        // Concept tokens are identifiers: neither the decompounder ("xmail" -> "mail") nor the stemmers
        // ("xserver" -> "xserv") may touch them.
        stream = new SetKeywordMarkerFilter(stream, conceptTokens);
        // ... nor may it split the compounds whose parts mean something else ("Fehlerseite").
        stream = new SetKeywordMarkerFilter(stream, unsplitWords);
        // "Stromausfall" -> + "strom", "ausfall" at the same position. The longest part at each letter wins
        // ("netzwerk", not also "netz"), but a part that starts inside another is found too
        // ("Versandkostenberechnung" -> "rechnung"): Lucene's consumeChars is off.
        stream = new KeywordSafeCompoundFilter(stream, compoundParts);
        // ... and "ausfall" -> + xoutage, from the same vocabulary's single-word entries.
        stream = new CompoundPartConceptFilter(stream, partConcepts, conceptTokens, headOnlyConcepts);
        // After the synonyms, so that phrases with function words ("kommt nicht an") still matched.
        stream = new StopFilter(stream, stopWords);
        // German inflection, light: "Webseiten" -> "webseit", "Störungen" -> "storung".
        stream = new GermanLightStemFilter(stream);
        // English plural only: "errors" -> "error".
        stream = new EnglishMinimalStemFilter(stream);
        // Compound parts and several rules can yield the same term twice at one position.
        stream = new RemoveDuplicatesTokenFilter(stream);
        return new TokenStreamComponents(source, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new GermanNormalizationFilter(new LowerCaseFilter(in));
    }

    private static SynonymMap parseSynonyms(String rules, Analyzer folding) {
        try {
            SolrSynonymParser parser = new KeepOriginalSynonymParser(folding);
            parser.parse(new StringReader(rules));
            return parser.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalArgumentException("triage vocabulary is not valid Solr synonym format: " + e.getMessage(), e);
        }
    }

    /** Compound part -> concept, for every part that is a single-word entry of a concept. */
    private static CharArrayMap<String> partConcepts(TriageVocabulary vocabulary, CharArraySet parts, Analyzer folding) {
        CharArrayMap<String> map = new CharArrayMap<>(16, false);
        for (TriageVocabulary.Kind kind : TriageVocabulary.Kind.values()) {
            for (TriageVocabulary.Concept concept : vocabulary.concepts(kind)) {
                for (String phrase : concept.phrases()) {
                    List<String> words = Tokens.tokens(folding, phrase);
                    if (words.size() == 1 && parts.contains(words.get(0))) {
                        map.put(words.get(0), concept.token());
                    }
                }
            }
        }
        return CharArrayMap.unmodifiableMap(map);
    }

    /** Folds list entries exactly like the text is folded before the stop and compound filters. */
    private static CharArraySet foldedSet(List<String> words, Analyzer folding) {
        List<String> folded = new ArrayList<>();
        for (String word : words) {
            folded.addAll(Tokens.tokens(folding, word));
        }
        return CharArraySet.unmodifiableSet(new CharArraySet(folded, false));
    }

    /**
     * Solr's "a, b => x" replaces the words with x; triage wants both (the customer's word for
     * reasons and exact matches, the concept for cross-language matches), so every rule keeps the
     * original.
     */
    private static final class KeepOriginalSynonymParser extends SolrSynonymParser {
        KeepOriginalSynonymParser(Analyzer analyzer) {
            super(true, true, analyzer);
        }

        @Override
        public void add(CharsRef input, CharsRef output, boolean includeOrig) {
            super.add(input, output, true);
        }
    }

    /** Lucene's dictionary decompounder, except that it leaves concept tokens and non-words alone. */
    private static final class KeywordSafeCompoundFilter extends DictionaryCompoundWordTokenFilter {
        private final KeywordAttribute keywordAtt = addAttribute(KeywordAttribute.class);

        KeywordSafeCompoundFilter(TokenStream input, CharArraySet parts) {
            super(input, parts, MIN_COMPOUND_LENGTH, MIN_PART_LENGTH, MAX_PART_LENGTH, true, false);
        }

        @Override
        protected void decompose() {
            if (!keywordAtt.isKeyword() && lettersOnly()) {
                super.decompose();
            }
        }

        /** Host names, mail addresses and codes are no compounds: "shop.de" is not a shop. */
        private boolean lettersOnly() {
            char[] buffer = termAtt.buffer();
            for (int i = 0; i < termAtt.length(); i++) {
                if (!Character.isLetter(buffer[i])) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The part of the chain in front of the synonym filter, used to read the word lists. */
    private static final class FoldingAnalyzer extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            return new TokenStreamComponents(source, new GermanNormalizationFilter(new LowerCaseFilter(source)));
        }
    }
}
