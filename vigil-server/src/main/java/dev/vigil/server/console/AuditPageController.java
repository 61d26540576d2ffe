package dev.vigil.server.console;

import java.util.UUID;

import dev.vigil.server.audit.AuditQuery;
import dev.vigil.server.audit.AuditSearch;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit trail for auditors: newest records first is not offered; records are read in sequence order. */
@Controller
class AuditPageController {

    private static final int PAGE = 100;
    private final AuditSearch search;

    AuditPageController(AuditSearch search) {
        this.search = search;
    }

    @GetMapping("/audit")
    String records(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String outcome, @RequestParam(defaultValue = "0") long from, Model model) {
        var records = search.search(new AuditQuery(blankToNull(actor), blankToNull(action), null, null, (UUID) null,
                blankToNull(outcome), null, null, from - 1, PAGE));
        model.addAttribute("records", records);
        model.addAttribute("actor", actor);
        model.addAttribute("action", action);
        model.addAttribute("outcome", outcome);
        model.addAttribute("next", records.size() == PAGE ? records.get(records.size() - 1).seq() + 1 : -1);
        return "audit";
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
