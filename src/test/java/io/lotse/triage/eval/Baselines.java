package io.lotse.triage.eval;

import io.lotse.triage.eval.Figures.Call;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The two baselines the triage notes name, decided at arrival time from the incidents active then:
 * a helpdesk keyword trigger, and BM25 similarity to the incident text alone.
 */
final class Baselines {

    private Baselines() {
    }

    /** "Contains down / offline / nicht erreichbar -> link to the open incident" (the newest, if several). */
    static final class KeywordTrigger {
        private static final Pattern OUTAGE = Pattern.compile(
                "(?iu)\\b(down|offline|nicht erreichbar|nicht mehr erreichbar|unreachable|not reachable|ausgefallen|ausfall"
                        + "|st(ö|oe)rung|geht nicht|funktioniert nicht|outage|502|503|504|timeout|time-?out)\\b");

        Call decide(Scenario.Msg m, List<Scenario.Incident> active) {
            if (active.isEmpty() || !OUTAGE.matcher(m.subject() + "\n" + m.text()).find()) {
                return Call.NOTHING;
            }
            String newest = active.stream().max(Comparator.comparing(Scenario.Incident::declaredAt)).orElseThrow().key();
            return new Call(Optional.of(newest), Optional.empty(), true);
        }
    }

    /**
     * BM25 between the message and each active incident's text (title, description, components, updates
     * so far), with a standard analyzer. The score is divided by the incident's score against its own
     * text, so thresholds mean the same for every incident: auto at 0.25, suggest at 0.10.
     */
    static final class Bm25Only {
        static final double AUTO = 0.25;
        static final double SUGGEST = 0.10;
        private final Analyzer analyzer = new StandardAnalyzer();

        Call decide(Scenario.Msg m, List<Scenario.Incident> active, java.time.Duration now) {
            if (active.isEmpty()) {
                return Call.NOTHING;
            }
            try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
                try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
                    for (Scenario.Incident i : active) {
                        Document d = new Document();
                        d.add(new StoredField("key", i.key()));
                        d.add(new TextField("text", text(i, now), Field.Store.NO));
                        w.addDocument(d);
                    }
                }
                try (DirectoryReader reader = DirectoryReader.open(dir)) {
                    IndexSearcher searcher = new IndexSearcher(reader);
                    ScoreDoc[] hits = searcher.search(query(m.subject() + "\n" + m.text()), 1).scoreDocs;
                    if (hits.length == 0) {
                        return Call.NOTHING;
                    }
                    String key = searcher.storedFields().document(hits[0].doc).get("key");
                    Scenario.Incident best = active.stream().filter(i -> i.key().equals(key)).findFirst().orElseThrow();
                    ScoreDoc[] self = searcher.search(query(text(best, now)), active.size()).scoreDocs;
                    double selfScore = java.util.Arrays.stream(self).mapToDouble(s -> s.score).max().orElse(1);
                    double normalised = hits[0].score / selfScore;
                    if (normalised >= AUTO) {
                        return new Call(Optional.of(key), Optional.empty(), true);
                    }
                    return normalised >= SUGGEST ? new Call(Optional.empty(), Optional.of(key), false) : Call.NOTHING;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String text(Scenario.Incident i, java.time.Duration now) {
            StringBuilder sb = new StringBuilder(i.title()).append('\n').append(i.description()).append('\n');
            i.components().forEach(c -> sb.append(c).append('\n'));
            i.updates().stream().filter(u -> u.at().compareTo(now) <= 0).forEach(u -> sb.append(u.message()).append('\n'));
            return sb.toString();
        }

        private Query query(String text) throws IOException {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            Set<String> seen = new HashSet<>();
            try (TokenStream ts = analyzer.tokenStream("text", text)) {
                CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                ts.reset();
                while (ts.incrementToken() && seen.size() < 1024) {
                    String t = term.toString().toLowerCase(Locale.ROOT);
                    if (seen.add(t)) {
                        b.add(new TermQuery(new Term("text", t)), BooleanClause.Occur.SHOULD);
                    }
                }
                ts.end();
            }
            return b.build();
        }
    }
}
