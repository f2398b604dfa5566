package org.linqin.core.community.model;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.linqin.core.persistence.CommunityOwnedEntity;

/** A residential compound (小区) of a community, e.g. Evergrande Yujing (恒大御景). */
@Entity
@Table(name = "compounds")
public class Compound extends CommunityOwnedEntity {

    @Column(nullable = false)
    public String name;

    /** When the developer handed the compound over to its owners (交付), if known. */
    @Column(name = "delivered_on")
    public LocalDate deliveredOn;

    public String description;
}
