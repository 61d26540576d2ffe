package dev.vigil.server.console;

import java.util.List;

import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.identity.VigilPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in user and the navigation they may use into every console page. */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
class ConsoleModel {

    /** One entry of the navigation; {@code href} null for areas not available in this version. */
    record NavItem(String label, String href, String section) {
    }

    private final AccessPolicy access;

    ConsoleModel(AccessPolicy access) {
        this.access = access;
    }

    @ModelAttribute
    void addCommon(Model model, jakarta.servlet.http.HttpServletRequest request) {
        if (request.getAttribute(org.springframework.security.web.csrf.CsrfToken.class.getName())
                instanceof org.springframework.security.web.csrf.CsrfToken csrf) {
            model.addAttribute("htmxHeaders", "{\"" + csrf.getHeaderName() + "\": \"" + csrf.getToken() + "\"}");
        }
        access.current().ifPresent(principal -> {
            model.addAttribute("me", principal);
            model.addAttribute("nav", navigation(principal));
        });
    }

    private static List<NavItem> navigation(VigilPrincipal p) {
        List<NavItem> items = new java.util.ArrayList<>();
        items.add(new NavItem("Overview", "/", "main"));
        if (p.can("event", "read")) {
            items.add(new NavItem("Events", "/events", "operations"));
        }
        if (p.can("input", "read")) {
            items.add(new NavItem("Inputs", "/inputs", "operations"));
        }
        if (p.can("alert", "read")) {
            items.add(new NavItem("Alerts", "/alerts", "operations"));
        }
        if (p.can("oncall", "read")) {
            items.add(new NavItem("Escalation", "/alerts/escalation", "operations"));
        }
        if (p.can("rule", "read")) {
            items.add(new NavItem("Detection rules", "/rules", "operations"));
        }
        if (p.can("intel", "read")) {
            items.add(new NavItem("Threat intelligence", "/intel", "operations"));
        }
        if (p.can("asset", "read")) {
            items.add(new NavItem("Assets", "/assets", "operations"));
        }
        if (p.can("vuln", "read")) {
            items.add(new NavItem("Vulnerabilities", "/vulns", "operations"));
            items.add(new NavItem("Advisories", "/advisories", "operations"));
            items.add(new NavItem("Situation", "/situation", "operations"));
        }
        if (p.can("incident", "read")) {
            items.add(new NavItem("Incidents", "/incidents", "operations"));
        }
        if (p.can("oncall", "read")) {
            items.add(new NavItem("On-call", "/oncall", "operations"));
        }
        if (p.can("notice", "read")) {
            items.add(new NavItem("Tenant notices", "/notices", "operations"));
        }
        if (p.can("bastion-session", "read")) {
            items.add(new NavItem("Bastion sessions", "/bastion/sessions", "operations"));
        }
        if (p.can("bastion-target", "read")) {
            items.add(new NavItem("Bastion targets", "/bastion/targets", "operations"));
            items.add(new NavItem("Bastion grants", "/bastion/grants", "operations"));
            items.add(new NavItem("Command rules", "/bastion/command-rules", "operations"));
            items.add(new NavItem("Command templates", "/bastion/command-templates", "operations"));
        }
        if (p.can("access-request", "create") || p.can("access-request", "approve")) {
            items.add(new NavItem("Access requests", "/bastion/requests", "operations"));
        }
        if (p.can("procedure", "read")) {
            items.add(new NavItem("Procedures", "/procedures", "operations"));
        }
        if (p.can("monitor", "read")) {
            items.add(new NavItem("Monitoring", "/monitoring", "operations"));
        }
        items.add(new NavItem("Changes", "/changes", "governance"));
        if (p.can("audit", "read")) {
            items.add(new NavItem("Audit trail", "/audit", "governance"));
            items.add(new NavItem("Audit reviews", "/audit/reviews", "governance"));
        }
        if (p.can("user", "read")) {
            items.add(new NavItem("Users", "/admin/users", "administration"));
        }
        if (p.can("role", "read")) {
            items.add(new NavItem("Roles", "/admin/roles", "administration"));
        }
        if (p.can("tenant", "read")) {
            items.add(new NavItem("Tenants", "/admin/tenants", "administration"));
        }
        if (p.can("api-token", "read")) {
            items.add(new NavItem("API tokens", "/admin/tokens", "administration"));
        }
        return items;
    }
}
