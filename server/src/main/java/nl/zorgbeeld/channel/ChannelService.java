package nl.zorgbeeld.channel;

import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import nl.zorgbeeld.auth.Secrets;
import nl.zorgbeeld.common.ApiException;
import nl.zorgbeeld.db.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outbound channels per organisation (e-mail, signed webhooks): configured by the organisation's
 * administrators, and used for every alert and warning to an institution the organisation speaks
 * for. Sending happens after the alert is committed, on a thread of its own, so a slow mail server
 * holds up no request; each attempt (up to {@value #ATTEMPTS}) and its outcome is recorded.
 */
public final class ChannelService {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelService.class);
    static final int ATTEMPTS = 3;
    private static final long[] BACKOFF_MS = {500, 2000};
    private static final int QUEUE = 10_000;

    private final Transactions tx;
    private final ChannelStore store = new ChannelStore();
    private final Mailer mailer;
    private final Webhooks webhooks = new Webhooks();
    private final ExecutorService sender;

    public ChannelService(Transactions tx, MailSettings config) {
        this.tx = tx;
        this.mailer = new Mailer(config);
        this.sender = new ThreadPoolExecutor(1, 2, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(QUEUE), r -> {
            Thread t = new Thread(r, "alert-channels");
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.DiscardPolicy());
    }

    /** A channel just made; for a webhook with its secret, shown this once. */
    public record Created(Channel channel, String secret) {}

    public List<Channel> list(long organisationId) {
        return tx.run(c -> {
            requireOrganisation(c, organisationId);
            return store.ofOrganisation(c, organisationId);
        });
    }

    public Created add(long organisationId, String kind, String address) {
        String checked = check(kind, address);
        String secret = Channel.WEBHOOK.equals(kind) ? Secrets.token() : null;
        return tx.run(c -> {
            requireOrganisation(c, organisationId);
            long id = store.insert(c, organisationId, kind, checked, secret);
            return new Created(store.find(c, organisationId, id).orElseThrow(), secret);
        });
    }

    public void remove(long organisationId, long channelId) {
        tx.run(c -> {
            if (!store.remove(c, organisationId, channelId)) {
                throw ApiException.notFound("Organisation " + organisationId + " has no channel " + channelId);
            }
            return null;
        });
    }

    private void requireOrganisation(java.sql.Connection c, long organisationId) throws java.sql.SQLException {
        if (!store.organisationExists(c, organisationId)) throw ApiException.notFound("No organisation " + organisationId);
    }

    private static String check(String kind, String address) {
        if (Channel.EMAIL.equals(kind)) {
            if (address.length() > 254 || !address.matches("[^@\\s,;<>]+@[^@\\s,;<>]+\\.[^@\\s,;<>]+")) {
                throw ApiException.badBody("address", "An e-mail address such as alarm@zorginstelling.nl; got '" + address + "'");
            }
            return address;
        }
        URI uri;
        try {
            uri = URI.create(address);
        } catch (IllegalArgumentException e) {
            throw ApiException.badBody("address", "The webhook is an http(s) URL; '" + address + "' is none");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || uri.getUserInfo() != null) {
            throw ApiException.badBody("address", "The webhook is an http(s) URL with a host and no login in it; got '" + address + "'");
        }
        return uri.toString();
    }

    /** Sends the message to every channel of the organisations that speak for these institutions (after the caller's commit). */
    public void deliver(Collection<String> institutionIds, Message message) {
        if (institutionIds.isEmpty()) return;
        List<Channel> channels;
        try {
            channels = List.copyOf(tx.run(c -> store.forInstitutions(c, institutionIds)).values());
        } catch (RuntimeException e) {
            LOG.error("the channels for {} could not be read; nothing sent for {}", institutionIds.size(), message.event(), e);
            return;
        }
        for (Channel channel : channels) sender.execute(() -> send(channel, message));
    }

    private void send(Channel channel, Message message) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            String problem;
            try {
                if (Channel.EMAIL.equals(channel.kind())) {
                    mailer.send(channel.address(), message);
                } else {
                    int status = webhooks.send(channel.address(), channel.secret(), message);
                    if (status < 200 || status >= 300) throw new IllegalStateException("the receiver answered HTTP " + status);
                }
                record(channel, message, true, null);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                record(channel, message, false, "stopped: the server shuts down");
                return;
            } catch (Exception e) {
                problem = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            boolean last = attempt == ATTEMPTS || problem.contains("no mail server is configured");
            record(channel, message, false, "attempt " + attempt + " of " + ATTEMPTS + ": " + problem);
            if (last) return;
            try {
                Thread.sleep(BACKOFF_MS[attempt - 1]);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void record(Channel channel, Message message, boolean sent, String detail) {
        try {
            tx.run(c -> {
                store.recordDelivery(c, channel.id(), message.event() + " " + message.subject(), message.incidentId(), sent, detail);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("channel {}: the outcome of sending {} could not be recorded: {}", channel.id(), message.event(), e.getMessage());
        }
        if (!sent) LOG.warn("channel {} ({}) of organisation {}: {} not sent: {}", channel.id(), channel.kind(), channel.organisationId(),
                message.event(), detail);
    }

    /** Stops sending (what waits is dropped: the alerts themselves are stored and on every screen). */
    public void stop() {
        sender.shutdownNow();
    }
}
