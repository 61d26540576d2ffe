package dev.vigil.server.console;

import java.util.UUID;

import dev.vigil.server.audit.AuditQuery;
import dev.vigil.server.audit.AuditRecord;
import dev.vigil.server.audit.AuditSearch;
import dev.vigil.server.audit.LedgerProofs;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit trail for auditors: newest records first is not offered; records are read in sequence order. */
@Controller
class AuditPageController {

    private static final int PAGE = 100;
    private final AuditSearch search;
    private final LedgerProofs proofs;

    AuditPageController(AuditSearch search, LedgerProofs proofs) {
        this.search = search;
        this.proofs = proofs;
    }

    /** One record with its canonical bytes, the latest checkpoint and the record's inclusion proof in it. */
    @GetMapping("/audit/records/{seq}")
    String record(@org.springframework.web.bind.annotation.PathVariable long seq, Model model) {
        AuditRecord record = search.search(new AuditQuery(null, null, null, null, null, null, null, null, seq - 1, 1)).stream()
                .filter(r -> r.seq() == seq).findFirst()
                .orElseThrow(() -> dev.vigil.server.platform.web.ProblemException.notFound("audit record", seq));
        long size = proofs.checkpointedSize();
        model.addAttribute("record", record);
        model.addAttribute("canonical", new String(java.util.Base64.getDecoder().decode(record.leaf()), java.nio.charset.StandardCharsets.UTF_8));
        model.addAttribute("checkpoint", proofs.latestCheckpoint().orElse(null));
        model.addAttribute("covered", seq < size);
        model.addAttribute("proof", seq < size ? proofs.inclusionProof(seq, size) : java.util.List.of());
        model.addAttribute("size", size);
        return "audit-record";
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
