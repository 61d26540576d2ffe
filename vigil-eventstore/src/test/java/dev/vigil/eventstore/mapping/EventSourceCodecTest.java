package dev.vigil.eventstore.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.vigil.events.Event;
import org.junit.jupiter.api.Test;

class EventSourceCodecTest {
    private final EventSourceCodec codec = new EventSourceCodec();

    @Test
    void everyValueTypeAndTheFieldOrderSurvive() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("z.last.first", "text");
        fields.put("count", Long.MIN_VALUE);
        fields.put("big", Long.MAX_VALUE);
        fields.put("ratio", -0.0);
        fields.put("nan", Double.NaN);
        fields.put("yes", true);
        fields.put("no", false);
        fields.put("empty", "");
        fields.put("list", List.of("a", 2L, 3.5, true, List.of("nested")));
        fields.put("emoji", "🛡️ Überwachung");
        Event event = new Event("id-1", Instant.parse("1969-12-31T23:59:59.999999999Z"), Instant.ofEpochSecond(1_714_557_600, 1),
                "tenant", "input", fields, "raw\u0000text\nwith lines", List.of("parse-error", ""));

        Event decoded = codec.decode(codec.encode(event));

        assertThat(decoded).isEqualTo(event);
        assertThat(List.copyOf(decoded.fields().keySet())).isEqualTo(List.copyOf(fields.keySet()));
        assertThat(Double.doubleToRawLongBits((Double) decoded.field("ratio"))).isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    @Test
    void valuesOutsideTheModelAreWidenedNotRefused() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("int", 42);
        fields.put("float", 1.5f);
        fields.put("object", new StringBuilder("built"));
        Event event = new Event("id", Instant.EPOCH, Instant.EPOCH, "t", "i", fields, "", List.of());

        Event decoded = codec.decode(codec.encode(event));

        assertThat(decoded.fields()).containsExactly(Map.entry("int", 42L), Map.entry("float", 1.5), Map.entry("object", "built"));
    }
}
