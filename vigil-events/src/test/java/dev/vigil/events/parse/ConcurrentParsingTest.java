package dev.vigil.events.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.vigil.events.Event;

/** One parser shared by several threads gives each event the same result as a single thread does. */
class ConcurrentParsingTest {
    private static final List<String[]> PAYLOADS = List.of(
            new String[] {"syslog", "<38>Mar 27 13:06:56 host sshd[1]: Failed password for root from 1.2.3.4 port 2 ssh2"},
            new String[] {"line", "1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.1\" 404 1 \"-\" \"curl\""},
            new String[] {"line", "type=EXECVE msg=audit(1700000000.500:90): argc=2 a0=\"ls\" a1=2F746D70"},
            new String[] {"json", "{\"timestamp\":\"2026-03-29T10:00:00Z\",\"flow_id\":1,\"event_type\":\"alert\","
                    + "\"src_ip\":\"10.0.0.1\",\"alert\":{\"signature_id\":7}}"},
            new String[] {"json", "{\"Event\":{\"System\":{\"EventID\":4625,\"Channel\":\"Security\"},"
                    + "\"EventData\":{\"TargetUserName\":\"x\",\"IpAddress\":\"10.9.9.9\"}}}"},
            new String[] {"json", "{\"@timestamp\":\"2026-03-29T10:00:00Z\",\"a\":[{\"b\":1},{\"b\":2}]}"});

    @Test
    void sharedParserGivesTheSameEventsAsOneThread() throws Exception {
        List<Event> expected = PAYLOADS.stream().map(p -> ParsedEvents.parse(p[0], p[1])).toList();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Event>>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(threads.submit(() -> {
                    List<Event> events = new ArrayList<>();
                    for (int round = 0; round < 500; round++) {
                        for (String[] payload : PAYLOADS) {
                            events.add(ParsedEvents.parse(payload[0], payload[1]));
                        }
                    }
                    return events;
                }));
            }
            for (Future<List<Event>> result : results) {
                List<Event> events = result.get();
                for (int i = 0; i < events.size(); i++) {
                    assertThat(events.get(i)).isEqualTo(expected.get(i % PAYLOADS.size()));
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
