package io.lotse.reply;

import io.lotse.platform.NotFound;
import io.lotse.platform.Unprocessable;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The customer messages' wording: the built-in, type-checked templates, or an admin's override stored in
 * the database (so every replica uses it, and no rebuild is needed). An override is checked before it
 * is stored, by parsing it and rendering it with sample data in strict mode: a broken one is refused
 * with the reason, never sent.
 */
@ApplicationScoped
public class ReplyTemplates {

    /** The messages that can be reworded; each exists in German and English. */
    public static final Set<String> NAMES = Set.of("autoReply", "chatReply", "phoneScript", "statusUpdate", "resolution",
            "correction");
    public static final Set<String> LANGUAGES = Set.of("de", "en");

    private final Engine engine;
    private final Clock clock;
    /** Parsed overrides by name, language and version, so a busy storm does not parse the same text each time. */
    private final Map<String, Template> parsed = new ConcurrentHashMap<>();

    ReplyTemplates(Engine engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    public record TemplateView(String name, String language, boolean overridden, String body, Instant updatedAt,
            String updatedBy) {
    }

    /** The override to use for a message, if an admin has set one. Runs in the caller's transaction. */
    Optional<Template> override(String name, String language) {
        TemplateOverride o = TemplateOverride.findById(new TemplateOverride.Key(name, language));
        if (o == null) {
            return Optional.empty();
        }
        String cacheKey = name + "/" + language + "/" + o.updatedAt;
        return Optional.of(parsed.computeIfAbsent(cacheKey, k -> engine.parse(o.body)));
    }

    public List<TemplateView> list() {
        List<TemplateView> all = new ArrayList<>();
        for (String name : NAMES.stream().sorted().toList()) {
            for (String language : LANGUAGES.stream().sorted().toList()) {
                all.add(view(name, language));
            }
        }
        return all;
    }

    public TemplateView view(String name, String language) {
        check(name, language);
        TemplateOverride o = QuarkusTransaction.requiringNew().call(
                () -> TemplateOverride.findById(new TemplateOverride.Key(name, language)));
        return o == null ? new TemplateView(name, language, false, builtIn(name, language), null, null)
                : new TemplateView(name, language, true, o.body, o.updatedAt, o.updatedBy);
    }

    /** Renders a proposed text with sample data: what the customer would read, or 422 with the reason. */
    public String preview(String name, String language, String body) {
        check(name, language);
        Template template;
        try {
            template = engine.parse(body);
        } catch (TemplateException e) {
            throw new Unprocessable("The template does not parse: " + e.getMessage());
        }
        if (name.equals("autoReply") && !body.contains("m.statusPageUrl")) {
            throw new Unprocessable("The automatic answer must show the status page link ({m.statusPageUrl}).");
        }
        List<String> rendered = new ArrayList<>();
        for (ReplyComposer.ReplyModel sample : samples(language)) {
            try {
                rendered.add(template.data("m", sample).render());
            } catch (RuntimeException e) {
                throw new Unprocessable("The template fails with sample data: " + e.getMessage());
            }
        }
        return rendered.get(0);
    }

    public TemplateView save(String name, String language, String body, String user) {
        preview(name, language, body);
        QuarkusTransaction.requiringNew().run(() -> {
            TemplateOverride.Key key = new TemplateOverride.Key(name, language);
            TemplateOverride o = TemplateOverride.findById(key);
            if (o == null) {
                o = new TemplateOverride();
                o.key = key;
            }
            o.body = body;
            o.updatedBy = user;
            o.updatedAt = clock.instant();
            o.persist();
        });
        return view(name, language);
    }

    public TemplateView reset(String name, String language) {
        check(name, language);
        QuarkusTransaction.requiringNew().run(() -> TemplateOverride.deleteById(new TemplateOverride.Key(name, language)));
        return view(name, language);
    }

    private static void check(String name, String language) {
        if (!NAMES.contains(name) || !LANGUAGES.contains(language)) {
            throw new TemplateNotFound(name, language);
        }
    }

    private static String builtIn(String name, String language) {
        String path = "templates/ReplyComposer/" + name + "_" + language + ".txt";
        try (InputStream in = ReplyTemplates.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Filled and sparse: a template must render for a customer without a name and an incident without a page. */
    private static List<ReplyComposer.ReplyModel> samples(String language) {
        boolean de = language.equals("de");
        return List.of(
                new ReplyComposer.ReplyModel("Jana Vogt", 4711, de ? "Stromausfall im Rechenzentrum" : "Power outage",
                        de ? "Wir untersuchen die Ursache" : "Investigating", de ? "Notstrom läuft an." : "Backup power starting.",
                        de ? "22.11.2026, 14:50 Uhr (MEZ)" : "22 Nov 2026, 14:50 (CET)", "https://status.example.com/1", true),
                new ReplyComposer.ReplyModel("", 4712, "X", "Y", "", "Z", "", false));
    }

    /** 404 for a template name or language that does not exist. */
    public static class TemplateNotFound extends io.lotse.platform.DomainException {
        TemplateNotFound(String name, String language) {
            super(404, "Not found", "There is no template '" + name + "' in language '" + language + "'; names: "
                    + NAMES.stream().sorted().toList() + ", languages: de, en.");
        }
    }
}
