package dev.vigil.server.ingest.internal;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.vigil.server.ingest.InputType;
import dev.vigil.server.ingest.InputView;
import org.springframework.stereotype.Component;

/**
 * The inputs as the event path sees them, cached in memory (the hot path must not query the database per event) and
 * reloaded after every change. Syslog senders are matched to inputs by their address; the most specific range wins.
 */
@Component
public class InputDirectory {

    private final InputRows rows;
    private volatile Snapshot snapshot;

    InputDirectory(InputRows rows) {
        this.rows = rows;
    }

    public void reload() {
        List<InputView> inputs = rows.all();
        List<SyslogRoute> routes = inputs.stream()
                .filter(i -> i.enabled() && i.type().equals(InputType.SYSLOG.wireName()))
                .flatMap(i -> i.sources().stream().flatMap(s -> SourceRange.parse(s).stream()).map(r -> new SyslogRoute(r, i)))
                .sorted((a, b) -> Integer.compare(b.range().prefixLength(), a.range().prefixLength()))
                .toList();
        snapshot = new Snapshot(inputs.stream().collect(Collectors.toUnmodifiableMap(InputView::id, Function.identity())), routes);
    }

    public Optional<InputView> byId(UUID id) {
        return Optional.ofNullable(current().byId().get(id));
    }

    public List<InputView> all() {
        return List.copyOf(current().byId().values());
    }

    /** The enabled syslog input whose sources contain the sender, most specific range first. */
    public Optional<InputView> syslogInputFor(InetAddress sender) {
        return current().routes().stream().filter(r -> r.range().contains(sender)).map(SyslogRoute::input).findFirst();
    }

    private Snapshot current() {
        Snapshot current = snapshot;
        if (current == null) {
            reload();
            current = snapshot;
        }
        return current;
    }

    private record SyslogRoute(SourceRange range, InputView input) {
    }

    private record Snapshot(Map<UUID, InputView> byId, List<SyslogRoute> routes) {
    }
}
