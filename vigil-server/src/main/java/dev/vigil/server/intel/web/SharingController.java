package dev.vigil.server.intel.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import dev.vigil.server.intel.IssuedPartnerToken;
import dev.vigil.server.intel.SharingCollectionChange;
import dev.vigil.server.intel.SharingCollectionView;
import dev.vigil.server.intel.SharingCollections;
import dev.vigil.server.intel.TaxiiPartners;
import dev.vigil.server.intel.TaxiiPartnerView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Sharing over TAXII 2.1: the collections served and the partners with their tokens. */
@RestController
@Tag(name = "Threat intelligence")
class SharingController {

    static final String BASE = "/api/v1/intel/sharing";

    private final SharingCollections collections;
    private final TaxiiPartners partners;

    SharingController(SharingCollections collections, TaxiiPartners partners) {
        this.collections = collections;
        this.partners = partners;
    }

    record CollectionRequest(@Size(max = 200) String title, @Size(max = 2000) String description, @Size(max = 500) List<UUID> feedIds,
            Integer minConfidence, @Size(max = 20) String tlpCeiling, @Size(max = 500) List<UUID> incidentIds) {

        SharingCollectionChange change() {
            return new SharingCollectionChange(title, description, feedIds, minConfidence, tlpCeiling, incidentIds);
        }
    }

    record PartnerRequest(@Size(max = 100) String name, @Size(max = 2000) String description, @Size(max = 500) List<UUID> collectionIds) {
    }

    @GetMapping(BASE + "/collections")
    List<SharingCollectionView> collections() {
        return collections.list();
    }

    @PostMapping(BASE + "/collections")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Define a collection served over TAXII 2.1: feeds, minConfidence, tlpCeiling (never red), incidents")
    SharingCollectionView create(@Valid @RequestBody CollectionRequest request) {
        return collections.create(request.change());
    }

    @GetMapping(BASE + "/collections/{id}")
    SharingCollectionView collection(@PathVariable UUID id) {
        return collections.get(id);
    }

    @PutMapping(BASE + "/collections/{id}")
    @Operation(summary = "Change a collection; absent fields keep their value; it is republished at once")
    SharingCollectionView update(@PathVariable UUID id, @Valid @RequestBody CollectionRequest request) {
        return collections.update(id, request.change());
    }

    @DeleteMapping(BASE + "/collections/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        collections.delete(id);
    }

    @GetMapping(BASE + "/partners")
    List<TaxiiPartnerView> partners() {
        return partners.list();
    }

    @PostMapping(BASE + "/partners")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a partner reading the named collections; its token secret is in this answer only")
    IssuedPartnerToken createPartner(@Valid @RequestBody PartnerRequest request) {
        return partners.create(request.name(), request.description(), request.collectionIds());
    }

    @DeleteMapping(BASE + "/partners/{id}")
    @Operation(summary = "Revoke a partner's token at once")
    TaxiiPartnerView revoke(@PathVariable UUID id) {
        return partners.revoke(id);
    }
}
