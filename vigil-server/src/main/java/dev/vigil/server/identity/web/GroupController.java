package dev.vigil.server.identity.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import dev.vigil.server.identity.GroupService;
import dev.vigil.server.identity.GroupView;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Groups of users, whose roles apply to every member. */
@RestController
@Tag(name = "Groups")
class GroupController {

    private final GroupService groups;

    GroupController(GroupService groups) {
        this.groups = groups;
    }

    record GroupRequest(@NotBlank @Size(max = 63) String name, @Size(max = 500) String description,
            List<@NotBlank String> members, List<@NotBlank String> roles) {
    }

    record GroupUpdate(@Size(max = 500) String description, List<@NotBlank String> members, List<@NotBlank String> roles) {
    }

    @GetMapping("/api/v1/groups")
    List<GroupView> list() {
        return groups.list();
    }

    @PostMapping("/api/v1/groups")
    ResponseEntity<GroupView> create(@Valid @RequestBody GroupRequest request) {
        GroupView group = groups.create(request.name(), request.description(), request.members(), request.roles());
        return ResponseEntity.created(URI.create("/api/v1/groups/" + group.id())).body(group);
    }

    @GetMapping("/api/v1/groups/{id}")
    GroupView get(@PathVariable UUID id) {
        return groups.get(id);
    }

    @PutMapping("/api/v1/groups/{id}")
    GroupView update(@PathVariable UUID id, @Valid @RequestBody GroupUpdate request) {
        return groups.update(id, request.description(), request.members(), request.roles());
    }

    @DeleteMapping("/api/v1/groups/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        groups.delete(id);
        return ResponseEntity.noContent().build();
    }
}
