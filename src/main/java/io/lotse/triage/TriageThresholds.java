package io.lotse.triage;

/**
 * Where IncidentMatcher's score turns into a decision (config: {@code lotse.triage.*}).
 *
 * @param autoLink  at or above: linked and answered automatically, unless a hard guard objects
 * @param suggest   at or above (and below autoLink): suggested to an agent
 * @param minMargin an automatic link also needs this distance to the runner-up incident
 */
public record TriageThresholds(double autoLink, double suggest, double minMargin) {

    public TriageThresholds {
        if (!(0.0 <= suggest && suggest <= autoLink && autoLink <= 1.0)) {
            throw new IllegalArgumentException(
                    "need 0 <= suggest <= autoLink <= 1, got suggest=" + suggest + ", autoLink=" + autoLink);
        }
        if (!(minMargin >= 0.0 && minMargin <= 1.0)) {
            throw new IllegalArgumentException("minMargin must be in [0,1]: " + minMargin);
        }
    }

    /**
     * 0.80 / 0.30 / 0.15, the values in application.properties. With IncidentMatcher's weights
     * 0.80 means "outage wording plus a service or topic the incident's title names" (0.82) or an
     * object named only in the incident's text plus strong term evidence; 0.40 means "at least the
     * customer reports an outage while an incident is active".
     */
    public static TriageThresholds defaults() {
        return new TriageThresholds(0.80, 0.30, 0.15);
    }
}
