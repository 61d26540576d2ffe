package dev.vigil.detect.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.vigil.detect.event.JsonEventParser;

class BaselineEventTest {

    @Test
    void adaptsDetectionEventsWithTheirTextValues() throws Exception {
        Instant time = Instant.parse("2026-02-02T09:00:00Z");
        BaselineEvent event = BaselineEvent.of(new JsonEventParser().parse(
                "{\"user\":{\"name\":\"alice\"},\"bytes\":1200,\"tags\":[\"a\",\"b\"],\"none\":null}", 1), time);
        assertThat(event.timestamp()).isEqualTo(time);
        assertThat(event.field("user.name")).isEqualTo("alice");
        assertThat(event.field("bytes")).isEqualTo("1200");
        assertThat(event.field("tags")).isNull();
        assertThat(event.field("none")).isNull();
        assertThat(event.field("missing")).isNull();
    }

    @Test
    void adaptedEventsFeedTheDetectors() throws Exception {
        NewTermsDetector detector = new NewTermsDetector(new NewTermsConfig("n", List.of("user.name"), "process",
                TermTransform.LOWER_CASE, Duration.ofDays(30), Duration.ZERO, 1, 1, 16, 16));
        JsonEventParser parser = new JsonEventParser();
        Instant t = Instant.parse("2026-02-02T09:00:00Z");
        detector.observe(BaselineEvent.of(parser.parse("{\"user\":{\"name\":\"a\"},\"process\":\"SSHD\"}", 1), t));
        assertThat(detector.observe(BaselineEvent.of(parser.parse(
                "{\"user\":{\"name\":\"a\"},\"process\":\"sshd\"}", 2), t.plusSeconds(1)))).isEmpty();
        assertThat(detector.observe(BaselineEvent.of(parser.parse(
                "{\"user\":{\"name\":\"a\"},\"process\":\"nc\"}", 3), t.plusSeconds(2)))).singleElement()
                .satisfies(f -> assertThat(f.seen()).isEqualTo("nc"));
    }
}
