package dev.vigil.server.incident;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;

/** Installs the emergency plans shipped in {@code incident/emergency-plans.json} that the installation does not have yet. */
@Component
class ShippedPlans {

    private static final Logger log = LoggerFactory.getLogger(ShippedPlans.class);
    static final String RESOURCE = "/incident/emergency-plans.json";

    private final PlanService plans;

    ShippedPlans(PlanService plans) {
        this.plans = plans;
    }

    record Entry(String type, int level, EmergencyPlan plan) {
    }

    @EventListener(ApplicationReadyEvent.class)
    void install() {
        int installed = 0;
        for (Entry entry : read()) {
            if (plans.install(entry.type(), entry.level(), entry.plan())) {
                installed++;
            }
        }
        if (installed > 0) {
            log.info("installed {} shipped emergency plan(s)", installed);
        }
    }

    static List<Entry> read() {
        try (InputStream in = ShippedPlans.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the server jar");
            }
            return PlanService.JSON.readValue(in, new TypeReference<List<Entry>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
