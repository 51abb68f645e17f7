package io.lotse.triage.eval;

import java.util.Optional;

/**
 * The figures the issue asks for, for one system on one set of messages. A message is a positive when
 * it is about an incident that had not been resolved when it arrived (messages written before the
 * declaration count: re-triage is part of the system).
 */
final class Figures {

    /** What a system did with one message, in the end. */
    record Call(Optional<String> autoLinked, Optional<String> suggested, boolean answeredAutomatically) {
        static final Call NOTHING = new Call(Optional.empty(), Optional.empty(), false);
    }

    int messages;
    int positives;
    int autoCorrect;
    int autoWrong;
    int suggestedCorrect;
    int wrongIncident;
    int falseAutoReplies;

    void add(Optional<String> truth, boolean positive, Call call) {
        messages++;
        if (positive) {
            positives++;
        }
        if (call.autoLinked().isPresent()) {
            if (positive && call.autoLinked().equals(truth)) {
                autoCorrect++;
            } else {
                autoWrong++;
                if (call.answeredAutomatically()) {
                    falseAutoReplies++;
                }
            }
        } else if (positive && call.suggested().equals(truth)) {
            suggestedCorrect++;
        }
        Optional<String> pointed = call.autoLinked().or(call::suggested);
        if (truth.isPresent() && pointed.isPresent() && !pointed.equals(truth)) {
            wrongIncident++;
        }
    }

    void addAll(Figures other) {
        messages += other.messages;
        positives += other.positives;
        autoCorrect += other.autoCorrect;
        autoWrong += other.autoWrong;
        suggestedCorrect += other.suggestedCorrect;
        wrongIncident += other.wrongIncident;
        falseAutoReplies += other.falseAutoReplies;
    }

    int autoDecisions() {
        return autoCorrect + autoWrong;
    }

    double precision() {
        return autoDecisions() == 0 ? 1.0 : (double) autoCorrect / autoDecisions();
    }

    /** One-sided 95% Clopper-Pearson lower bound of the precision at auto. */
    double precisionLowerBound() {
        return lowerBound(autoCorrect, autoDecisions(), 0.05);
    }

    double autoRecall() {
        return positives == 0 ? 1.0 : (double) autoCorrect / positives;
    }

    double recallWithSuggestions() {
        return positives == 0 ? 1.0 : (double) (autoCorrect + suggestedCorrect) / positives;
    }

    /** The p at which seeing k or more successes in n tries has probability alpha. */
    static double lowerBound(int k, int n, double alpha) {
        if (n == 0 || k == 0) {
            return 0.0;
        }
        if (k == n) {
            return Math.pow(alpha, 1.0 / n);
        }
        double lo = 0;
        double hi = 1;
        for (int i = 0; i < 60; i++) {
            double mid = (lo + hi) / 2;
            if (upperTail(k, n, mid) < alpha) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** P(X >= k) for X ~ Binomial(n, p), summed in log space. */
    static double upperTail(int k, int n, double p) {
        double sum = 0;
        for (int i = k; i <= n; i++) {
            sum += Math.exp(logChoose(n, i) + i * Math.log(p) + (n - i) * Math.log1p(-p));
        }
        return sum;
    }

    private static double logChoose(int n, int k) {
        double r = 0;
        for (int i = 1; i <= k; i++) {
            r += Math.log(n - k + i) - Math.log(i);
        }
        return r;
    }

    String row(String system) {
        return String.format(java.util.Locale.ROOT, "| %-14s | %4d | %4d | %4d | %5.3f | %5.3f | %5.3f | %5.3f | %4d | %4d |",
                system, messages, positives, autoDecisions(), precision(), precisionLowerBound(), autoRecall(),
                recallWithSuggestions(), wrongIncident, falseAutoReplies);
    }

    static String header() {
        return "| system         | msgs |  pos | auto | prec. | LB95  | auto-rec | recall+sugg | wrong-inc | false-auto-replies |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|";
    }
}
