package io.lotse.triage.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/** Runs an analyzer over a string; for tests, the scorer and anything that needs terms without an index. */
public final class Tokens {

    /** Field name passed to the analyzer; LotseAnalyzer treats all fields alike. */
    public static final String FIELD = "text";

    /** One analyzed term with the character span of the customer's words it came from. */
    public record Token(String term, int startOffset, int endOffset) {}

    private Tokens() {}

    /** The terms, in stream order (stacked terms in the order the filters emitted them). */
    public static List<String> tokens(Analyzer analyzer, String text) {
        return analyze(analyzer, text).stream().map(Token::term).toList();
    }

    /** The terms with offsets into {@code text}; offsets allow showing the customer's own words. */
    public static List<Token> analyze(Analyzer analyzer, String text) {
        List<Token> out = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(FIELD, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
            }
            stream.end();
        } catch (IOException e) {
            // Only a StringReader is involved; an IOException here is a bug, not an input problem.
            throw new UncheckedIOException(e);
        }
        return List.copyOf(out);
    }
}
