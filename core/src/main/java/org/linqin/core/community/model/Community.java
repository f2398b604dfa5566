package org.linqin.core.community.model;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.linqin.core.persistence.LinqinEntity;

/** A community (社区): the tenant. Its code never changes; every community-owned row carries it. */
@Entity
@Table(name = "communities")
public class Community extends LinqinEntity {

    public static final String DEFAULT_TIME_ZONE = "Asia/Shanghai";

    @Column(nullable = false, unique = true, updatable = false)
    public String code;

    @Column(nullable = false)
    public String name;

    public String district;

    @Column(name = "time_zone", nullable = false)
    public String timeZone = DEFAULT_TIME_ZONE;

    @Column(name = "founded_on")
    public LocalDate foundedOn;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    public static Community findByCode(String code) {
        return find("code", code).firstResult();
    }
}
