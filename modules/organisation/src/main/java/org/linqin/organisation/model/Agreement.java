package org.linqin.organisation.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import org.linqin.core.persistence.CommunityOwnedEntity;

/**
 * A co-construction agreement (共建协议) between organisation units (and volunteer teams, where that module is on),
 * each party with its commitments: what it shares and what it does.
 */
@Entity
@Table(name = "org_agreements")
public class Agreement extends CommunityOwnedEntity {

    @Column(nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AgreementStatus status = AgreementStatus.DRAFT;

    @Column(name = "signed_on")
    public LocalDate signedOn;

    @Column(name = "ended_on")
    public LocalDate endedOn;

    @ElementCollection(fetch = FetchType.EAGER) // always shown with the agreement; loaded in batches
    @CollectionTable(name = "org_agreement_parties", joinColumns = @JoinColumn(name = "agreement_id"))
    @OrderColumn(name = "position")
    public List<Party> parties = new ArrayList<>();

    /** One party of the agreement and what it commits to. */
    @Embeddable
    public static class Party {
        /** The organisation unit, or null when the party is a team. */
        @Column(name = "unit_id")
        public Long unitId;

        /** The volunteer team (volunteer-team module), or null when the party is a unit. */
        @Column(name = "team_id")
        public Long teamId;

        @Column(nullable = false)
        public String commitments;

        public Party() {
        }

        public Party(Long unitId, Long teamId, String commitments) {
            this.unitId = unitId;
            this.teamId = teamId;
            this.commitments = commitments;
        }
    }
}
