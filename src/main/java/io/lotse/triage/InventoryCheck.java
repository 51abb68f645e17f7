package io.lotse.triage;

import io.lotse.incident.Incident;
import io.lotse.ticket.CustomerAsset;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sharpens a decision with the ops' customer inventory, where there is one. A customer who uses an
 * affected component or host is named in the reasons; a customer whose inventory lists none of them
 * gets a suggestion instead of an automatic answer (the words may still be about the incident, so an
 * agent decides). Without inventory for the customer or components on the incident, nothing changes.
 */
@ApplicationScoped
public class InventoryCheck {

    /** Must run inside a transaction. */
    public TriageDecision apply(long customerId, TriageDecision d) {
        if (d.decision() == Decision.UNRELATED || d.incidentId().isEmpty()) {
            return d;
        }
        List<CustomerAsset> assets = CustomerAsset.ofCustomer(customerId);
        Incident incident = Incident.findById(d.incidentId().get());
        if (assets.isEmpty() || incident == null) {
            return d;
        }
        List<String> components = incident.componentList().stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
        String text = (incident.title + "\n" + (incident.description == null ? "" : incident.description))
                .toLowerCase(Locale.ROOT);
        List<String> affected = new ArrayList<>();
        for (CustomerAsset a : assets) {
            String asset = a.asset.toLowerCase(Locale.ROOT);
            boolean hit = a.kind.equals(CustomerAsset.COMPONENT) ? components.contains(asset) : text.contains(asset);
            if (hit) {
                affected.add(a.asset);
            }
        }
        List<String> reasons = new ArrayList<>(d.reasons());
        if (!affected.isEmpty()) {
            reasons.add("inventory: the customer uses affected " + String.join(", ", affected));
            return new TriageDecision(d.decision(), d.incidentId(), d.score(), reasons);
        }
        if (components.isEmpty()) {
            return d;
        }
        String uses = assets.stream().map(a -> a.asset).limit(5).reduce((x, y) -> x + ", " + y).orElse("");
        reasons.add("inventory: the customer uses " + uses + ", none of the affected " + String.join(", ",
                incident.componentList()));
        if (d.decision() == Decision.AUTO_LINKED) {
            reasons.add("suggested to an agent instead of answering automatically");
            return new TriageDecision(Decision.SUGGESTED, d.incidentId(), d.score(), reasons);
        }
        return new TriageDecision(d.decision(), d.incidentId(), d.score(), reasons);
    }
}
