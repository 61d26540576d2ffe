package dev.vigil.server.console;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import dev.vigil.intel.stix.share.TlpMarking;
import dev.vigil.server.incident.IncidentSharing;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The incident page's sharing controls: the TLP and the STIX bundle download. */
@Controller
class IncidentSharingPagesController {

    static final List<String> TLP_LEVELS = Arrays.stream(TlpMarking.values()).map(TlpMarking::label).toList();

    private final IncidentSharing sharing;

    IncidentSharingPagesController(IncidentSharing sharing) {
        this.sharing = sharing;
    }

    @GetMapping("/incidents/{id}/stix")
    ResponseEntity<byte[]> stix(@PathVariable UUID id) {
        return sharing.stixBundle(id).asAttachment();
    }

    @PostMapping("/incidents/{id}/tlp")
    String tlp(@PathVariable UUID id, @RequestParam(defaultValue = "") String tlp, RedirectAttributes redirect) {
        return Flash.run(redirect, "/incidents/" + id, () -> "Shared as TLP:" + sharing.setTlp(id, tlp).tlp().toUpperCase(java.util.Locale.ROOT) + ".");
    }
}
