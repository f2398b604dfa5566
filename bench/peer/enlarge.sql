-- Enlarges the demo community changqing-6 to the size of the peer measurements: 20 more compounds of 20 buildings
-- (22 compounds, about 410 buildings in all), each compound with its party committee, two branches, a party group
-- per building and a party-member household per building (about 1,030 organisation units in all). Runs once: it
-- does nothing when the compounds exist.
do $$
declare
  committee bigint;
  compound bigint;
  compound_committee bigint;
  branch bigint;
  building bigint;
  party_group bigint;
begin
  if exists (select 1 from compounds where community_code = 'changqing-6' and name = 'bench-compound-1') then
    return;
  end if;
  select id into committee from org_units
   where community_code = 'changqing-6' and kind = 'COMMUNITY_PARTY_COMMITTEE' and dissolved_on is null;
  for c in 1..20 loop
    compound := nextval('linqin_id_seq');
    insert into compounds (id, community_code, name) values (compound, 'changqing-6', 'bench-compound-' || c);
    compound_committee := nextval('linqin_id_seq');
    insert into org_units (id, community_code, name, kind, parent_id, compound_id)
    values (compound_committee, 'changqing-6', 'bench-committee-' || c, 'COMPOUND_PARTY_COMMITTEE', committee, compound);
    for b in 1..20 loop
      if b % 10 = 1 then
        branch := nextval('linqin_id_seq');
        insert into org_units (id, community_code, name, kind, parent_id, compound_id)
        values (branch, 'changqing-6', 'bench-branch-' || c || '-' || b, 'COMPOUND_PARTY_BRANCH', compound_committee, compound);
      end if;
      building := nextval('linqin_id_seq');
      insert into buildings (id, community_code, compound_id, name, units, floors)
      values (building, 'changqing-6', compound, b || '栋', array['1单元', '2单元'], 18);
      party_group := nextval('linqin_id_seq');
      insert into org_units (id, community_code, name, kind, parent_id, compound_id, building_id)
      values (party_group, 'changqing-6', 'bench-group-' || c || '-' || b, 'PARTY_GROUP', branch, compound, building);
      insert into org_units (id, community_code, name, kind, parent_id, compound_id, building_id, unit, household)
      values (nextval('linqin_id_seq'), 'changqing-6', 'bench-household-' || c || '-' || b, 'PARTY_MEMBER_HOUSEHOLD',
              party_group, compound, building, '1单元', '101');
    end loop;
  end loop;
end $$;
analyze;
