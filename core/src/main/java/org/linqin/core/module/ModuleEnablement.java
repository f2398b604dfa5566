package org.linqin.core.module;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.linqin.core.persistence.LinqinEntity;

/**
 * Whether one module is enabled in one community, the settings an admin set there, and who changed it last.
 * The row stays when a module is disabled, so enabling it again restores its settings (and its data stays in the
 * module's own tables).
 */
@Entity
@Table(name = "module_enablements")
public class ModuleEnablement extends LinqinEntity {

    @Column(name = "community_code", nullable = false, updatable = false)
    public String communityCode;

    @Column(name = "module_id", nullable = false, updatable = false)
    public String moduleId;

    @Column(nullable = false)
    public boolean enabled;

    /** Only the values an admin set; declared defaults fill the rest. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb", nullable = false)
    public Map<String, String> settings = new HashMap<>();

    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    @Column(name = "changed_at", nullable = false)
    public OffsetDateTime changedAt;

    public static ModuleEnablement find(String communityCode, String moduleId) {
        return find("communityCode = ?1 and moduleId = ?2", communityCode, moduleId).firstResult();
    }
}
