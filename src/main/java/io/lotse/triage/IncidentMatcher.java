package io.lotse.triage;

import static io.lotse.triage.ReasonText.fmt;
import static io.lotse.triage.ReasonText.labels;
import static io.lotse.triage.ReasonText.name;
import static io.lotse.triage.ReasonText.quoted;
import static io.lotse.triage.ReasonText.time;

import io.lotse.triage.index.Tokens;
import io.lotse.triage.index.TriageVocabulary;
import io.lotse.triage.index.TriageVocabulary.Concept;
import io.lotse.triage.index.TriageVocabulary.Kind;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.WeakHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;

/**
 * Scores one ticket against all active incidents at once and decides: link and answer automatically,
 * suggest to an agent, or leave alone.
 *
 * <p>The score in [0,1] is a sum of three explainable parts, then penalised:
 * <pre>
 *   0.30  outage wording   the ticket says something is broken ("nicht erreichbar", "down", 503); degradation
 *                          ("langsam", "zeitweise") counts 0.7 of it, fully for an incident about such trouble;
 *                          money taken twice counts fully for an incident about that
 * + 0.30  service/topic    a service or topic concept of the ticket (xweb, xmail, xdc ...) is named in
 *                          the incident's title (full weight) or only in its text (x0.6; a service
 *                          counts x0.8 there when the title names only a layer below the services,
 *                          "Störung der Nameserver", whose symptoms the text lists); a service
 *                          the customer names outside the clauses with outage wording counts x0.5
 *                          ("Webseite nicht erreichbar, Mails gehen aber" is about the website); services of
 *                          a clause that says they work ("Website + Mail laufen.") count for nothing;
 *                          an intent or request the title or a component names ("authcode kommt nicht" while AuthInfo
 *                          codes are not sent, a payment in a billing incident) counts like a service of the title
 * + 0.40  detail           0.7 x other shared words (idf-weighted, title 3x, saturating; words of linked
 *                          tickets count less, words of unlinked ones push away) + 0.3 x coverage: the
 *                          share of the customer's words the incident explains
 * x 0.8   the ticket reports services and the incident names others, none shared ("Mail" vs web hosting);
 *         in proportion when some are shared (x0.9 for one of two); fully when the subject or the error
 *         message itself ("Error establishing a database connection") names only services it does not
 * x 0.6   non-outage intent that neither the incident's title nor its components name (password reset,
 *         DNS change, upgrade, ... see non-outage-intent.txt); side requests (invoice, compensation) cost
 *         nothing, they keep the ticket open for a person instead
 * x 0.7   the ticket resembles one a person unlinked from the incident
 * x 0.8   the ticket names another host, cluster or node of a family the incident names ("web-a" while
 *         the incident is on "web-c", see {@link MachineNames}); never answered automatically then
 * </pre>
 * So "outage wording + a service the title names" scores 0.60 before shared words: an automatic link at
 * 0.80 needs the customer's other words to fit the incident too.
 *
 * <p>The ticket is read by {@link TicketReader}: outage words in a question about the future ("will my site go
 * offline?") report nothing, a change nobody made names no cause, what the customer rules out is no evidence.
 *
 * <p>Hard guards stay outside the score, so that they are auditable ({@link AnswerGuards}): machine-sent
 * mail, a non-outage intent the incident does not name, a cause the customer names that the incident
 * does not (a change of their own, a block list, "war mein Fehler"), trouble that began before the
 * incident, resemblance to an unlinked ticket, too little matched, and another incident as likely. The
 * same customer writing again about a case linked to an incident continues it: the threshold, margin and
 * word guards are then not needed, the others still hold.
 * A ticket sent before an incident started (allowing {@link #CLOCK_SKEW}) is never matched to it.
 *
 * <p>Thread-safe; the only state is a bounded cache of analysed incident and linked-ticket texts, shared
 * per analyzer. Expects an analyzer that emits the concept tokens of
 * {@link TriageVocabulary} (i.e. {@link io.lotse.triage.index.LotseAnalyzer}); checked at construction.
 */
public final class IncidentMatcher {

    /** Clocks of mail servers, phones and the ops console disagree by this much. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(2);
    /** The default of {@code lotse.reply.time-zone}. */
    static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Berlin");

