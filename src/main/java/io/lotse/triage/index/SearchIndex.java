package io.lotse.triage.index;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The Lucene index under {@code <lotse.data-dir>/index}: one document per ticket (its subject and the
 * customer's own words) and per incident. It is a projection of the database, kept current by
 * {@link IndexSync}; the database time up to which it is complete is stored in the commit, so a missing
 * or deleted index is simply rebuilt from the database. Searchers only through the {@link SearcherManager}.
 */
@ApplicationScoped
public class SearchIndex {

    private static final Logger LOG = Logger.getLogger(SearchIndex.class);
    static final String ID = "id";
    static final String TYPE = "type";
    static final String NUMBER = "number";
    public static final String TEXT = "text";
    private static final String WATERMARK = "lotse.watermark";

    private final Path dir;
    private final Analyzer analyzer;
    private IndexWriter writer;
    private SearcherManager searchers;
    /** Set on shutdown: a late scheduled round must not open the index again and keep its lock. */
    private boolean closed;

    SearchIndex(@ConfigProperty(name = "lotse.data-dir") Path dataDir) {
        this.dir = dataDir.resolve("index");
        this.analyzer = new LotseAnalyzer();
    }

    public Analyzer analyzer() {
        return analyzer;
    }

    private synchronized void open() {
        if (writer != null) {
            return;
        }
        if (closed) {
            throw new IllegalStateException("the search index is closed: the service is shutting down");
        }
        try {
            Files.createDirectories(dir);
            IndexWriterConfig config = new IndexWriterConfig(analyzer);
            config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            writer = new IndexWriter(FSDirectory.open(dir), config);
            searchers = new SearcherManager(writer, null);
            LOG.infof("Search index at %s (complete up to %s)", dir, watermark());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search index at " + dir
                    + "; check that lotse.data-dir is writable. Deleting the index folder makes it rebuild.", e);
        }
    }

    private IndexWriter writer() {
        if (writer == null) {
            open();
        }
        return writer;
    }

    /** The database time up to which every change is in the index. */
    public Instant watermark() {
        Iterable<Map.Entry<String, String>> data = writer().getLiveCommitData();
        if (data != null) {
            for (Map.Entry<String, String> e : data) {
                if (WATERMARK.equals(e.getKey())) {
                    return Instant.parse(e.getValue());
                }
            }
        }
        return Instant.EPOCH;
    }

    public void putTicket(long id, String text) {
        put("ticket", id, text);
    }

    public void putIncident(long id, String text) {
        put("incident", id, text);
    }

    private void put(String type, long id, String text) {
        Document doc = new Document();
        doc.add(new StringField(ID, type + ":" + id, Field.Store.NO));
        doc.add(new StringField(TYPE, type, Field.Store.NO));
        doc.add(new LongPoint(NUMBER, id));
        doc.add(new StoredField(NUMBER, id));
        doc.add(new TextField(TEXT, text == null ? "" : text, Field.Store.NO));
        try {
            writer().updateDocument(new Term(ID, type + ":" + id), doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes everything put so far durable and searchable, and records how far the index is complete. */
    public void commit(Instant completeUpTo) {
        try {
            IndexWriter w = writer();
            w.setLiveCommitData(Map.of(WATERMARK, completeUpTo.toString()).entrySet());
            w.commit();
            searchers.maybeRefresh();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ticket ids matching a free-text query, best first. Query syntax errors fall back to plain words. */
    public List<Long> searchTickets(String q, int max) {
        Query text;
        try {
            QueryParser parser = new QueryParser(TEXT, analyzer);
            parser.setDefaultOperator(QueryParser.Operator.AND);
            text = parser.parse(q);
        } catch (ParseException e) {
            try {
                QueryParser parser = new QueryParser(TEXT, analyzer);
                parser.setDefaultOperator(QueryParser.Operator.AND);
                text = parser.parse(QueryParser.escape(q));
            } catch (ParseException again) {
                return List.of();
            }
        }
        Query query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(TYPE, "ticket")), BooleanClause.Occur.FILTER)
                .add(text, BooleanClause.Occur.MUST)
                .build();
        return withSearcher(searcher -> {
            List<Long> ids = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(query, max).scoreDocs) {
                ids.add(searcher.storedFields().document(hit.doc).getField(NUMBER).numericValue().longValue());
            }
            return ids;
        });
    }

    /**
     * How rare a term is among tickets (BM25's idf): words every storm ticket uses weigh little, a word
     * few tickets use weighs much.
     */
    public double idf(String term) {
        return withSearcher(searcher -> {
            int n = searcher.getIndexReader().numDocs();
            int df = searcher.getIndexReader().docFreq(new Term(TEXT, term));
            return Math.log(1 + (n - df + 0.5) / (df + 0.5));
        });
    }

    interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    <T> T withSearcher(SearcherWork<T> work) {
        writer();
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PreDestroy
    synchronized void close() {
        closed = true;
        try {
            if (searchers != null) {
                searchers.close();
            }
            if (writer != null) {
                writer.close();
            }
        } catch (IOException e) {
            LOG.warn("Closing the search index failed; it will be checked on the next start", e);
        } finally {
            writer = null;
            searchers = null;
        }
    }
}
