package io.lotse.ticket;

import io.lotse.platform.BadInput;
import io.lotse.platform.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The ops' customer inventory: who uses which components and hosts. Imported as JSON or CSV; customers
 * are found by customer number or e-mail address (and created when new, so the inventory can come first).
 */
@ApplicationScoped
public class Inventory {

    /** At most this many rows per import: a bigger inventory is imported in parts. */
    public static final int MAX_ROWS = 50_000;

    private final CustomerDirectory customers;
    private final Clock clock;

    Inventory(CustomerDirectory customers, Clock clock) {
        this.customers = customers;
        this.clock = clock;
    }

    /** One customer's entry: identified by number and/or e-mail. */
    public record Entry(String customerNumber, String email, List<String> components, List<String> hosts) {
    }

    public record ImportResult(int customers, int assetsAdded, int assetsRemoved) {
    }

    public record CustomerInventory(long customerId, String customerNumber, String email, List<String> components,
            List<String> hosts) {
    }

    /** Adds the entries' assets; with {@code replace}, a listed customer's other assets are removed. */
    @Transactional
    public ImportResult importEntries(List<Entry> entries, boolean replace) {
        if (entries.size() > MAX_ROWS) {
            throw new BadInput("At most " + MAX_ROWS + " customers per import; split the inventory.");
        }
        Instant now = clock.instant();
        int added = 0;
        int removed = 0;
        for (Entry e : entries) {
            if (blank(e.customerNumber()) && blank(e.email())) {
                throw new BadInput("Every entry needs a customerNumber or an email.");
            }
            Customer c = customers.resolve(Requester.of(null, e.email(), null, e.customerNumber()), null);
            List<CustomerAsset> existing = CustomerAsset.ofCustomer(c.id);
            Map<String, CustomerAsset> byKey = new LinkedHashMap<>();
            existing.forEach(a -> byKey.put(a.kind + "\n" + a.asset, a));
            List<String> wanted = new ArrayList<>();
            for (String comp : nonNull(e.components())) {
                wanted.add(CustomerAsset.COMPONENT + "\n" + normalise(comp));
            }
            for (String host : nonNull(e.hosts())) {
                wanted.add(CustomerAsset.HOST + "\n" + normalise(host));
            }
            for (String key : wanted) {
                if (key.endsWith("\n") || byKey.containsKey(key)) {
                    continue;
                }
                String[] parts = key.split("\n", 2);
                CustomerAsset a = new CustomerAsset();
                a.customerId = c.id;
                a.kind = parts[0];
                a.asset = parts[1];
                a.createdAt = now;
                a.persist();
                byKey.put(key, a);
                added++;
            }
            if (replace) {
                for (CustomerAsset a : existing) {
                    if (!wanted.contains(a.kind + "\n" + a.asset)) {
                        a.delete();
                        removed++;
                    }
                }
            }
        }
        return new ImportResult(entries.size(), added, removed);
    }

    /** CSV with a header row: customer (number or e-mail), component, host; one asset per line. */
    public static List<Entry> parseCsv(String csv) {
        List<String> lines = csv.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        if (lines.isEmpty()) {
            return List.of();
        }
        List<String> header = split(lines.get(0)).stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        int customer = header.indexOf("customer");
        int component = header.indexOf("component");
        int host = header.indexOf("host");
        if (customer < 0 || (component < 0 && host < 0)) {
            throw new BadInput("The CSV header must name 'customer' and 'component' and/or 'host'.");
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            List<String> cells = split(lines.get(i));
            String who = cell(cells, customer).orElseThrow(() -> new BadInput("A CSV line has no customer."));
            Entry e = entries.computeIfAbsent(who, w -> w.contains("@")
                    ? new Entry(null, w, new ArrayList<>(), new ArrayList<>())
                    : new Entry(w, null, new ArrayList<>(), new ArrayList<>()));
            cell(cells, component).ifPresent(e.components()::add);
            cell(cells, host).ifPresent(e.hosts()::add);
        }
        return new ArrayList<>(entries.values());
    }

    @Transactional
    public CustomerInventory of(long customerId) {
        Customer c = Customer.<Customer>findByIdOptional(customerId)
                .orElseThrow(() -> new io.lotse.platform.NotFound("Customer", customerId));
        List<CustomerAsset> assets = CustomerAsset.ofCustomer(customerId);
        return new CustomerInventory(c.id, c.customerNumber, c.email,
                assets.stream().filter(a -> a.kind.equals(CustomerAsset.COMPONENT)).map(a -> a.asset).toList(),
                assets.stream().filter(a -> a.kind.equals(CustomerAsset.HOST)).map(a -> a.asset).toList());
    }

    /** Simple CSV: comma or semicolon separated, double quotes around cells that contain them. */
    static List<String> split(String line) {
        char sep = line.contains(";") && !line.contains(",") ? ';' : ',';
        List<String> cells = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (ch == sep && !quoted) {
                cells.add(cur.toString().strip());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        cells.add(cur.toString().strip());
        return cells;
    }

    private static Optional<String> cell(List<String> cells, int index) {
        return index >= 0 && index < cells.size() && !cells.get(index).isBlank() ? Optional.of(cells.get(index))
                : Optional.empty();
    }

    private static String normalise(String asset) {
        return Texts.fit(asset == null ? "" : asset.strip(), 300);
    }

    private static List<String> nonNull(List<String> l) {
        return l == null ? List.of() : l;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