    static final double OUTAGE_WEIGHT = 0.30;
    static final double OBJECT_WEIGHT = 0.30;
    static final double DETAIL_WEIGHT = 0.40;
    /** "langsam", "fehlt", "Warnung": a problem report, but weaker than "nicht erreichbar". */
    static final double DEGRADED_OUTAGE = 0.7;
    /** A concept token (xweb, xbackup ...) counts like an ordinary word when it matches. */
    static final double CONCEPT_RARITY = 1.0;
    /**
     * Words of linked tickets: a confirmed ticket counts 1, an automatic one {@link #AUTO_LINK_VOTE}; a word
     * reaches its full weight when the votes of the tickets using it sum to {@link #LINKED_SATURATION}, so
     * one chatty ticket cannot take a profile over.
     */
    static final double AUTO_LINK_VOTE = 0.4;
    static final double LINKED_SATURATION = 2.0;
    /** A word known only from linked tickets weighs this much of a description word. */
    static final double LINKED_FACTOR = 0.7;
    /**
     * A service named only in the description/status updates is weaker than one in the title: with
     * outage wording it scores ~0.74, an automatic link then also needs shared words beyond it.
     */
    static final double OBJECT_IN_TEXT_ONLY = 0.6;
    /**
     * Layers below the services customers use (name servers, servers, the data centre, the network): an
     * incident titled only by them is known to customers by its symptoms.
     */
    private static final Set<String> LAYERS = Set.of("xdns", "xserver", "xdc", "xnet");
    /**
     * A symptom service of such an incident counts 0.8 of a title service: at full weight, "Seite extrem
     * langsam" went to a DNS-resolver incident whose text lists slow websites, although a database
     * incident was the cause.
     */
    static final double SYMPTOM_IN_TEXT = 0.8;
    /** Title terms weigh ~3x the body (Borg 2014 for Lucene duplicate detection). */
    static final double TITLE_BOOST = 3.0;
    /** Evidence at which shared words give 63% of their part; one title word with idf 1 reaches it. */
    static final double TERM_SATURATION = 2.5;
    /** A title word of the highest rarity the customer uses counts 0.8 of a service concept in the title. */
    static final double TITLE_TERM_OBJECT = 0.8;
    /**
     * Shared evidence counts more than coverage: a long message with a greeting, a callback number and the
     * customer's own shop name is not less about the incident than "Shop down".
     */
    static final double EVIDENCE_SHARE = 0.7;
    static final double OTHER_SERVICE_FACTOR = 0.8;
    /** The customer names another host, cluster or node of a family the incident names ("web-a" vs "web-c"). */
    static final double OTHER_MACHINE_FACTOR = 0.8;
    static final double INTENT_FACTOR = 0.6;
    /** One rare word must not outweigh everything else. */
    static final double MAX_RARITY = 2.0;
    /**
     * A ticket whose words are mostly (by rarity) those of a ticket a person unlinked from the incident is
     * the same mistake again: its score is cut and it is never answered automatically.
     */
    static final double UNLINKED_RESEMBLANCE = 0.7;
    static final double UNLINKED_FACTOR = 0.7;
    static final double UNLINKED_COVERED = 0.6;

    /** Tokens before a cause that may deny it: "nicht kompromittiert", "kein Update eingespielt". */
    static final int CAUSE_DENIAL_REACH = 2;
    /** Sentences of an incident's text that name what is NOT affected ("E-Mail und DNS sind nicht betroffen"). */
    private static final Pattern UNAFFECTED = Pattern.compile(
            "(?iu)nicht betroffen|nicht beeinträchtigt|not affected|unaffected|nicht gestört|funktionier\\w* normal"
            // "Zur Managed Cloud siehe separate Meldung": another incident's matter.
            + "|siehe (?:separate|gesonderte|eigene) Meldung|see (?:the )?separate (?:notice|incident|update)");
    private static final Pattern SENTENCE = Pattern.compile("(?<=[.!?])\\s+|\\R");
    /** A service named only outside the clauses with outage wording is mentioned in passing. */
    static final double OBJECT_IN_PASSING = 0.5;

    private final Analyzer analyzer;
    private final TermRarity rarity;
    private final TriageThresholds thresholds;
    private final TriageVocabulary vocabulary;
    private final TicketReader reader;
    /** "Seite", "Server", "Zertifikat": the heads of compounds qualify nothing ("Statische Seiten" is not every page). */
    private final Set<String> compoundHeads;
    private final AnswerGuards guards;
    private final Prepared prepared;

    public IncidentMatcher(Analyzer analyzer, TermRarity rarity, TriageThresholds thresholds) {
        this(analyzer, rarity, thresholds, TriageVocabulary.defaults(), DEFAULT_ZONE);
    }

    /**
     * With a vocabulary other than the shipped one (the analyzer must have been built from it), and the
     * customers' time zone, in which their "gestern" and "seit Montag" begin.
     */
    public IncidentMatcher(Analyzer analyzer, TermRarity rarity, TriageThresholds thresholds,
            TriageVocabulary vocabulary, ZoneId customersZone) {
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
        this.rarity = Objects.requireNonNull(rarity, "rarity");
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
        this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
        this.prepared = prepared();
        this.reader = prepared.reader();
        this.compoundHeads = prepared.compoundHeads();
        this.guards = new AnswerGuards(vocabulary, thresholds, Objects.requireNonNull(customersZone, "customersZone"));
    }

