package org.linqin.volunteer.service;

import java.time.OffsetDateTime;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.linqin.core.audit.AuditLog;
import org.linqin.core.graphql.ConflictException;
import org.linqin.core.graphql.Connection;
import org.linqin.core.graphql.InputValidator;
import org.linqin.core.graphql.PageRequest;
import org.linqin.core.graphql.Pagination;
import org.linqin.core.i18n.Msg;
import org.linqin.core.people.model.Person;
import org.linqin.core.people.service.OwnRecord;
import org.linqin.core.persistence.Lookup;
import org.linqin.core.tenancy.CommunityContext;
import org.linqin.volunteer.model.PointsEntry;
import org.linqin.volunteer.model.Reward;
import org.linqin.volunteer.model.VolunteerProfile;
import org.linqin.volunteer.service.VolunteerInputs.NewReward;

/**
 * Points (积分): earned for verified hours, spent on rewards. Stock and balance are decremented by conditional
 * UPDATEs, so neither goes below zero however many redemptions run at once (and the database checks both).
 */
@ApplicationScoped
public class PointsService {

    @Inject
    CommunityContext context;

    @Inject
    Lookup lookup;

    @Inject
    OwnRecord ownRecord;

    @Inject
    Profiles profiles;

    @Inject
    HoursService hours;

    @Inject
    InputValidator inputs;

    @Inject
    Pagination pagination;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    /** Runs in the caller's transaction. */
    public void earn(Long personId, int points, String reason, Long hoursId) {
        profiles.lock(personId);
        profiles.addPoints(personId, points);
        PointsEntry entry = new PointsEntry();
        entry.personId = personId;
        entry.points = points;
        entry.reason = reason;
        entry.hoursId = hoursId;
        entry.createdAt = OffsetDateTime.now();
        entry.persist();
    }

    @Transactional
    public Reward createReward(NewReward input) {
        inputs.validate("input", input);
        if (Reward.count("name", input.name().strip()) > 0) {
            throw new ConflictException(Msg.of("volunteer.points.rewardNamedExists", input.name().strip()));
        }
        Reward reward = new Reward();
        reward.name = input.name().strip();
        reward.description = input.description();
        reward.cost = input.cost();
        reward.stock = input.stock();
        reward.persist();
        audit.record(context.require(), "volunteer.reward-created", "volunteer-reward", reward.id,
                Map.of("cost", reward.cost, "stock", reward.stock));
        return reward;
    }

    public Connection<Reward> rewards(PageRequest page) {
        return pagination.page(Reward.class, "e.active = true", Map.of(), page, r -> r);
    }

    /** The caller redeems a reward: one of its stock, its cost from their balance. */
    @Transactional
    public PointsEntry redeem(Long rewardId) {
        Person me = ownRecord.require(Msg.of("volunteer.need.rewardsRedeemed"));
        Reward reward = lookup.require(Reward.class, rewardId, Msg.of("volunteer.thing.reward"));
        profiles.lock(me.id);
        int taken = em.createNativeQuery("update volunteer_rewards set stock = stock - 1, version = version + 1"
                + " where community_code = ?1 and id = ?2 and active and stock > 0")
                .setParameter(1, context.require()).setParameter(2, rewardId).executeUpdate();
        if (taken == 0) {
            throw new ConflictException(Msg.of("volunteer.points.outStock", reward.name)).withReason("OUT_OF_STOCK");
        }
        if (!profiles.addPoints(me.id, -reward.cost)) {
            // the stock taken above is given back by the rollback this exception causes
            throw new ConflictException(
                    Msg.of("volunteer.points.costsPointsYourBalance",
                            reward.name, reward.cost, balance(me.id))).withReason("INSUFFICIENT_POINTS");
        }
        PointsEntry entry = new PointsEntry();
        entry.personId = me.id;
        entry.points = -reward.cost;
        entry.reason = "Redeemed " + reward.name;
        entry.rewardId = reward.id;
        entry.createdAt = OffsetDateTime.now();
        entry.persist();
        audit.record(context.require(), "volunteer.reward-redeemed", "volunteer-reward", reward.id,
                Map.of("person", me.id, "cost", reward.cost));
        return entry;
    }

    public int balance(Long personId) {
        VolunteerProfile profile = VolunteerProfile.find("personId", personId).firstResult();
        return profile == null ? 0 : profile.pointsBalance;
    }

    /** A person's points ledger, newest last (paged by id). */
    public Connection<PointsEntry> ledger(Long personId, PageRequest page) {
        Long person = hours.readablePerson(personId);
        return pagination.page(PointsEntry.class, "e.personId = :person", Map.of("person", person), page, e -> e);
    }

    /** The caller chooses whether to appear on the leaderboard. */
    @Transactional
    public boolean setLeaderboardOptIn(boolean optIn) {
        Person me = ownRecord.require(Msg.of("volunteer.need.leaderboardListsPeople"));
        profiles.lock(me.id);
        em.createNativeQuery("update volunteer_profiles set leaderboard_opt_in = ?3, version = version + 1"
                + " where community_code = ?1 and person_id = ?2").setParameter(1, context.require())
                .setParameter(2, me.id).setParameter(3, optIn).executeUpdate();
        audit.record(context.require(), "volunteer.leaderboard-opt-in", "person", me.id, Map.of("optIn", optIn));
        return optIn;
    }
}
