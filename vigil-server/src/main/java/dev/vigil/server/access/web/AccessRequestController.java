package dev.vigil.server.access.web;

import dev.vigil.server.access.AccessRequestService;
import dev.vigil.server.approval.ChangeView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operators asking for just-in-time access; approvers decide at /api/v1/changes. */
@RestController
@Tag(name = "Bastion")
class AccessRequestController {

    private final AccessRequestService requests;

    AccessRequestController(AccessRequestService requests) {
        this.requests = requests;
    }

    @PostMapping("/api/v1/access/requests")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Ask for an account on a target for a purpose and a window (at most 7 days); answers with the change "
            + "request approvers decide (GET /api/v1/changes?kind=access.request). breakGlass applies at once, raises a "
            + "critical alert and requires a review afterwards")
    ChangeView request(@RequestBody AccessRequestService.AccessRequest request) {
        return requests.request(request);
    }
}
