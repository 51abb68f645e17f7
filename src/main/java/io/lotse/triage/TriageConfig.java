package io.lotse.triage;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import io.smallrye.config.WithDefault;

/** Where the classifier draws its lines. Scores are in [0,1]. */
@ConfigMapping(prefix = "lotse.triage")
public interface TriageConfig {

    /** At or above: link and answer automatically. Chosen for precision: a wrong auto-reply is the worst error. */
    @WithDefault("0.80")
    double autoLinkThreshold();

    /** At or above (and below auto): suggest the link to an agent. */
    @WithDefault("0.30")
    double suggestThreshold();

    /** An automatic link also needs this distance to the runner-up incident. */
    @WithDefault("0.15")
    double minMargin();

    /**
     * The same customer writing again within this window about the same thing is one case: the later ticket
     * is a duplicate of the first, and joins its incident.
     */
    @WithDefault("24h")
    Duration sameCaseWindow();

    default TriageThresholds thresholds() {
        return new TriageThresholds(autoLinkThreshold(), suggestThreshold(), minMargin());
    }
}
