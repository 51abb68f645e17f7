package io.lotse.triage;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of hosts, clusters, nodes and sites as ops and agents write them: "web-c", "web-d3", "kvm-node-17", "db3",
 * "mx2", "FRA-2". Each is a member ("c", "d3", "17") of a family ("web", "kvm-node", and for a compound family
 * also its last part, "node"). An incident on web-c does not explain trouble of a customer whose package
 * is on web-a: "Lt. KIS Paket auf web-a" is a detail no word list can weigh.
 *
 * <p>Only written-together or hyphenated names count ("node 17" is not one); versions of protocols and
 * formats ("IPv6", "UTF-8", "PHP8") are no machines.
 */
record MachineNames(Map<String, Map<String, String>> members) {

    private static final Pattern NAME = Pattern.compile(
            "(?<![\\p{L}\\p{N}.\\-])(\\p{L}{2,}(?:-\\p{L}{2,})*)(?:-(\\p{L}\\p{N}{0,3}|\\p{N}{1,3})|(\\p{N}{1,3}))(?![\\p{L}\\p{N}]|-[\\p{L}\\p{N}])");
    private static final Set<String> VERSIONED = Set.of("ipv", "php", "http", "https", "tls", "tlsv", "ssl", "sslv",
            "utf", "sha", "md", "pop", "imap", "smtp", "win", "windows", "mp", "covid", "kw");

    private static final Pattern NODE_OF_A_CLUSTER = Pattern.compile("\\p{L}\\p{N}+");

    static final MachineNames NONE = new MachineNames(Map.of());

    static MachineNames in(String text) {
        Map<String, Map<String, String>> members = new TreeMap<>();
        Matcher name = NAME.matcher(text);
        while (name.find()) {
            String family = name.group(1).toLowerCase(Locale.ROOT);
            if (VERSIONED.contains(family)) {
                continue;
            }
            String member = (name.group(2) != null ? name.group(2) : name.group(3)).toLowerCase(Locale.ROOT);
            // "web03" and "web3" are one machine, so are "web-f05" and "web-f5".
            member = member.replaceFirst("^(\\p{L}?)0+(?=\\d)", "$1");
            String surface = name.group();
            members.computeIfAbsent(family, f -> new TreeMap<>()).putIfAbsent(member, surface);
            int lastPart = family.lastIndexOf('-');
            if (lastPart > 0) {
                members.computeIfAbsent(family.substring(lastPart + 1), f -> new TreeMap<>()).putIfAbsent(member, surface);
            }
        }
        return members.isEmpty() ? NONE : new MachineNames(Map.copyOf(members));
    }

    MachineNames plus(MachineNames other) {
        if (other.members.isEmpty()) {
            return this;
        }
        Map<String, Map<String, String>> all = new TreeMap<>();
        for (MachineNames names : List.of(this, other)) {
            names.members.forEach((f, m) -> m.forEach((member, surface) -> all.computeIfAbsent(f, x -> new TreeMap<>())
                    .putIfAbsent(member, surface)));
        }
        return new MachineNames(Map.copyOf(all));
    }

    /** "f05" is a node of cluster "f" ("web-f05" while ops name "web-f"); other members are their own. */
    private static String clusterOf(String member) {
        return NODE_OF_A_CLUSTER.matcher(member).matches() ? member.substring(0, 1) : member;
    }

    /**
     * A machine of the customer's that belongs to a family the incident names, while the customer names
     * none of the incident's members of that family ("web-a" against "web-c"): that machine, and the
     * incident's, as "web-a" / "web-c".
     */
    Optional<String[]> otherThan(MachineNames incident) {
        for (Map.Entry<String, Map<String, String>> own : members.entrySet()) {
            Map<String, String> affected = incident.members.get(own.getKey());
            if (affected != null && own.getValue().keySet().stream().noneMatch(member -> affected.containsKey(member)
                    || affected.containsKey(clusterOf(member)))) {
                return Optional.of(new String[] {own.getValue().values().iterator().next(),
                        affected.values().iterator().next()});
            }
        }
        return Optional.empty();
    }
}