    /**
     * The reader (its analyzer check and generic terms) and the compound heads cost ~2 ms; callers may build a matcher
     * per ticket (for fresh thresholds), so they are computed once per analyzer instance and vocabulary.
     */
    private Prepared prepared() {
        Prepared cached = PREPARED.get(analyzer);
        if (cached == null || cached.vocabulary() != vocabulary) {
            TicketReader reader = new TicketReader(analyzer, vocabulary);
            Set<String> heads = vocabulary.compoundParts().stream()
                    .flatMap(part -> Tokens.tokens(analyzer, part).stream())
                    .collect(Collectors.toUnmodifiableSet());
            cached = new Prepared(vocabulary, reader, heads, boundedTokenCache());
            PREPARED.put(analyzer, cached);
        }
        return cached;
    }

    /**
     * @param profileTokens the analysis of incident texts and linked tickets' words, which every decision
     *                      during a storm needs again (a pure function of analyzer and text; bounded)
     */
    private record Prepared(TriageVocabulary vocabulary, TicketReader reader, Set<String> compoundHeads,
            Map<String, List<String>> profileTokens) {}

    /** Texts of incidents and of their linked tickets (up to 60 of ~600 characters each) for a few incidents. */
    static final int PROFILE_TOKENS_CACHED = 2_000;

