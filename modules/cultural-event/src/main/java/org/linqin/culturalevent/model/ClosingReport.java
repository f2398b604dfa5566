package org.linqin.culturalevent.model;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.linqin.core.persistence.CommunityOwnedEntity;

/** The closing report of an event: attendance frozen at closing, organisations, photos and summary. */
@Entity
@Table(name = "event_reports")
public class ClosingReport extends CommunityOwnedEntity {

    @Column(name = "event_id", nullable = false, updatable = false)
    public Long eventId;

    @Column(nullable = false)
    public String summary;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "photo_urls", nullable = false, columnDefinition = "text[]")
    public List<String> photoUrls = new ArrayList<>();

    /** Organisations that took part, by name. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> organisations = new ArrayList<>();

    /** People with places (seats of confirmed registrations) at closing. */
    @Column(nullable = false)
    public int registered;

    /** People on tickets that were scanned, at closing. */
    @Column(name = "checked_in", nullable = false)
    public int checkedIn;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;
}
