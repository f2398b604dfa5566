package org.linqin.noticeboard.model;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.linqin.core.persistence.CommunityOwnedEntity;

/** A notice (公告) of a community. Withdrawn notices stay for the record but are no longer listed. */
@Entity
@Table(name = "notice_board_notices")
public class Notice extends CommunityOwnedEntity {

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String body;

    @Column(nullable = false)
    public boolean pinned;

    @Column(nullable = false)
    public String signature;

    @Column(name = "published_by", nullable = false)
    public String publishedBy;

    @Column(name = "published_at", nullable = false)
    public OffsetDateTime publishedAt;

    @Column(name = "withdrawn_at")
    public OffsetDateTime withdrawnAt;
}
