package org.linqin.core.people.api;

import org.linqin.core.security.OwnAccount;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.linqin.core.community.api.BuildingView;
import org.linqin.core.community.model.Building;
import org.linqin.core.graphql.Connection;
import org.linqin.core.graphql.PageRequest;
import org.linqin.core.people.service.PersonInput;
import org.linqin.core.people.service.PersonService;
import org.linqin.core.people.service.VisiblePerson;
import org.linqin.core.security.Caller;
import org.linqin.core.security.Roles;
import org.linqin.core.tenancy.CommunityContext;

import io.quarkus.security.Authenticated;

@GraphQLApi
public class PersonApi {

    @Inject
    PersonService people;

    @Inject
    Caller caller;

    @Inject
    CommunityContext context;

    @OwnAccount
    @Query
    @Authenticated
    @Description("Who the caller is: roles in force and own record. Any signed-in caller. 当前用户")
    public MeView me() {
        VisiblePerson self = people.me();
        return new MeView(caller.subject(), caller.username(), context.addressed().orElse(null),
                caller.roles().stream().sorted().toList(),
                List.copyOf(context.memberships().communities()),
                self == null ? null : PersonView.of(self));
    }

    @Query
    @RolesAllowed({ Roles.COMMUNITY_ADMIN, Roles.COMMITTEE_MEMBER, Roles.GRID_WORKER, Roles.PART_TIME_GRID_WORKER,
            Roles.PROPERTY_STAFF, Roles.BUILDING_LEADER })
    @Description("People of the addressed community, by id. Staff; phones masked except for admins, committee "
            + "members and grid workers, whose full reads are audited. 人员列表")
    public Connection<PersonView> people(@Description("Page size, 1 to 100 (default 20).") Integer first,
            @Description("Cursor after which the page starts.") String after,
            @Description("Only people whose name contains this text.") String nameContains) {
        return people.list(PageRequest.of(first, after), nameContains).map(PersonView::of);
    }

    @Query
    @Authenticated
    @Description("A person of the addressed community. Staff, or the person themselves. 人员")
    public PersonView person(@NonNull @Id Long id) {
        return PersonView.of(people.find(id));
    }

    @Description("The building the person lives in (batched). 所住楼栋")
    public List<BuildingView> building(@Source List<PersonView> persons) {
        Map<Long, Building> byId = people.buildingsById(
                persons.stream().map(PersonView::buildingId).filter(Objects::nonNull).toList());
        return persons.stream().map(p -> p.buildingId() == null ? null : BuildingView.of(byId.get(p.buildingId())))
                .toList();
    }

    @Mutation
    @RolesAllowed(Roles.COMMUNITY_ADMIN)
    @Description("Records a person in the addressed community. Community admins; audited. 新增人员")
    public PersonView createPerson(@NonNull PersonInput input) {
        return PersonView.of(people.create(input));
    }

    @Mutation
    @RolesAllowed(Roles.COMMUNITY_ADMIN)
    @Description("Edits a person's record. Community admins; audited. 修改人员")
    public PersonView updatePerson(@NonNull @Id Long id, @NonNull PersonInput input) {
        return PersonView.of(people.update(id, input));
    }
}
