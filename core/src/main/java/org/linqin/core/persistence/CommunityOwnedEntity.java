package org.linqin.core.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import org.hibernate.annotations.TenantId;

/**
 * A row that belongs to one community. Hibernate sets {@link #communityCode} from the addressed community on
 * insert and filters every query and {@code find} by it, so no query has to remember the community.
 * Native SQL and bulk HQL are not filtered: add {@code community_code} to them yourself.
 */
@MappedSuperclass
public abstract class CommunityOwnedEntity extends LinqinEntity {

    @TenantId
    @Column(name = "community_code", nullable = false, updatable = false)
    public String communityCode;
}
