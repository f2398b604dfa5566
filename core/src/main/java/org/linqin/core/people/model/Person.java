package org.linqin.core.people.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.linqin.core.community.model.Building;
import org.linqin.core.persistence.CommunityOwnedEntity;

/**
 * A person of a community (居民/工作人员). Personal information under PIPL: the phone is shown in full only to
 * roles that need it, and every full read by staff is audited.
 */
@Entity
@Table(name = "people")
public class Person extends CommunityOwnedEntity {

    @Column(nullable = false)
    public String name;

    public String phone;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "building_id")
    public Building building;

    /** The unit (单元) of the building, one of the building's unit names. */
    public String unit;

    /** The household (户) within the unit, e.g. "302". */
    public String household;

    /** The identity server's subject of this person, once they have logged in. */
    @Column(name = "subject")
    public String subject;

    public static Person findBySubject(String subject) {
        return find("subject", subject).firstResult();
    }
}
