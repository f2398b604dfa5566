package org.linqin.volunteer.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.linqin.core.persistence.CommunityOwnedEntity;

/** A volunteer's points balance and choices (志愿者档案); the balance never goes below zero (a database check). */
@Entity
@Table(name = "volunteer_profiles")
public class VolunteerProfile extends CommunityOwnedEntity {

    @Column(name = "person_id", nullable = false, updatable = false)
    public Long personId;

    @Column(name = "points_balance", nullable = false)
    public int pointsBalance;

    @Column(name = "leaderboard_opt_in", nullable = false)
    public boolean leaderboardOptIn;
}
