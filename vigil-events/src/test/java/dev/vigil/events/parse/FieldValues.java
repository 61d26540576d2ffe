package dev.vigil.events.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.vigil.events.Event;

/** The value-type rule every parsed event must obey. */
final class FieldValues {
    private FieldValues() {
    }

    static void assertObeyTheValueRule(Event event) {
        assertThat(event.fields()).doesNotContainKey("@timestamp");
        for (Map.Entry<String, Object> field : event.fields().entrySet()) {
            assertThat(field.getKey()).isNotNull();
            Object value = field.getValue();
            if (value instanceof List<?> list) {
                assertThat(list).as(field.getKey()).allSatisfy(FieldValues::assertScalar);
            } else {
                assertScalar(value);
            }
        }
    }

    private static void assertScalar(Object value) {
        assertThat(value).isNotNull().isInstanceOfAny(String.class, Long.class, Double.class, Boolean.class);
        if (value instanceof Double number) {
            assertThat(number).isFinite();
        }
    }
}
