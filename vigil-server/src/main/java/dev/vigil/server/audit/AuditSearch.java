package dev.vigil.server.audit;

import java.util.List;

/** Read access to the audit trail (there is no update or delete at any layer). */
public interface AuditSearch {

    List<AuditRecord> search(AuditQuery query);
}
