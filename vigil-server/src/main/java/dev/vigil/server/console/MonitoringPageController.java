package dev.vigil.server.console;

import dev.vigil.server.monitoring.ComponentService;
import dev.vigil.server.monitoring.MonitorService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Monitoring: the component catalogue with dependencies and scrape health, and the monitors with their state. */
@Controller
class MonitoringPageController {

    private final ComponentService components;
    private final MonitorService monitors;

    MonitoringPageController(ComponentService components, MonitorService monitors) {
        this.components = components;
        this.monitors = monitors;
    }

    @GetMapping("/monitoring")
    String show(Model model) {
        model.addAttribute("components", components.list());
        model.addAttribute("monitors", monitors.list());
        return "monitoring";
    }
}
