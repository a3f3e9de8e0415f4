package nl.zorgbeeld.channel;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.http.JsonBody;
import nl.zorgbeeld.http.PathParams;
import nl.zorgbeeld.http.QueryParams;

/** HTTP for an organisation's outbound channels (docs/api/alerts.md, "Channels"). */
public final class ChannelHandler {
    private static final Set<String> FIELDS = Set.of("kind", "address");

    private final ChannelService channels;

    public ChannelHandler(ChannelService channels) {
        this.channels = channels;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/organisations/{organisationId}/channels", this::list);
        routes.post("/api/organisations/{organisationId}/channels", this::add);
        routes.delete("/api/organisations/{organisationId}/channels/{channelId}", this::remove);
    }

    private void list(Context ctx) {
        new QueryParams(ctx, Set.of());
        long organisation = organisationId(ctx);
        ctx.json(new Channels(organisation, channels.list(organisation)));
    }

    public record Channels(long organisationId, List<Channel> channels) {}

    private void add(Context ctx) {
        JsonBody body = JsonBody.of(ctx, FIELDS);
        String kind = body.requiredText("kind", 20);
        if (!kind.equals(Channel.EMAIL) && !kind.equals(Channel.WEBHOOK)) {
            throw ApiException.badBody("kind", "kind is email or webhook; got '" + kind + "'");
        }
        ChannelService.Created created = channels.add(organisationId(ctx), kind, body.requiredText("address", 500));
        ctx.status(201).json(created);
    }

    private void remove(Context ctx) {
        channels.remove(organisationId(ctx), PathParams.id(ctx, "channelId", "channel"));
        ctx.status(204);
    }

    private static long organisationId(Context ctx) {
        return PathParams.id(ctx, "organisationId", "organisation");
    }
}
