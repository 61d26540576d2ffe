package dev.vigil.detect.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class RecordBatchesTest {

    @Test
    void aCloudTrailFileBecomesItsRecords() {
        List<String> records = RecordBatches.records("""
                {"Records": [{"eventName":"CreateUser","requestParameters":{"userName":"a"}},
                             {"eventName":"DeleteTrail","n":1.5,"flag":true,"none":null}]}""");

        assertThat(records).containsExactly("{\"eventName\":\"CreateUser\",\"requestParameters\":{\"userName\":\"a\"}}",
                "{\"eventName\":\"DeleteTrail\",\"n\":1.5,\"flag\":true,\"none\":null}");
    }

    @Test
    void azureLowerCaseRecordsBlanksAndEmptyBatches() {
        assertThat(RecordBatches.records(" \t{ \"records\" :[{\"category\":\"AuditLogs\"}]}"))
                .containsExactly("{\"category\":\"AuditLogs\"}");
        assertThat(RecordBatches.records("{\"Records\":[]}")).isEmpty();
        assertThat(RecordBatches.records("{\"Records\":[{\"a\":1}]}".getBytes(StandardCharsets.UTF_8)))
                .singleElement().satisfies(b -> assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}"));
    }

    @Test
    void anythingElseIsNotABatch() {
        assertThat(RecordBatches.records("{\"eventName\":\"x\",\"Records\":[{}]}")).as("not the first member").isNull();
        assertThat(RecordBatches.records("{\"Records\":[{}],\"digest\":\"x\"}")).as("other members").isNull();
        assertThat(RecordBatches.records("{\"Records\":[{},\"text\"]}")).as("a non-object record").isNull();
        assertThat(RecordBatches.records("{\"Records\":{\"a\":1}}")).as("not an array").isNull();
        assertThat(RecordBatches.records("{\"RECORDS\":[{}]}")).as("other spelling").isNull();
        assertThat(RecordBatches.records("{\"Records\":[{\"a\":")).as("broken JSON").isNull();
        assertThat(RecordBatches.records("[{\"Records\":[{}]}]")).as("an array").isNull();
        assertThat(RecordBatches.records("")).isNull();
        assertThat(RecordBatches.records(new byte[0])).isNull();
    }
}
