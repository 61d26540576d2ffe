package dev.vigil.server.access.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import dev.vigil.server.access.CommandModeChange;
import dev.vigil.server.access.CommandModeView;
import dev.vigil.server.access.CommandPolicyService;
import dev.vigil.server.access.CommandRuleChange;
import dev.vigil.server.access.CommandRuleView;
import dev.vigil.server.access.CommandTestResult;
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

/** The bastion's command policy: rules, scope modes, and a dry run of a line. */
@RestController
@Tag(name = "Bastion")
class CommandPolicyController {

    private final CommandPolicyService policy;

    CommandPolicyController(CommandPolicyService policy) {
        this.policy = policy;
    }

    record RuleRequest(@Size(max = 100) String name, Integer priority, @Size(max = 128) String targetGroup, @Size(max = 128) String account,
            @Size(max = 200) List<@Size(max = 128) String> programs, @Size(max = 4000) String pattern, @Size(max = 20) String action,
            @Size(max = 2000) String description) {
        CommandRuleChange change() {
            return new CommandRuleChange(name, priority, targetGroup, account, programs, pattern, action, description);
        }
    }

    record ModeRequest(@Size(max = 128) String targetGroup, @Size(max = 128) String account, @Size(max = 20) String mode,
            @Size(max = 20) String uncertain) {
    }

    record TestRequest(@Size(max = 65536) String line, @Size(max = 128) String target, @Size(max = 50) List<@Size(max = 128) String> targetGroups,
            @Size(max = 128) String account) {
    }

    @GetMapping("/api/v1/access/command-rules")
    @Operation(summary = "Command rules in the order they are checked (priority, then name); the first matching rule decides")
    List<CommandRuleView> rules() {
        return policy.rules();
    }

    @PostMapping("/api/v1/access/command-rules")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a command rule: programs (base names) and/or pattern (Java regex), action allow|warn|review|deny")
    CommandRuleView create(@Valid @RequestBody RuleRequest request) {
        return policy.create(request.change());
    }

    @GetMapping("/api/v1/access/command-rules/{id}")
    CommandRuleView rule(@PathVariable UUID id) {
        return policy.rule(id);
    }

    @PutMapping("/api/v1/access/command-rules/{id}")
    @Operation(summary = "Replace a command rule (also how its priority is changed)")
    CommandRuleView update(@PathVariable UUID id, @Valid @RequestBody RuleRequest request) {
        return policy.update(id, request.change());
    }

    @DeleteMapping("/api/v1/access/command-rules/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        policy.delete(id);
    }

    @GetMapping("/api/v1/access/command-modes")
    List<CommandModeView> modes() {
        return policy.modes();
    }

    @PostMapping("/api/v1/access/command-modes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Set the mode of a scope (targetGroup and/or account, empty = any): deny-list or restricted, and the action for uncertain commands")
    CommandModeView setMode(@Valid @RequestBody ModeRequest request) {
        return policy.setMode(new CommandModeChange(request.targetGroup(), request.account(), request.mode(), request.uncertain()));
    }

    @DeleteMapping("/api/v1/access/command-modes/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteMode(@PathVariable UUID id) {
        policy.deleteMode(id);
    }

    @PostMapping("/api/v1/access/command-policy/test")
    @Operation(summary = "Dry run: decide a command line for a target (or target groups) and account, with the analysis; nothing runs")
    CommandTestResult test(@Valid @RequestBody TestRequest request) {
        return policy.test(request.line(), request.target(), request.targetGroups(), request.account());
    }
}
