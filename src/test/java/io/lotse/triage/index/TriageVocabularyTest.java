package io.lotse.triage.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TriageVocabularyTest {

    static final String OUTAGE = """
            #@ concept=xoutage kind=outage label=outage wording
            down, offline => xoutage
            #@ concept=xsuspended kind=cause label=names a suspended package
            rücklastschrift => xsuspended
            #~ Lastschrift, lastschriften ... zurückgegangen, geplatzt => xsuspended
            """;

    @Test
    void aSplitPhraseIsReadWithItsConceptAndFoldedWords() {
        TriageVocabulary vocabulary = TriageVocabulary.of(OUTAGE, "", "");

        assertEquals(List.of(new TriageVocabulary.SplitPhrase("xsuspended", Set.of("lastschrift", "lastschriften"),
                Set.of("zuruckgegangen", "geplatzt"))), vocabulary.splitPhrases());
        // A comment to Lucene: the synonym rules stay as written, the split phrase among them as a comment.
        assertTrue(vocabulary.synonymRules().contains("#~ Lastschrift"));
    }

    @Test
    void aSplitPhraseMustFollowItsConceptsAnnotation() {
        String misplaced = OUTAGE + "#~ domain ... ausgelaufen => xexpireddomain\n";

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TriageVocabulary.of(misplaced, "", ""));

        assertTrue(e.getMessage().contains("split phrase for 'xexpireddomain'"), e.getMessage());
    }

    @Test
    void foldingIgnoresCaseUmlautsAndSharpS() {
        assertEquals("zuruckgegangen strasse", TriageVocabulary.fold("Zurückgegangen Straße"));
    }
}
