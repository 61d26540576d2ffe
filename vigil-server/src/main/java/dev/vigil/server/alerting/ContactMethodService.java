package dev.vigil.server.alerting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.vigil.server.alerting.internal.notify.ContactStore;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.identity.VigilPrincipal;
import dev.vigil.server.platform.config.VigilProperties;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users' contact methods, which escalation policies page: each user manages their own; holders of
 * {@code oncall:configure} manage anyone's (and may name another mail relay). Every change is audited without secrets.
 */
@Service
public class ContactMethodService {

    public static final int MAX_PER_USER = 10;
    private static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,63}$");

    private final ContactStore store;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final VigilProperties.Alerting settings;

    ContactMethodService(ContactStore store, AccessPolicy access, AuditLog audit, VigilProperties properties) {
        this.store = store;
        this.access = access;
        this.audit = audit;
        this.settings = properties.alerting();
    }

    public List<ContactMethodView> mine() {
        return store.of(access.requireCurrent().username()).stream().map(ContactMethodService::view).toList();
    }

    public List<ContactMethodView> of(String username) {
        access.require("oncall", "configure", null);
        return store.of(username(username)).stream().map(ContactMethodService::view).toList();
    }

    @Transactional
    public ContactMethodView addMine(ContactMethodRequest request) {
        VigilPrincipal me = access.requireCurrent();
        return add(me.username(), request, me.can("oncall", "configure"));
    }

    @Transactional
    public ContactMethodView addFor(String username, ContactMethodRequest request) {
        access.require("oncall", "configure", null);
        return add(username(username), request, true);
    }

    @Transactional
    public void deleteMine(UUID id) {
        String me = access.requireCurrent().username();
        ContactStore.Contact contact = store.byId(id).filter(c -> c.username().equals(me))
                .orElseThrow(() -> ProblemException.notFound("contact method", id));
        delete(contact);
    }

    @Transactional
    public void deleteFor(String username, UUID id) {
        access.require("oncall", "configure", null);
        ContactStore.Contact contact = store.byId(id).filter(c -> c.username().equals(username))
                .orElseThrow(() -> ProblemException.notFound("contact method", id));
        delete(contact);
    }

    private void delete(ContactStore.Contact contact) {
        store.delete(contact.id());
        audit.record(AuditEntry.success("contact.delete", "user-contact", contact.id(), null,
                Map.of("user", contact.username(), "label", contact.label())));
    }

    private ContactMethodView add(String username, ContactMethodRequest request, boolean mayNameRelay) {
        if (request == null) {
            throw invalid("a contact method needs a type");
        }
        if (store.of(username).size() >= MAX_PER_USER) {
            throw invalid(username + " has " + MAX_PER_USER + " contact methods already; delete one first");
        }
        ChannelConfig channel = channel(request, mayNameRelay);
        channel.validate("contact");
        String label = request.label() == null || request.label().isBlank() ? channel.type() : request.label().strip();
        if (label.length() > 100) {
            throw invalid("label: at most 100 characters");
        }
        UUID id = UUID.randomUUID();
        store.insert(id, username, label, channel, access.requireCurrent().username());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user", username);
        body.put("label", label);
        body.put("type", channel.type());
        body.put("target", channel.type().equals("email") ? channel.to() : channel.url());
        audit.record(AuditEntry.success("contact.create", "user-contact", id, null, body));
        return view(store.byId(id).orElseThrow());
    }

    private ChannelConfig channel(ContactMethodRequest request, boolean mayNameRelay) {
        String type = request.type() == null ? "" : request.type().strip();
        if (!ChannelConfig.TYPES.contains(type)) {
            throw invalid("type must be one of " + ChannelConfig.TYPES.stream().sorted().toList());
        }
        if (!type.equals("email")) {
            return new ChannelConfig(type, request.url(), type.equals("webhook") ? request.secret() : null, List.of(), null, null, null,
                    null, null, null);
        }
        boolean ownRelay = request.smarthost() != null && !request.smarthost().isBlank();
        if (ownRelay && !mayNameRelay) {
            throw ProblemException.forbidden("forbidden", "only holders of oncall:configure may name a mail relay; leave smarthost out");
        }
        String smarthost = ownRelay ? request.smarthost().strip() : settings.mailSmarthost();
        String from = request.from() != null && !request.from().isBlank() && mayNameRelay ? request.from().strip() : settings.mailFrom();
        if (smarthost.isEmpty() || from.isEmpty()) {
            throw invalid("no mail relay is configured (vigil.alerting.mail-smarthost and mail-from); use a webhook or chat contact,"
                    + " or ask an administrator");
        }
        boolean tls = ownRelay && request.requireTls() != null ? request.requireTls() : settings.mailRequireTls();
        return new ChannelConfig("email", null, null, request.address() == null ? List.of() : List.of(request.address().strip()),
                smarthost, from, null, null, tls, null);
    }

    private static String username(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw invalid("'" + username + "' is not a valid username");
        }
        return username;
    }

    private static ProblemException invalid(String detail) {
        return ProblemException.badRequest("invalid-contact", detail);
    }

    private static ContactMethodView view(ContactStore.Contact c) {
        return new ContactMethodView(c.id(), c.username(), c.label(), c.channel().masked(), c.enabled(), c.createdBy(), c.createdAt());
    }
}
