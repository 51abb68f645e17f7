package io.lotse.web;

import io.lotse.ticket.Channel;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * The agents' work list. The full page marks "now" as the agent's last look (a cookie); the page then
 * reloads only its rows every few seconds, counting what arrived since that look, so the agent keeps
 * their place and sees an incident grow.
 */
@Path("/ui/queue")
@Produces(MediaType.TEXT_HTML)
public class QueuePage {

    static final String LAST_LOOK = "lotse-last-look";
    /** Rows per "show more": enough for a screen or two, small enough to render in a few milliseconds. */
    static final int PAGE = 50;
    static final int MAX = 1000;

    @CheckedTemplate(basePath = "web")
    static class Templates {
        static native TemplateInstance queue(ConsoleQueue.Page page, Query query);

        static native TemplateInstance queue$rows(ConsoleQueue.Page page, Query query);
    }

    /** The filters as the page shows and links them; {@code channels} feeds the select box. */
    public record Query(String channel, boolean suggested, boolean mine, int limit, long since) {
        public Channel[] channels() {
            return Channel.values();
        }

        public String params() {
            return "channel=" + channel + "&suggested=" + suggested + "&mine=" + mine;
        }

        public String rowsUrl() {
            return "/ui/queue/rows?" + params() + "&limit=" + limit + "&since=" + since;
        }

        public String moreUrl() {
            return "/ui/queue?" + params() + "&limit=" + Math.min(MAX, limit + PAGE);
        }
    }

    private final ConsoleQueue queue;
    private final ConsoleUser me;
    private final Clock clock;

    QueuePage(ConsoleQueue queue, ConsoleUser me, Clock clock) {
        this.queue = queue;
        this.me = me;
        this.clock = clock;
    }

    @GET
    public Response page(@QueryParam("channel") @DefaultValue("") String channel,
            @QueryParam("suggested") boolean suggested, @QueryParam("mine") boolean mine,
            @QueryParam("limit") @DefaultValue("50") int limit, @CookieParam(LAST_LOOK) String lastLook,
            @Context UriInfo uri) {
        Instant now = clock.instant();
        Instant since = parse(lastLook).orElse(now.minus(Duration.ofHours(1)));
        Query query = new Query(knownChannel(channel), suggested, mine, clamp(limit), since.toEpochMilli());
        TemplateInstance page = Templates.queue(queue.read(filters(query), since), query);
        NewCookie look = new NewCookie.Builder(LAST_LOOK).value(Long.toString(now.toEpochMilli())).path("/ui")
                .httpOnly(true).sameSite(NewCookie.SameSite.STRICT).maxAge((int) Duration.ofDays(30).toSeconds())
                .secure("https".equals(uri.getRequestUri().getScheme()))
                .build();
        return Response.ok(page).cookie(look).build();
    }

    /** Only the rows: what the page fetches to refresh itself. */
    @GET
    @Path("rows")
    public TemplateInstance rows(@QueryParam("channel") @DefaultValue("") String channel,
            @QueryParam("suggested") boolean suggested, @QueryParam("mine") boolean mine,
            @QueryParam("limit") @DefaultValue("50") int limit, @QueryParam("since") long since) {
        Query query = new Query(knownChannel(channel), suggested, mine, clamp(limit), since);
        return Templates.queue$rows(queue.read(filters(query), Instant.ofEpochMilli(since)), query);
    }

    private ConsoleQueue.Filters filters(Query q) {
        Optional<Channel> channel = q.channel().isEmpty() ? Optional.empty() : Optional.of(Channel.valueOf(q.channel()));
        return new ConsoleQueue.Filters(channel, q.suggested(), q.mine() ? Optional.of(me.getName()) : Optional.empty(),
                q.limit());
    }

    private static String knownChannel(String channel) {
        return Arrays.stream(Channel.values()).map(Enum::name).filter(n -> n.equalsIgnoreCase(channel.strip()))
                .findFirst().orElse("");
    }

    private static int clamp(int limit) {
        return Math.max(PAGE, Math.min(MAX, limit));
    }

    private static Optional<Instant> parse(String millis) {
        try {
            return Optional.ofNullable(millis).map(Long::parseLong).map(Instant::ofEpochMilli);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
