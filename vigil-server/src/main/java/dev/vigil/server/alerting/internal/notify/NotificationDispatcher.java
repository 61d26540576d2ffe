package dev.vigil.server.alerting.internal.notify;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.annotation.PreDestroy;

import dev.vigil.server.alerting.AckLinkService;
import dev.vigil.server.alerting.AlertView;
import dev.vigil.server.alerting.ChannelConfig;
import dev.vigil.server.alerting.internal.AlertRows;
import dev.vigil.server.platform.config.VigilProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers queued notifications: every second it leases the due ones (so a crash mid-send retries them after the
 * lease), sends them in parallel, and records each outcome. Temporary failures are retried with growing delays
 * ({@link #BACKOFF}); a permanent failure or the last attempt marks the notification failed.
 */
@Component
public class NotificationDispatcher {

    static final List<Duration> BACKOFF = List.of(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(2),
            Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1));
    static final int MAX_ATTEMPTS = BACKOFF.size() + 1;
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final int BATCH = 200;
    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

    /**
     * A notification whose time has come: about an alert (to a receiver's channel, or a user's contact method when an
     * escalation paged them) or a tenant notice (to a tenant contact).
     */
    private record Due(UUID id, UUID alertId, String receiver, int channelIndex, int attempts, UUID contactId, UUID noticeId,
                       UUID tenantContactId, UUID groupMessageId) {
    }

    private final JdbcClient jdbc;
    private final ReceiverStore receivers;
    private final List<Channel> channels;
    private final Clock clock;
    private final MeterRegistry meters;
    private final VigilProperties.Http http;
    private final AckLinkService ackLinks;
    private final ContactStore contacts;
    private final NoticeDelivery notices;
    private final GroupMessages groupMessages;
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private volatile int port;

    NotificationDispatcher(JdbcClient jdbc, ReceiverStore receivers, List<Channel> channels, Clock clock, MeterRegistry meters,
            VigilProperties properties, AckLinkService ackLinks, ContactStore contacts, NoticeDelivery notices,
            GroupMessages groupMessages) {
        this.groupMessages = groupMessages;
        this.contacts = contacts;
        this.notices = notices;
        this.ackLinks = ackLinks;
        this.jdbc = jdbc;
        this.receivers = receivers;
        this.channels = List.copyOf(channels);
        this.clock = clock;
        this.meters = meters;
        this.http = properties.http();
        this.port = properties.http().port();
    }

    @EventListener
    void on(WebServerInitializedEvent started) {
        port = started.getWebServer().getPort();
    }

    @PreDestroy
    void stop() {
        senders.shutdownNow();
    }

    /** The link to an alert in the console. */
    public String link(UUID alertId) {
        return http.baseUrl(port) + "/alerts/" + alertId;
    }

    /** Sends one message to one channel now (also used to test a receiver; {@code ackLink} may be null). */
    public SendResult deliver(AlertView alert, ChannelConfig channel, String ackLink) {
        return deliver(new AlertMessage(alert, link(alert.id()), ackLink), channel);
    }

    /** Sends one message to one channel now. */
    public SendResult deliver(NotificationMessage message, ChannelConfig channel) {
        for (Channel sender : channels) {
            if (sender.serves(channel.type())) {
                try {
                    return sender.send(message, channel);
                } catch (RuntimeException e) {
                    return SendResult.temporary(e.getClass().getSimpleName() + ": " + e.getMessage());
                }
            }
        }
        return SendResult.permanent("no sender for channel type " + channel.type());
    }

    /** Delivers what is due; a full batch means more may be waiting, so the next one follows at once. */
    @Scheduled(fixedDelay = 1000, initialDelay = 1000)
    public void deliverDue() {
        while (deliverBatch() == BATCH && !Thread.currentThread().isInterrupted()) {
            log.debug("a full batch of notifications was due; taking the next one");
        }
    }

    private int deliverBatch() {
        Instant now = clock.instant();
        List<Due> due = jdbc.sql("""
                UPDATE notification SET next_attempt_at = ? WHERE id IN (
                    SELECT id FROM notification WHERE status = 'pending' AND next_attempt_at <= ?
                    ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING id, alert_id, receiver, channel_index, attempts, contact_id, notice_id, tenant_contact_id, group_message_id""")
                .params(Timestamp.from(now.plus(LEASE)), Timestamp.from(now), BATCH)
                .query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getInt(4),
                        rs.getInt(5), rs.getObject(6, UUID.class), rs.getObject(7, UUID.class), rs.getObject(8, UUID.class),
                        rs.getObject(9, UUID.class))).list();
        List<Future<?>> running = due.stream().<Future<?>>map(d -> senders.submit(() -> attempt(d))).toList();
        for (Future<?> future : running) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return due.size();
            } catch (java.util.concurrent.ExecutionException e) {
                log.error("notification delivery failed unexpectedly", e.getCause());
            }
        }
        return due.size();
    }

    private void attempt(Due due) {
        if (due.noticeId() != null) {
            NoticeDelivery.Prepared notice = notices.prepare(due.noticeId(), due.tenantContactId());
            record(due, notice.failure() != null ? SendResult.permanent(notice.failure()) : deliver(notice.message(), notice.channel()));
            return;
        }
        Optional<ChannelConfig> channel = channelOf(due);
        if (due.groupMessageId() != null) {
            Optional<GroupMessage> message = groupMessages.load(due.groupMessageId(), this::link,
                    (alertId, receiver) -> http.baseUrl(port) + "/ack/" + ackLinks.token(alertId, receiver));
            record(due, channel.isEmpty() ? SendResult.permanent("the receiver or its channel no longer exists")
                    : message.isEmpty() ? SendResult.permanent("the grouped alerts no longer exist") : deliver(message.get(), channel.get()));
            return;
        }
        Optional<AlertView> alert = jdbc.sql("SELECT " + AlertRows.COLUMNS + " FROM alert WHERE id = ?").param(due.alertId())
                .query(AlertRows::map).optional();
        SendResult result;
        if (channel.isEmpty()) {
            result = SendResult.permanent(due.contactId() != null ? "the contact method no longer exists"
                    : "the receiver or its channel no longer exists");
        } else if (alert.isEmpty()) {
            result = SendResult.permanent("the alert no longer exists");
        } else {
            String ack = alert.get().state().equals("firing") ? http.baseUrl(port) + "/ack/" + ackLinks.token(due.alertId(), due.receiver()) : null;
            result = deliver(alert.get(), channel.get(), ack);
        }
        record(due, result);
    }

    /** A user's contact method (paged by an escalation), or the receiver's channel at the notification's position. */
    private Optional<ChannelConfig> channelOf(Due due) {
        if (due.contactId() != null) {
            return contacts.byId(due.contactId()).filter(ContactStore.Contact::enabled).map(ContactStore.Contact::channel);
        }
        return receivers.byName(due.receiver()).filter(r -> due.channelIndex() < r.channels().size())
                .map(r -> r.channels().get(due.channelIndex()));
    }

    private void record(Due due, SendResult result) {
        int attempts = due.attempts() + 1;
        Instant now = clock.instant();
        meters.counter("vigil.notifications", "outcome", result.outcome().name().toLowerCase(java.util.Locale.ROOT)).increment();
        switch (result.outcome()) {
            case SENT -> jdbc.sql("UPDATE notification SET status = 'sent', attempts = ?, sent_at = ?, last_error = NULL WHERE id = ?")
                    .params(attempts, Timestamp.from(now), due.id()).update();
            case PERMANENT -> jdbc.sql("UPDATE notification SET status = 'failed', attempts = ?, last_error = ? WHERE id = ?")
                    .params(attempts, "permanent: " + result.detail(), due.id()).update();
            case TEMPORARY -> {
                boolean last = attempts >= MAX_ATTEMPTS;
                jdbc.sql("UPDATE notification SET status = ?, attempts = ?, last_error = ?, next_attempt_at = ? WHERE id = ?")
                        .params(last ? "failed" : "pending", attempts, (last ? "gave up after " + attempts + " attempts: " : "temporary: ")
                                + result.detail(), Timestamp.from(last ? now : now.plus(BACKOFF.get(attempts - 1))), due.id()).update();
            }
        }
    }
}
