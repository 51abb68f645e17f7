package io.lotse.triage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MachineNamesTest {

    static final MachineNames INCIDENT = MachineNames.in(
            "Ausfall Host-Node kvm-node-17 (RZ FRA-2): vServer auf web-c und db03 betroffen, IPv6 ebenso");

    @Test
    void hostsClustersAndNodesAreFamiliesWithMembers() {
        assertEquals(Map.of("kvm-node", Map.of("17", "kvm-node-17"), "node", Map.of("17", "kvm-node-17"),
                "fra", Map.of("2", "FRA-2"), "web", Map.of("c", "web-c"), "db", Map.of("3", "db03")),
                INCIDENT.members());
    }

    @Test
    void versionsWordsAndNumbersAreNoMachines() {
        assertEquals(MachineNames.NONE, MachineNames.in(
                "IPv6, PHP8, UTF-8, SHA-256, E-Mail, Kd.-Nr. K-31877, node 17, Add-on, Wi-Fi, 2026-11-17, mx-record"));
    }

    @Test
    void aMachineOfAnIncidentsFamilyThatIsNotTheIncidentsOneIsAnother() {
        assertArrayEquals(new String[] {"web-a", "web-c"},
                MachineNames.in("Lt. KIS Paket auf web-a, Seite lädt langsam").otherThan(INCIDENT).orElseThrow());
        assertArrayEquals(new String[] {"node-12", "kvm-node-17"},
                MachineNames.in("unser vServer läuft auf node-12").otherThan(INCIDENT).orElseThrow());
        assertTrue(MachineNames.in("db3 antwortet nicht").otherThan(INCIDENT).isEmpty(), "db3 is db03");
        assertTrue(MachineNames.in("umgezogen von web-a auf web-c, seitdem langsam").otherThan(INCIDENT).isEmpty(),
                "naming the incident's machine too is no other machine");
        assertTrue(MachineNames.in("mx2 nimmt nichts an").otherThan(INCIDENT).isEmpty(), "a family the incident does not name");
        assertArrayEquals(new String[] {"web-b2", "web-d3"}, MachineNames.in("laut panel läuft das auf server web-b2")
                .otherThan(MachineNames.in("Webhosting-Cluster web-d3: PHP-Version zurückgesetzt")).orElseThrow(),
                "a letter and a number are one member");
        MachineNames cluster = MachineNames.in("web-f: Neue IP-Adressen werden als Russland geolokalisiert");
        assertTrue(MachineNames.in("Paket auf web-f03").otherThan(cluster).isEmpty(), "a node of the incident's cluster");
        assertArrayEquals(new String[] {"web-b03", "web-f"}, MachineNames.in("Paket auf web-b03").otherThan(cluster).orElseThrow(),
                "a node of another cluster");
        assertTrue(MachineNames.in("läuft auf web-f5").otherThan(MachineNames.in("Störung web-f05")).isEmpty(),
                "web-f05 is web-f5");
    }
}
