package dev.vigil.server.console;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.vigil.server.intel.FeedService;
import dev.vigil.server.intel.FeedView;
import dev.vigil.server.intel.IssuedPartnerToken;
import dev.vigil.server.intel.SharingCollectionChange;
import dev.vigil.server.intel.SharingCollectionView;
import dev.vigil.server.intel.SharingCollections;
import dev.vigil.server.intel.TaxiiPartners;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Intelligence sharing: the TAXII collections served to partners and the partners with their tokens. */
@Controller
class SharingPageController {

    private static final String PAGE = "/intel/sharing";

    private final SharingCollections collections;
    private final TaxiiPartners partners;
    private final FeedService feeds;

    SharingPageController(SharingCollections collections, TaxiiPartners partners, FeedService feeds) {
        this.collections = collections;
        this.partners = partners;
        this.feeds = feeds;
    }

    @GetMapping(PAGE)
    String page(Model model) {
        List<SharingCollectionView> all = collections.list();
        List<FeedView> feedList = feeds.list();
        model.addAttribute("collections", all);
        model.addAttribute("collectionTitles", all.stream().collect(Collectors.toMap(SharingCollectionView::id, SharingCollectionView::title)));
        model.addAttribute("feeds", feedList);
        model.addAttribute("feedNames", feedList.stream().collect(Collectors.toMap(FeedView::id, FeedView::name)));
        model.addAttribute("partners", partners.list());
        model.addAttribute("taxiiUrl", ServletUriComponentsBuilder.fromCurrentContextPath().path("/taxii2/").toUriString());
        return "intel-sharing";
    }

    @PostMapping(PAGE + "/collections")
    String create(@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String description,
            @RequestParam(name = "feedIds", required = false) List<UUID> feedIds, @RequestParam(defaultValue = "50") int minConfidence,
            @RequestParam(defaultValue = "green") String tlpCeiling, @RequestParam(defaultValue = "") String incidentIds,
            RedirectAttributes redirect) {
        return Flash.run(redirect, PAGE, () -> "Collection " + collections.create(new SharingCollectionChange(title, description,
                feedIds == null ? List.of() : feedIds, minConfidence, tlpCeiling, ids(incidentIds))).title() + " created.");
    }

    @PostMapping(PAGE + "/collections/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        return Flash.run(redirect, PAGE, () -> {
            collections.delete(id);
            return "Collection deleted.";
        });
    }

    @PostMapping(PAGE + "/partners")
    String createPartner(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String description,
            @RequestParam(name = "collectionIds", required = false) List<UUID> collectionIds, RedirectAttributes redirect) {
        return Flash.run(redirect, PAGE, () -> {
            IssuedPartnerToken issued = partners.create(name, description, collectionIds == null ? List.of() : collectionIds);
            redirect.addFlashAttribute("issuedPartner", issued.partner().name());
            redirect.addFlashAttribute("issuedSecret", issued.secret());
            return "Partner " + issued.partner().name() + " created.";
        });
    }

    @PostMapping(PAGE + "/partners/{id}/revoke")
    String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
        return Flash.run(redirect, PAGE, () -> "Token of " + partners.revoke(id).name() + " revoked.");
    }

    private static List<UUID> ids(String text) {
        try {
            return Arrays.stream(text.split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).map(UUID::fromString).toList();
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-input", "incident ids must be UUIDs separated by commas");
        }
    }
}
