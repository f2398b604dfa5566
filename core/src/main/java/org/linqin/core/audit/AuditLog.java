package org.linqin.core.audit;

import java.time.OffsetDateTime;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.linqin.core.security.Caller;

/**
 * Writes the audit log in the caller's transaction, so an audited change and its audit line commit or roll back
 * together.
 */
@ApplicationScoped
public class AuditLog {

    @Inject
    Caller caller;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String communityCode, String action, String targetType, Object targetId,
            Map<String, Object> details) {
        AuditEntry entry = new AuditEntry();
        entry.communityCode = communityCode;
        entry.actor = caller.actor();
        entry.action = action;
        entry.targetType = targetType;
        entry.targetId = String.valueOf(targetId);
        entry.details = details == null || details.isEmpty() ? null : details;
        entry.at = OffsetDateTime.now();
        entry.persist();
    }
}
