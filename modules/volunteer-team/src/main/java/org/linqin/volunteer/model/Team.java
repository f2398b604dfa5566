package org.linqin.volunteer.model;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.linqin.core.persistence.CommunityOwnedEntity;

/** A volunteer team (志愿服务队), e.g. 满天星 or 平安哨, with party members as its backbone. */
@Entity
@Table(name = "volunteer_teams")
public class Team extends CommunityOwnedEntity {

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TeamKind kind;

    public String description;

    /** The grid it serves (grid module), if any. */
    @Column(name = "grid_id")
    public Long gridId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "building_ids", nullable = false, columnDefinition = "bigint[]")
    public List<Long> buildingIds = new ArrayList<>();

    /** The organisation unit that leads it, e.g. a party branch (organisation module), if any. */
    @Column(name = "leading_unit_id")
    public Long leadingUnitId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Recruitment recruitment;

    /** Residents who know it join at once. */
    @Column(name = "join_code")
    public String joinCode;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;
}
