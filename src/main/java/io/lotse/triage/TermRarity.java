package io.lotse.triage;

/**
 * How telling a term is, from the ticket index's document frequencies.
 *
 * <p>Scale: 1.0 means an ordinary term, 0 a term that appears everywhere; IncidentMatcher clamps values
 * to [0, 2], so a rare term counts at most twice. Compute it over a long history (weeks of tickets),
 * not the last hours: during a storm every ticket says "website", and storm words must not become
 * worthless exactly when they matter. Terms are analyzed terms (as produced by LotseAnalyzer).
 */
@FunctionalInterface
public interface TermRarity {

    double idf(String term);

    /** Every term counts the same; for tests and for a fresh installation without an index. */
    static TermRarity uniform() {
        return term -> 1.0;
    }
}
