package io.lotse.intake.email;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The top-level header fields of a mail in their original order, values unfolded and RFC 2047 decoded.
 * Names are matched case-insensitively.
 */
public final class MailHeaders {

    /** One header field; {@code name} as written in the mail. */
    public record Field(String name, String value) {
    }

    private final List<Field> fields;

    public MailHeaders(List<Field> fields) {
        this.fields = List.copyOf(fields);
    }

    public static MailHeaders empty() {
        return new MailHeaders(List.of());
    }

    public List<Field> fields() {
        return fields;
    }

    /** The first (topmost, i.e. most recently added) value of the field. */
    public Optional<String> first(String name) {
        for (Field field : fields) {
            if (field.name().equalsIgnoreCase(name)) {
                return Optional.of(field.value());
            }
        }
        return Optional.empty();
    }

    public List<String> all(String name) {
        List<String> values = new ArrayList<>();
        for (Field field : fields) {
            if (field.name().equalsIgnoreCase(name)) {
                values.add(field.value());
            }
        }
        return Collections.unmodifiableList(values);
    }

    public boolean has(String name) {
        return first(name).isPresent();
    }

    /** Lower-case field name to its values, in order of first appearance. */
    public Map<String, List<String>> asMap() {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (Field field : fields) {
            map.computeIfAbsent(field.name().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(field.value());
        }
        map.replaceAll((k, v) -> List.copyOf(v));
        return Collections.unmodifiableMap(map);
    }

    @Override
    public String toString() {
        return "MailHeaders" + fields;
    }
}
