package org.linqin.volunteer.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.linqin.core.persistence.CommunityOwnedEntity;

/** Something volunteers redeem points for: an item or a benefit, with stock (积分兑换). */
@Entity
@Table(name = "volunteer_rewards")
public class Reward extends CommunityOwnedEntity {

    @Column(nullable = false)
    public String name;

    public String description;

    @Column(nullable = false)
    public int cost;

    @Column(nullable = false)
    public int stock;

    @Column(nullable = false)
    public boolean active = true;
}
