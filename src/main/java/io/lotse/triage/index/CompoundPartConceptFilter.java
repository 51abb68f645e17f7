package io.lotse.triage.index;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Adds the concept token of a compound part ("ausfall" out of "Stromausfall" -> {@code xoutage})
 * at the compound's position.
 *
 * <p>Why not let {@code SynonymGraphFilter} see the parts: it cannot consume stacked tokens (Lucene
 * documents that it does not accept a graph as input); measured here, it moved every part to a position
 * of its own, which breaks phrase queries and duplicate removal. So the phrase rules run on the plain
 * words first, the compounds are split afterwards, and this filter maps the stacked parts (position
 * increment 0) with a single-word lookup. Only parts are looked up: a word that was consumed by a
 * longer phrase ("offline" in "offline nehmen") keeps only the phrase's concept.
 */
final class CompoundPartConceptFilter extends TokenFilter {

    private final CharArrayMap<String> partConcepts;
    private final CharArraySet conceptTokens;
    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute posIncAtt = addAttribute(PositionIncrementAttribute.class);
    private final TypeAttribute typeAtt = addAttribute(TypeAttribute.class);
    private final KeywordAttribute keywordAtt = addAttribute(KeywordAttribute.class);
    private final Set<String> conceptsAtPosition = new HashSet<>();
    private final CharArraySet headOnlyConcepts;
    /** The compound the stacked parts came from. */
    private String word = "";
    private String pendingConcept;
    private State partState;

    /**
     * @param partConcepts compound part (folded) -> concept token
     * @param conceptTokens all concept tokens, to see which concepts the synonym filter already put here
     */
    CompoundPartConceptFilter(TokenStream input, CharArrayMap<String> partConcepts, CharArraySet conceptTokens) {
        this(input, partConcepts, conceptTokens, CharArraySet.EMPTY_SET);
    }

    /**
     * @param headOnlyConcepts concepts that a part yields only as the head (last part) of the compound:
     *                         German compounds name their kind last, "Stromausfall" is an outage,
     *                         "Ausfallsicherheit" is not
     */
    CompoundPartConceptFilter(TokenStream input, CharArrayMap<String> partConcepts, CharArraySet conceptTokens,
            CharArraySet headOnlyConcepts) {
        super(input);
        this.partConcepts = partConcepts;
        this.conceptTokens = conceptTokens;
        this.headOnlyConcepts = headOnlyConcepts;
    }

    /** Inflection endings allowed after the head: "Stromausfalls", "Verbindungsabbrüche". */
    private static final int MAX_ENDING = 2;

    private boolean isHead(String part) {
        int at = word.lastIndexOf(part);
        return at >= 0 && word.length() - (at + part.length()) <= MAX_ENDING;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (pendingConcept != null) {
            restoreState(partState);
            termAtt.setEmpty().append(pendingConcept);
            posIncAtt.setPositionIncrement(0);
            typeAtt.setType(SynonymGraphFilter.TYPE_SYNONYM);
            keywordAtt.setKeyword(true); // a concept token is an identifier; stemmers keep off
            pendingConcept = null;
            partState = null;
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        if (posIncAtt.getPositionIncrement() > 0) {
            conceptsAtPosition.clear();
            word = termAtt.toString();
        }
        char[] buffer = termAtt.buffer();
        int length = termAtt.length();
        if (conceptTokens.contains(buffer, 0, length)) {
            conceptsAtPosition.add(termAtt.toString());
        } else if (posIncAtt.getPositionIncrement() == 0) {
            String concept = partConcepts.get(buffer, 0, length);
            if (concept != null && headOnlyConcepts.contains(concept) && !isHead(termAtt.toString())) {
                concept = null;
            }
            if (concept != null && conceptsAtPosition.add(concept)) {
                pendingConcept = concept;
                partState = captureState();
            }
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        conceptsAtPosition.clear();
        word = "";
        pendingConcept = null;
        partState = null;
    }
}
