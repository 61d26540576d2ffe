package dev.vigil.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.syslog.SyslogReceiver.Transport;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** The events the end-to-end tests give a real shipper to read, and what must arrive of them. */
final class ShipperScenarios {

    static final String APP_NAME = "vigiltest";

    private ShipperScenarios() {
    }

    /** Single-line events, with non-ASCII text to show that bytes pass unchanged. */
    static List<String> lines(String scenario, int count) {
        return IntStream.range(0, count).mapToObj(i -> "EVENT " + i + " over " + scenario + " \u00e4\u00df").toList();
    }

    /** Events of two lines each, as a stack trace would be; only octet counting keeps the inner newline. */
    static List<String> multiLineEvents(String scenario, int count) {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add("EVENT " + i + " over " + scenario + "\n    at dev.vigil.Example.line(Example.java:" + i + ")");
        }
        return events;
    }

    /** Every event arrived exactly once and in order, over the expected transport, as the shipper formats it. */
    static void assertForwarded(RecordingReceiver receiver, List<String> events, Transport transport, int priority) {
        List<ForwardedMessage> forwarded = receiver.messages().stream().map(ForwardedMessage::parse).toList();
        assertThat(forwarded).extracting(ForwardedMessage::text).containsExactlyElementsOf(events);
        assertThat(forwarded).allSatisfy(message -> {
            assertThat(message.priority()).isEqualTo(priority);
            assertThat(message.appName()).isEqualTo(APP_NAME);
        });
        assertThat(receiver.deliveries()).allSatisfy(delivery -> assertThat(delivery.transport()).isEqualTo(transport));
    }
}
