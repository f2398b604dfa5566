package org.linqin.organisation.model;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.linqin.core.persistence.CommunityOwnedEntity;

/**
 * A person holding a position in a unit from a start date to an optional end date. Ending an appointment sets
 * {@link #endOn}; the row stays as history. One person may hold several at once: cross-appointment (交叉任职).
 */
@Entity
@Table(name = "org_appointments")
public class Appointment extends CommunityOwnedEntity {

    @Column(name = "unit_id", nullable = false)
    public Long unitId;

    @Column(name = "person_id", nullable = false)
    public Long personId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Position position;

    @Column(name = "start_on", nullable = false)
    public LocalDate startOn;

    @Column(name = "end_on")
    public LocalDate endOn;

    /** Listed in the public directory (name and position only, never a phone). */
    @Column(name = "public_contact", nullable = false)
    public boolean publicContact;

    public boolean isCurrentOn(LocalDate day) {
        return !startOn.isAfter(day) && (endOn == null || endOn.isAfter(day));
    }
}
