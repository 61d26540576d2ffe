package dev.vigil.server.alerting.internal.notify;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.vigil.server.alerting.AlertView;
import dev.vigil.server.alerting.internal.AlertRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads a queued group message for the dispatcher: the lists fixed at the flush, each alert as it is now. */
@Component
class GroupMessages {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> LABELS = new TypeReference<>() {
    };
    private static final TypeReference<LinkedHashMap<String, List<Map<String, String>>>> AFFECTED = new TypeReference<>() {
    };

    private record Row(UUID id, String receiver, Map<String, String> labels, List<UUID> newFiring, List<UUID> stillFiring,
                       List<UUID> resolved, Map<String, List<Map<String, String>>> affected) {
    }

    private final JdbcClient jdbc;

    GroupMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The message, or empty when it (or every alert of it) no longer exists. {@code link} gives an alert's console link, {@code ackLink} its
     * one-time acknowledgement link for the receiver (asked only for firing alerts).
     */
    Optional<GroupMessage> load(UUID messageId, Function<UUID, String> link, BiFunction<UUID, String, String> ackLink) {
        Optional<Row> row = jdbc.sql("""
                SELECT id, receiver, group_labels::text, new_firing, still_firing, resolved, affected::text
                FROM notification_group_message WHERE id = ?""").param(messageId)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), JSON.readValue(rs.getString(3), LABELS),
                        uuids(rs.getArray(4)), uuids(rs.getArray(5)), uuids(rs.getArray(6)), JSON.readValue(rs.getString(7), AFFECTED)))
                .optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Row message = row.get();
        List<UUID> ids = new ArrayList<>(message.newFiring());
        ids.addAll(message.stillFiring());
        ids.addAll(message.resolved());
        Map<UUID, AlertView> alerts = jdbc.sql("SELECT " + AlertRows.COLUMNS + " FROM alert WHERE id = ANY (?)")
                .param(ids.toArray(UUID[]::new)).query(AlertRows::map).list().stream()
                .collect(Collectors.toMap(AlertView::id, Function.identity()));
        Function<List<UUID>, List<GroupMessage.Entry>> entries = list -> list.stream().filter(alerts::containsKey).map(id -> {
            AlertView alert = alerts.get(id);
            List<Map<String, String>> affected = message.affected().getOrDefault(id.toString(), List.of()).stream().map(down -> {
                Map<String, String> withLink = new LinkedHashMap<>(down);
                withLink.put("link", link.apply(UUID.fromString(down.get("alert"))));
                return (Map<String, String>) withLink;
            }).toList();
            return new GroupMessage.Entry(alert, link.apply(id), alert.state().equals("firing") ? ackLink.apply(id, message.receiver()) : null,
                    affected);
        }).toList();
        if (alerts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new GroupMessage(message.id(), message.receiver(), message.labels(), entries.apply(message.newFiring()),
                entries.apply(message.stillFiring()), entries.apply(message.resolved())));
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((UUID[]) array.getArray());
    }
}