    private static Map<String, List<String>> boundedTokenCache() {
        return Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, List<String>> eldest) {
                return size() > PROFILE_TOKENS_CACHED;
            }
        });
    }

    /** The analyzer's terms of an incident's or a linked ticket's text, from the cache when seen before. */
    private List<String> profileTokens(String text) {
        Map<String, List<String>> cache = prepared.profileTokens();
        List<String> tokens = cache.get(text);
        if (tokens == null) {
            tokens = List.copyOf(Tokens.tokens(analyzer, text));
            cache.put(text, tokens);
        }
        return tokens;
    }

    private static final Map<Analyzer, Prepared> PREPARED = Collections.synchronizedMap(new WeakHashMap<>());

    public TriageDecision decide(TicketText ticket, List<IncidentProfile> activeIncidents) {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(activeIncidents, "activeIncidents");
        if (activeIncidents.isEmpty()) {
            return TriageDecision.unrelated(List.of("no active incident"));
        }
        List<String> reasons = new ArrayList<>();
        List<IncidentProfile> eligible = new ArrayList<>();
        for (IncidentProfile incident : activeIncidents) {
            if (ticket.sentAt().isBefore(incident.startedAt().minus(CLOCK_SKEW))) {
                reasons.add("sent " + time(ticket.sentAt()) + ", before incident " + name(incident)
                        + " started at " + time(incident.startedAt()));
            } else {
                eligible.add(incident);
            }
        }
        if (eligible.isEmpty()) {
            return TriageDecision.unrelated(reasons);
        }

        String fullText = ticket.subject().isBlank() ? ticket.text() : ticket.subject() + "\n" + ticket.text();
        TicketTerms terms = reader.read(fullText, ticket.subject().isBlank() ? 0 : ticket.subject().length());
        List<Candidate> ranked = eligible.stream()
                .map(incident -> score(terms, incident))
                .sorted(Comparator.comparingDouble(Candidate::score).reversed()
                        .thenComparing(c -> c.incident().startedAt(), Comparator.reverseOrder()))
                .toList();
        // One case per customer: a customer whose open ticket is linked to an incident and who writes again
        // about it ("immer noch down", "wieder da?") continues that case, unless this message is clearly
        // about another incident.
        Optional<Candidate> continued = ranked.stream()
                .filter(c -> ticket.openCases().containsKey(c.incident().incidentId()))
                .filter(c -> c.score() >= thresholds.suggest())
                .findFirst();
        // ("Jetzt auch noch das Panel": an incident that explains a service the case's incident does not is a
        // new matter, not the case going on.) Of two incidents that fit the words about as well, the one that
        // names the refusal the customer quotes ("Access denied", 403 while visitors from Austria are blocked
        // with a 403 page and PHP versions are reset elsewhere) is what they write about.
        Candidate top = ranked.stream().filter(c -> c.namesQuotedCause() && !ranked.get(0).namesQuotedCause()
                        && ranked.get(0).score() - c.score() < thresholds.minMargin())
                .findFirst().orElse(ranked.get(0));
        Candidate best = continued
                .filter(c -> top.score() < thresholds.autoLink() && c.explained().containsAll(top.explained()))
                .orElse(top);
        Optional<Candidate> runnerUp = ranked.stream().filter(c -> c != best).findFirst();
        Optional<Long> caseTicket = Optional.ofNullable(ticket.openCases().get(best.incident().incidentId()))
                .filter(id -> best.score() >= thresholds.suggest());

        reasons.add(best.matchLine());
        best.otherServiceLine().ifPresent(reasons::add);
        best.otherMachineLine().ifPresent(reasons::add);
        terms.workingLine().ifPresent(reasons::add);
        best.resemblesUnlinked().ifPresent(id -> reasons.add("resembles ticket " + id + ", which a person unlinked from"
                + " incident " + best.incident().incidentId() + ": never answered automatically"));
        terms.intentLines(best.foreignIntent()).forEach(reasons::add);
        terms.requestLines().forEach(reasons::add);
        if (ticket.machineSent()) {
            reasons.add("sent by a machine (auto-reply, bounce or list mail): never answered automatically");
        }
        reasons.add(best.scoreLine());
        runnerUp.ifPresent(r -> reasons.add("runner-up incident " + name(r.incident()) + " scored " + fmt(r.score())));
        caseTicket.ifPresent(id -> reasons.add("the same customer's open ticket " + id + " is linked to incident "
                + best.incident().incidentId() + ": this message continues that case"));

        if (best.score() < thresholds.suggest()) {
            reasons.add("below the suggest threshold " + fmt(thresholds.suggest()) + ": not about an active incident");
            return TriageDecision.unrelated(best.score(), reasons);
        }
        Optional<Long> incidentId = Optional.of(best.incident().incidentId());
        if (best.score() < thresholds.autoLink() && caseTicket.isEmpty()) {
            reasons.add("below the auto-link threshold " + fmt(thresholds.autoLink()) + ": suggested to an agent");
            return new TriageDecision(Decision.SUGGESTED, incidentId, best.score(), reasons, terms.requests());
        }

        // The score (or the customer's open case) says "automatic"; the guards may still say no.
        Set<Long> active = activeIncidents.stream().map(IncidentProfile::incidentId).collect(Collectors.toSet());
        boolean guarded = guards.holdBack(ticket, terms, best, runnerUp, caseTicket.isPresent(), active, reasons);
        if (guarded) {
            reasons.add("suggested to an agent instead of answering automatically");
            return new TriageDecision(Decision.SUGGESTED, incidentId, best.score(), reasons, terms.requests());
        }
        if (!terms.requests().isEmpty()) {
            reasons.add("the trouble is answered automatically; the ticket stays open for a person because of the"
                    + " other request");
        }
        return new TriageDecision(Decision.AUTO_LINKED, incidentId, best.score(), reasons, terms.requests());
    }

    // ---- scoring ---------------------------------------------------------------------------------

    /**
     * The incident's own words, the linked tickets' votes (less the votes of tickets a person unlinked),
     * and the words of each unlinked ticket, analyzed once per decision.
     */
    private record Profile(Set<String> title, Set<String> components, Set<String> text, Set<String> unaffected,
            Set<String> causes, MachineNames machines, Map<String, Double> linked, Map<Long, Set<String>> unlinked) {
        boolean own(String term) {
            return title.contains(term) || text.contains(term);
        }

        double linked(String term) {
            return linked.getOrDefault(term, 0.0);
        }
    }

    private Profile profile(IncidentProfile incident) {
        List<String> titleTokens = profileTokens(incident.title());
        Set<String> title = new HashSet<>(titleTokens);
        Set<String> causes = new HashSet<>(causesAffirmed(titleTokens));
        // Concepts of sentences that say what is NOT affected do not describe the incident.
        // What ops say is NOT affected ("Nicht betroffen: Dedicated/Root-Server, gekaufte Zertifikate (EV)") is
        // no evidence for the incident; a word found only there is evidence against it (see score).
        Set<String> text = new HashSet<>();
        Set<String> unaffected = new HashSet<>();
        MachineNames machines = MachineNames.in(incident.title());
        for (String sentence : SENTENCE.split(incident.text())) {
            Matcher notAffected = UNAFFECTED.matcher(sentence);
            if (notAffected.find()) {
                // "Nicht betroffen: A, B" names what follows; "A und B sind nicht betroffen" what comes before.
                boolean listFollows = sentence.startsWith(":", notAffected.end())
                        || sentence.substring(notAffected.end()).strip().startsWith("sind");
                String before = sentence.substring(0, notAffected.start());
                String named = listFollows ? sentence.substring(notAffected.end()) : before;
                unaffected.addAll(qualifiers(named));
                if (listFollows) {
                    List<String> tokens = profileTokens(before);
                    text.addAll(tokens);
                    causes.addAll(causesAffirmed(tokens));
                    machines = machines.plus(MachineNames.in(before));
                }
            } else {
                List<String> tokens = profileTokens(sentence);
                text.addAll(tokens);
                causes.addAll(causesAffirmed(tokens));
                machines = machines.plus(MachineNames.in(sentence));
            }
        }
        unaffected.removeAll(text);
        unaffected.removeAll(title);
        unaffected.removeIf(t -> vocabulary.concept(t).isPresent() || reader.saysNothing(t) || t.length() < 2
                || compoundHeads.contains(t));
        Map<String, Double> votes = new HashMap<>();
        for (IncidentProfile.LinkedTicket t : incident.linked()) {
            double vote = t.confirmed() ? 1.0 : AUTO_LINK_VOTE;
            for (String term : new HashSet<>(profileTokens(t.text()))) {
                votes.merge(term, vote, Double::sum);
            }
        }
        // An unlinked ticket's words push the profile away from them as strongly as a confirmed link pulls.
        Map<Long, Set<String>> unlinked = new LinkedHashMap<>();
        for (IncidentProfile.UnlinkedTicket t : incident.unlinked()) {
            Set<String> terms = new HashSet<>(profileTokens(t.text()));
            unlinked.put(t.ticketId(), terms);
            terms.forEach(term -> votes.merge(term, -1.0, Double::sum));
        }
        votes.replaceAll((term, v) -> Math.max(0.0, Math.min(1.0, v / LINKED_SATURATION)));
        votes.values().removeIf(v -> v <= 0.0);
        Set<String> components = new HashSet<>();
        incident.components().forEach(c -> components.addAll(profileTokens(c)));
        return new Profile(title, components, text, unaffected, causes, machines, votes, unlinked);
    }

    /**
     * The causes a text names, less those it denies: "Die Zugangsdaten sind nicht kompromittiert" does not
     * make a customer's hacked mailbox the incident's doing.
     */
    private Set<String> causesAffirmed(List<String> tokens) {
        Set<String> causes = new HashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (kindOf(tokens.get(i)) == Kind.CAUSE) {
                boolean denied = false;
                for (int j = Math.max(0, i - CAUSE_DENIAL_REACH); j < i; j++) {
                    denied |= TicketTerms.NEGATIONS.contains(tokens.get(j));
                }
                if (!denied) {
                    causes.add(tokens.get(i));
                }
            }
        }
        return causes;
    }

    private Candidate score(TicketTerms ticket, IncidentProfile incident) {
        Profile profile = profile(incident);
        Set<String> title = profile.title();
        Set<String> text = profile.text();
        Set<String> incidentServices = new TreeSet<>();
        Set<String> incidentIntents = new TreeSet<>();
        Set<String> causesNamed = new TreeSet<>(profile.causes());
        for (String term : TicketTerms.union(title, text)) {
            if (kindOf(term) == Kind.SERVICE) {
                incidentServices.add(term);
            } else if ((kindOf(term) == Kind.INTENT || kindOf(term) == Kind.REQUEST)
                    && (title.contains(term) || profile.components().contains(term))) {
                // Only what the title or a component ops list as affected is about: "Wartungsarbeiten am
                // Backup-System" makes "wegen der Wartung?" its question, a component "Kundenpanel 2FA-Login"
                // a rejected 2FA code; a description that says "nach Eingabe der Zugangsdaten" does not make a
                // forgotten password one. A billing incident ("Doppelter Einzug von SEPA-Lastschriften") makes
                // the payment its customers ask about its subject, as a service in the title is.
                incidentIntents.add(term);
            }
        }

        // An incident titled by its layer ("Störung Nameserver", "Stromausfall im Rechenzentrum") shows itself
        // to customers through the services its text names ("Websites und E-Mails nicht erreichbar"): those
        // are what customers report, so they count as if the title named them.
        boolean titleNamesLayerOnly = title.stream().anyMatch(LAYERS::contains)
                && title.stream().noneMatch(t -> kindOf(t) == Kind.SERVICE && !LAYERS.contains(t));
        double serviceInText = titleNamesLayerOnly ? SYMPTOM_IN_TEXT : OBJECT_IN_TEXT_ONLY;
        double object = 0;
        double evidence = 0;
        double covered = 0;
        double total = 0;
        boolean ownMatch = false;
        List<Mention> matched = new ArrayList<>();
        List<Mention> excluded = new ArrayList<>();
        for (Mention mention : ticket.mentions()) {
            if (!mention.isContent()) {
                continue;
            }
            double weight = mention.contentTerms().isEmpty() ? 1.0
                    : mention.contentTerms().stream().mapToDouble(this::rarity).max().orElse(1.0);
            total += weight;
            if (qualifiesAsUnaffected(ticket, mention, profile)) {
                // "Dedicated Server" when ops say "Nicht betroffen: Dedicated/Root-Server": the customer's
                // words qualify the service as one the incident leaves alone.
                if (ticket.isAffected(mention)) {
                    excluded.add(mention);
                }
                continue;
            }
            if (ticket.isWorking(mention)) {
                continue; // "Website + Mail laufen": what works is no match, only words the incident leaves unexplained
            }
            double strength = 0;
            double servicePassing = ticket.isAffected(mention) ? 1.0 : OBJECT_IN_PASSING;
            double best = 0;
            for (String concept : mention.objects()) {
                // A topic (network, data centre, backup) is the customer's guess at the cause: it counts
                // wherever it is named; only services are discounted outside the clauses with outage words.
                double passing = mention.services().contains(concept) ? servicePassing : 1.0;
                if (title.contains(concept)) {
                    object = Math.max(object, passing);
                    best = Math.max(best, TITLE_BOOST * CONCEPT_RARITY * passing);
                    strength = 1.0;
                    ownMatch = true;
                } else if (text.contains(concept)) {
                    object = Math.max(object, (mention.services().contains(concept) ? serviceInText : OBJECT_IN_TEXT_ONLY)
                            * passing);
                    best = Math.max(best, CONCEPT_RARITY * passing);
                    strength = 1.0;
                    ownMatch = true;
                } else if (profile.linked(concept) > 0) {
                    double lw = profile.linked(concept);
                    object = Math.max(object, OBJECT_IN_TEXT_ONLY * LINKED_FACTOR * lw * passing);
                    best = Math.max(best, LINKED_FACTOR * lw * CONCEPT_RARITY * passing);
                    strength = Math.max(strength, lw);
                }
            }
            if (mention.degradedOnly() && !mention.contentTerms().isEmpty()) {
                // The kind of trouble matches: "zeitweise langsam" for an incident about sporadic losses.
                if (title.contains(TicketReader.DEGRADED)) {
                    best = Math.max(best, TITLE_BOOST * CONCEPT_RARITY);
                    strength = 1.0;
                } else if (text.contains(TicketReader.DEGRADED)) {
                    best = Math.max(best, CONCEPT_RARITY);
                    strength = 1.0;
                }
            }
            for (String intent : intentsAndRequests(mention)) {
                if (incidentIntents.contains(intent)) {
                    // "wegen der Wartung?" while ops declared a maintenance, "authcode kommt nicht" while
                    // transfers hang: what the incident is about names its subject, as a service in the title does.
                    object = Math.max(object, 1.0);
                    best = Math.max(best, TITLE_BOOST * CONCEPT_RARITY);
                    strength = 1.0;
                    ownMatch = true;
                }
            }
            for (String term : mention.contentTerms()) {
                if (title.contains(term)) {
                    best = Math.max(best, TITLE_BOOST * rarity(term));
                    strength = 1.0;
                    ownMatch = true;
                    // A rare word of the title ("db3", a host or place name) names the incident's subject
                    // nearly as well as a service concept does; an ordinary word much less.
                    object = Math.max(object, TITLE_TERM_OBJECT * rarity(term) / MAX_RARITY * servicePassing);
                } else if (text.contains(term)) {
                    best = Math.max(best, rarity(term));
                    strength = 1.0;
                    ownMatch = true;
                } else if (profile.linked(term) > 0) {
                    double lw = profile.linked(term);
                    best = Math.max(best, LINKED_FACTOR * lw * rarity(term));
                    strength = Math.max(strength, lw);
                }
            }
            evidence += best;
            if (strength > 0) {
                covered += weight * strength;
                matched.add(mention);
            }
        }

        // "Langsam", "zeitweise" are a weaker problem report than "nicht erreichbar", except for an incident
        // whose own words are about such trouble ("sporadische Verbindungsprobleme", "langsame Seiten").
        boolean degradationIncident = title.contains(TicketReader.DEGRADED) || text.contains(TicketReader.DEGRADED);
        // "Doppelt abgebucht" asks about a payment; while ops say money was taken twice, it is what went wrong.
        boolean chargedTwice = ticket.asks(TriageVocabulary.CHARGED) && incidentIntents.contains(TriageVocabulary.CHARGED);
        double outage = ticket.hasOutage() || chargedTwice ? 1.0
                : ticket.hasDegraded() ? (degradationIncident ? 1.0 : DEGRADED_OUTAGE) : 0.0;
        double termPart = 1.0 - Math.exp(-evidence / TERM_SATURATION);
        double coverage = total > 0 ? covered / total : 0.0;
        double detail = EVIDENCE_SHARE * termPart + (1.0 - EVIDENCE_SHARE) * coverage;
        // Each service the customer reports that the incident does not name is evidence against it: all of
        // them x0.8 ("Mail" for a web incident), one of two x0.9 ("Seite zeigt Datenbankfehler" for a DNS
        // incident that names websites but not databases).
        Set<String> otherServices = new TreeSet<>(ticket.affectedServices());
        otherServices.removeAll(incidentServices);
        if (incidentServices.isEmpty()) {
            otherServices.clear();
        }
        double serviceFactor = otherServices.isEmpty() ? 1.0
                : 1.0 - (1.0 - OTHER_SERVICE_FACTOR) * otherServices.size() / ticket.affectedServices().size();
        // The subject is what the customer writes about first: "Webseite nicht erreichbar" with a word on mail
        // further down is about the website, whatever the proportion of the body.
        boolean subjectElsewhere = !incidentServices.isEmpty() && !ticket.subjectServices().isEmpty()
                && Collections.disjoint(ticket.subjectServices(), incidentServices);
        // An error message that names its service ("Error establishing a database connection") says what
        // failed; the website it appears on is only where.
        boolean errorElsewhere = !incidentServices.isEmpty()
                && ticket.failingServices().stream().anyMatch(sv -> !incidentServices.contains(sv));
        if (subjectElsewhere || errorElsewhere || !excluded.isEmpty()) {
            serviceFactor = Math.min(serviceFactor, OTHER_SERVICE_FACTOR);
        }
        Set<String> explained = new TreeSet<>(ticket.affectedServices());
        explained.retainAll(incidentServices);
        // An intent the incident itself names ("Wartung" during a declared maintenance) is no evidence
        // against it, and no reason to hold the answer back either (see decide).
        boolean foreignIntent = ticket.hasIntent() && !incidentIntents.containsAll(ticket.intents());
        Optional<Long> resembles = resemblesUnlinked(ticket, profile);
        Optional<String[]> otherMachine = ticket.machines().otherThan(profile.machines());
        double factor = serviceFactor * (foreignIntent ? INTENT_FACTOR : 1.0)
                * (resembles.isPresent() ? UNLINKED_FACTOR : 1.0) * (otherMachine.isPresent() ? OTHER_MACHINE_FACTOR : 1.0);
        double raw = OUTAGE_WEIGHT * outage + OBJECT_WEIGHT * object + DETAIL_WEIGHT * detail;
        double score = Math.max(0.0, Math.min(1.0, raw * factor));

        String scoreLine = String.format(Locale.ROOT,
                "score %.2f = outage wording %.2f + service/topic %.2f + shared words/coverage %.2f"
                        + " (explains %.0f%% of the customer's words)%s%s%s%s",
                score, OUTAGE_WEIGHT * outage, OBJECT_WEIGHT * object, DETAIL_WEIGHT * detail, 100 * coverage,
                serviceFactor < 1.0 ? " x " + fmt(serviceFactor) + " (other service)" : "",
                foreignIntent ? " x " + INTENT_FACTOR + " (non-outage intent)" : "",
                resembles.map(id -> " x " + UNLINKED_FACTOR + " (like ticket " + id + ", unlinked by a person)").orElse(""),
                otherMachine.map(m -> " x " + OTHER_MACHINE_FACTOR + " (other machine)").orElse(""));
        Optional<String> otherServiceLine = otherServices.isEmpty() && !subjectElsewhere && !errorElsewhere
                ? Optional.empty()
                : Optional.of("reports " + labels(vocabulary, ticket.affectedServices()) + " (" + quoted(ticket.serviceSurfaces()) + ")"
                        + " but incident " + incident.incidentId() + " names " + labels(vocabulary, incidentServices)
                        + (!otherServices.isEmpty() && otherServices.size() < ticket.affectedServices().size()
                                ? ", not " + labels(vocabulary, otherServices) : "")
                        + (subjectElsewhere ? "; the subject names " + labels(vocabulary, ticket.subjectServices()) : "")
                        + (errorElsewhere ? "; the error names " + labels(vocabulary, ticket.failingServices()) : ""));
        if (!excluded.isEmpty()) {
            String line = "reports " + quoted(excluded.stream().map(Mention::surface).distinct().limit(ReasonText.MAX_WORDS).toList())
                    + ", which incident " + incident.incidentId() + " says is not affected";
            otherServiceLine = Optional.of(otherServiceLine.map(l -> l + "; ").orElse("") + line);
        }
        boolean namesQuotedCause = ticket.causes().stream().map(Mention::cause)
                .anyMatch(cause -> causesNamed.contains(cause) && !TriageVocabulary.OWN_DOING.contains(cause));
        return new Candidate(incident, score, outage > 0, matched, ownMatch, foreignIntent, resembles, explained, causesNamed,
                namesQuotedCause, subjectElsewhere, matchLine(incident, ticket, matched), scoreLine, otherServiceLine,
                otherMachine.map(m -> "names " + m[0] + " while incident " + incident.incidentId() + " names " + m[1]
                        + ": an agent decides"));
    }

    private static Set<String> intentsAndRequests(Mention mention) {
        if (mention.requests().isEmpty()) {
            return mention.intents();
        }
        Set<String> both = new HashSet<>(mention.intents());
        both.addAll(mention.requests());
        return both;
    }

    /**
     * The words of a "not affected" list that can single out a kind of service: names and acronyms
     * ("Dedicated/Root-Server", "(DV/OV/EV)"), not the services themselves ("Webmail" is the mail service,
     * which customers see the incident through) and not the small words around them ("per IP weiterhin").
     */
    private Set<String> qualifiers(String named) {
        Set<String> words = new HashSet<>();
        for (String word : named.split("[^\\p{L}\\p{N}]+")) {
            if (word.isEmpty() || !Character.isUpperCase(word.codePointAt(0))) {
                continue;
            }
            List<String> terms = Tokens.tokens(analyzer, word);
            if (terms.stream().noneMatch(t -> vocabulary.concept(t).isPresent())) {
                words.addAll(terms);
            }
        }
        return words;
    }

    /**
     * A word ops named only as not affected, in or right next to a service the customer names: "Dedicated
     * Server", "EV-Zertifikat". Alone such a word ("selbst", "extern") qualifies nothing.
     */
    private static boolean qualifiesAsUnaffected(TicketTerms ticket, Mention mention, Profile profile) {
        // Words inside an error message or outage phrase ("server IP address could not be found") qualify nothing.
        if (mention.outage() || mention.contentTerms().stream().noneMatch(profile.unaffected()::contains)) {
            return false;
        }
        // A segment of a path ("POST /v2/dns/zones/{zone}/records") names an endpoint, not a service the customer uses.
        if (mention.start() > 0 && ticket.text().charAt(mention.start() - 1) == '/') {
            return false;
        }
        if (!mention.services().isEmpty()) {
            return true;
        }
        List<Mention> all = ticket.mentions();
        int i = all.indexOf(mention);
        return i + 1 < all.size() && all.get(i + 1).clause() == mention.clause() && !all.get(i + 1).services().isEmpty()
                || i > 0 && all.get(i - 1).clause() == mention.clause() && !all.get(i - 1).services().isEmpty();
    }

    /**
     * The unlinked ticket this one resembles, if any: a nearest-neighbour vote with the counter-examples.
     * Only the words beyond the incident's own count (those are what made the unlinked ticket a mistake):
     * the two tickets must share at least {@link #UNLINKED_RESEMBLANCE} of this ticket's such words and
     * {@link #UNLINKED_COVERED} of the unlinked ticket's, weighted by rarity. So "Webseite nicht erreichbar" resembles no correction,
     * and one common extra word ("Shop") does not make every ticket resemble a long unlinked one.
     */
    private Optional<Long> resemblesUnlinked(TicketTerms ticket, Profile profile) {
        if (profile.unlinked().isEmpty()) {
            return Optional.empty();
        }
        Map<String, Double> extra = new HashMap<>();
        for (Mention m : ticket.mentions()) {
            m.contentTerms().forEach(t -> extra.put(t, Math.max(rarity(t), 0.1)));
            m.objects().forEach(t -> extra.put(t, CONCEPT_RARITY));
            m.intents().forEach(t -> extra.put(t, CONCEPT_RARITY));
            m.requests().forEach(t -> extra.put(t, CONCEPT_RARITY));
        }
        extra.keySet().removeIf(profile::own);
        double total = extra.values().stream().mapToDouble(Double::doubleValue).sum();
        if (total <= 0) {
            return Optional.empty();
        }
        Optional<Long> nearest = Optional.empty();
        double best = 0;
        for (Map.Entry<Long, Set<String>> u : profile.unlinked().entrySet()) {
            Set<String> theirs = new HashSet<>(u.getValue());
            theirs.removeIf(t -> profile.own(t) || reader.saysNothing(t));
            double theirTotal = theirs.stream().mapToDouble(t -> Math.max(rarity(t), 0.1)).sum();
            double shared = extra.entrySet().stream().filter(w -> theirs.contains(w.getKey()))
                    .mapToDouble(w -> w.getValue()).sum();
            double sharedOfTheirs = theirs.stream().filter(extra::containsKey)
                    .mapToDouble(t -> Math.max(rarity(t), 0.1)).sum();
            if (theirTotal > 0 && shared / total >= UNLINKED_RESEMBLANCE
                    && sharedOfTheirs / theirTotal >= UNLINKED_COVERED
                    && shared / total > best) {
                best = shared / total;
                nearest = Optional.of(u.getKey());
            }
        }
        return nearest;
    }

    private String matchLine(IncidentProfile incident, TicketTerms ticket, List<Mention> matched) {
        Set<Mention> shown = new TreeSet<>(Comparator.comparingInt(Mention::start));
        shown.addAll(matched);
        ticket.mentions().stream().filter(Mention::outage).forEach(shown::add);
        List<String> words = shown.stream().map(Mention::surface).distinct().limit(ReasonText.MAX_WORDS).toList();
        if (words.isEmpty()) {
            return "nothing in the ticket matches incident " + name(incident);
        }
        if (matched.isEmpty()) {
            return "matches incident " + name(incident) + " only through outage wording: " + quoted(words);
        }
        return "matches incident " + name(incident) + ": " + quoted(words);
    }

    private double rarity(String term) {
        double idf = rarity.idf(term);
        if (!(idf >= 0.0)) { // NaN or negative: treat as uninformative
            return 0.0;
        }
        return Math.min(MAX_RARITY, idf);
    }

    private Kind kindOf(String term) {
        return vocabulary.concept(term).map(Concept::kind).orElse(null);
    }
}
