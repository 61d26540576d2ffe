package dev.vigil.server.access;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Installs the operating procedures shipped in {@code access/procedures.json} that the installation does not have yet. */
@Component
class ShippedProcedures {

    private static final Logger log = LoggerFactory.getLogger(ShippedProcedures.class);
    static final String RESOURCE = "/access/procedures.json";

    private final ProcedureService procedures;

    ShippedProcedures(ProcedureService procedures) {
        this.procedures = procedures;
    }

    @EventListener(ApplicationReadyEvent.class)
    void install() {
        long installed = read().stream().filter(procedures::install).count();
        if (installed > 0) {
            log.info("installed {} shipped operating procedure(s)", installed);
        }
    }

    static List<ProcedureDefinition> read() {
        try (InputStream in = ShippedProcedures.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the server jar");
            }
            List<Map<String, Object>> raw = JsonMapper.builder().build().readValue(in, new TypeReference<List<Map<String, Object>>>() { });
            return raw.stream().map(ProcedureDefinition::of).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
