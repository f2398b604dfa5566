package org.linqin.core.community.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.linqin.core.persistence.CommunityOwnedEntity;

/** A named public place of a community: a square, the service centre, a park. */
@Entity
@Table(name = "places")
public class Place extends CommunityOwnedEntity {

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PlaceKind kind;

    /** The compound it lies in, or null when it serves the whole community. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "compound_id")
    public Compound compound;

    public String address;

    public String description;
}
