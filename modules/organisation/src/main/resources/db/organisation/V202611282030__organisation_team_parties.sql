-- A party of a co-construction agreement is an organisation unit or a volunteer team (kept by the volunteer-team
-- module, so no foreign key here; the service checks it through the module's extension point).
alter table org_agreement_parties alter column unit_id drop not null;
alter table org_agreement_parties add column team_id bigint;
alter table org_agreement_parties add constraint org_agreement_parties_one_party
    check ((unit_id is null) <> (team_id is null));
