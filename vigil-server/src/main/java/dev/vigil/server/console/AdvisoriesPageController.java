package dev.vigil.server.console;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dev.vigil.server.advisory.AdvisoryService;
import dev.vigil.server.advisory.AdvisoryView;
import dev.vigil.server.advisory.ComponentAdvisoryRequest;
import dev.vigil.server.monitoring.ComponentService;
import dev.vigil.server.monitoring.ComponentView;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Security advisories: the list, drafting from a product's findings or a service component's, editing, checking,
 * publishing, downloading.
 */
@Controller
class AdvisoriesPageController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AdvisoryService advisories;
    private final ComponentService components;

    AdvisoriesPageController(AdvisoryService advisories, ComponentService components) {
        this.advisories = advisories;
        this.components = components;
    }

    @GetMapping("/advisories")
    String list(Model model) {
        model.addAttribute("advisories", advisories.list());
        model.addAttribute("components", components.list().stream().map(ComponentView::name).toList());
        return "advisories";
    }

    /** A service component's advisory; versions and vulnerabilities are comma- or space-separated lists. */
    @PostMapping("/advisories/components")
    String draftForComponent(@RequestParam String component, @RequestParam(defaultValue = "") String versions,
            @RequestParam(defaultValue = "") String fixedVersion, @RequestParam(defaultValue = "") String vulnerabilities,
            @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String summary,
            @RequestParam(defaultValue = "WHITE") String tlp, RedirectAttributes redirect) {
        try {
            AdvisoryView drafted = advisories.draftForComponent(new ComponentAdvisoryRequest(component, list(versions),
                    fixedVersion, list(vulnerabilities), title, summary.isBlank() ? null : summary, tlp));
            redirect.addFlashAttribute("notice", "Drafted " + drafted.trackingId() + " about the service " + drafted.product()
                    + " from the findings of its assets.");
            return "redirect:/advisories/" + drafted.id();
        } catch (ProblemException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/advisories";
        }
    }

    private static List<String> list(String text) {
        return Arrays.stream(text.split("[,\\s]+")).filter(v -> !v.isBlank()).toList();
    }

    @PostMapping("/advisories")
    String draft(@RequestParam String product, @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String summary, @RequestParam(defaultValue = "WHITE") String tlp,
            RedirectAttributes redirect) {
        try {
            AdvisoryView drafted = advisories.draft(product, title, summary.isBlank() ? null : summary, tlp);
            redirect.addFlashAttribute("notice", "Drafted " + drafted.trackingId() + " from the findings of " + drafted.product() + ".");
            return "redirect:/advisories/" + drafted.id();
        } catch (ProblemException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/advisories";
        }
    }

    @GetMapping("/advisories/{id}")
    String advisory(@PathVariable UUID id, Model model) {
        AdvisoryView advisory = advisories.get(id);
        model.addAttribute("advisory", advisory);
        if (!model.containsAttribute("draftText")) {
            model.addAttribute("draftText", JSON.writerWithDefaultPrettyPrinter().writeValueAsString(advisory.draft()));
        }
        return "advisory";
    }

    @PostMapping("/advisories/{id}/draft")
    String save(@PathVariable UUID id, @RequestParam String document, @RequestParam int version, RedirectAttributes redirect) {
        JsonNode parsed;
        try {
            parsed = JSON.readTree(document);
        } catch (JacksonException e) {
            redirect.addFlashAttribute("error", "The draft is not JSON: " + e.getOriginalMessage());
            redirect.addFlashAttribute("draftText", document);
            return "redirect:/advisories/" + id;
        }
        return Flash.run(redirect, "/advisories/" + id, () -> {
            advisories.saveDraft(id, parsed, version);
            return "Draft saved.";
        });
    }

    /** htmx: the mandatory tests over what the next release would publish. */
    @PostMapping("/advisories/{id}/check")
    String check(@PathVariable UUID id, Model model) {
        model.addAttribute("report", advisories.validate(id));
        return "advisory :: check";
    }

    @PostMapping("/advisories/{id}/publish")
    String publish(@PathVariable UUID id, @RequestParam(defaultValue = "") String summary, RedirectAttributes redirect) {
        return Flash.run(redirect, "/advisories/" + id, () -> {
            var change = advisories.requestPublication(id, summary.isBlank() ? null : summary);
            return "Release requested: it is published when someone else approves change " + change.id() + ".";
        });
    }

    @GetMapping("/advisories/{id}/releases/{version}")
    @ResponseBody
    ResponseEntity<String> download(@PathVariable UUID id, @PathVariable int version) {
        AdvisoryView advisory = advisories.get(id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(advisory.trackingId().toLowerCase(Locale.ROOT) + "-v" + version + ".json").build().toString())
                .body(advisories.releaseDocument(id, version));
    }
}
