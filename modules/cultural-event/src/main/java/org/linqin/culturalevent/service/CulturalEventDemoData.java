package org.linqin.culturalevent.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.linqin.core.community.model.Place;
import org.linqin.core.community.model.PlaceKind;
import org.linqin.core.community.service.PlaceHolds;
import org.linqin.core.people.model.Person;
import org.linqin.core.signup.SignUp;
import org.linqin.core.signup.SignUps;
import org.linqin.culturalevent.model.AgeGroup;
import org.linqin.culturalevent.model.CheckIn;
import org.linqin.culturalevent.model.CheckInList;
import org.linqin.culturalevent.model.ClosingReport;
import org.linqin.culturalevent.model.CompetitionItem;
import org.linqin.culturalevent.model.CompetitionResult;
import org.linqin.culturalevent.model.CulturalEvent;
import org.linqin.culturalevent.model.EventCategory;
import org.linqin.culturalevent.model.EventSeries;
import org.linqin.culturalevent.model.EventState;
import org.linqin.culturalevent.model.EventTeam;
import org.linqin.culturalevent.model.EventTeamMember;
import org.linqin.culturalevent.model.ItemKind;
import org.linqin.culturalevent.model.Organiser;
import org.linqin.culturalevent.model.OrganiserRole;
import org.linqin.culturalevent.model.Question;
import org.linqin.culturalevent.model.QuestionKind;
import org.linqin.culturalevent.model.Registration;
import org.linqin.culturalevent.model.RegistrationStage;
import org.linqin.culturalevent.model.SubEvent;
import org.linqin.culturalevent.model.TicketKind;
import org.linqin.culturalevent.model.Visibility;
import org.linqin.grid.spi.GridDirectory.GridRef;

/**
 * The case's festival, 邻亲邻里文化节, in three editions: the two past years closed with their reports, teams per grid
 * and results of the sports day (睦邻运动会), and this year's edition three weeks ahead, published with registration
 * open. Co-hosted (联办) by the party committee and the property company, co-organised (协办) by a unit.
 */
@ApplicationScoped
public class CulturalEventDemoData {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Inject
    SignUps signUps;

    @Inject
    EventNeighbours neighbours;

    @Inject
    PlaceHolds placeHolds;

    public void seed() {
        List<Person> people = Person.list("subject is not null order by id");
        if (people.isEmpty()) {
            return;
        }
        Place square = Place.<Place> find("kind = ?1 order by id", PlaceKind.SQUARE).firstResult();
        EventSeries festival = new EventSeries();
        festival.name = "邻亲邻里文化节";
        festival.description = "社区文化品牌，已连续举办三届。The community's neighbourhood festival, held three years running.";
        festival.createdAt = OffsetDateTime.now();
        festival.persist();
        LocalDate upcoming = LocalDate.now(ZONE).plusWeeks(3);
        for (int edition = 1; edition <= 3; edition++) {
            int year = upcoming.getYear() - 3 + edition;
            boolean past = edition < 3;
            LocalDate day = past ? LocalDate.of(year, 10, 12) : upcoming;
            edition(festival, edition, year, day, past, square, people);
        }
    }

    private void edition(EventSeries series, int number, int year, LocalDate day, boolean past, Place square,
            List<Person> people) {
        CulturalEvent event = new CulturalEvent();
        event.seriesId = series.id;
        event.editionYear = year;
        event.title = "第" + "一二三".charAt(number - 1) + "届邻亲邻里文化节";
        event.description = "开幕式、睦邻运动会与亲子游园。Opening, neighbourhood sports day and parent-child games.";
        event.category = EventCategory.FESTIVAL;
        event.contacts = "社区居委会 王委员";
        event.visibility = Visibility.PUBLIC;
        event.state = past ? EventState.CLOSED : EventState.PUBLISHED;
        event.waitingList = true;
        event.questions = new ArrayList<>(List.of(new Question("child_age", "孩子年龄 (child's age)", QuestionKind.NUMBER,
                false, null), new Question("shirt", "文化衫尺码 (shirt size)", QuestionKind.CHOICE, false,
                        List.of("S", "M", "L", "XL"))));
        event.createdBy = "demo data";
        event.createdAt = OffsetDateTime.now();
        event.publishedAt = event.createdAt;
        event.endedAt = past ? day.plusDays(1).atStartOfDay(ZONE).toOffsetDateTime() : null;
        event.persist();
        organiser(event, OrganiserRole.HOST, "长青社区党委 (community party committee)");
        organiser(event, OrganiserRole.CO_HOST, "邻亲物业 (property company)");
        organiser(event, OrganiserRole.CO_ORGANISER, "长青小学 (Changqing primary school)");
        SubEvent opening = subEvent(event, "开幕式 (opening)", day, 9, 10, square, past);
        if (!past && square != null) {
            opening.placeHoldId = placeHolds.hold(square.id, opening.startsAt, opening.endsAt,
                    EventService.HOLDER + opening.id, event.title + " · " + opening.title).id;
        }
        SubEvent sports = subEvent(event, "睦邻运动会 (sports day)", day, 10, 12, null, past);
        sports.venueName = "小区中心花园 (central garden)";
        SubEvent games = subEvent(event, "亲子游园 (parent-child games)", day, 14, 16, null, past);
        games.venueName = "长青小学操场 (school playground)";
        TicketKind openingTicket = ticket(opening, "普通 (general)", AgeGroup.ALL_AGES, 200, 1);
        ticket(sports, "普通 (general)", AgeGroup.ADULTS, 200, 1);
        TicketKind family = ticket(games, "亲子 (parent-child)", AgeGroup.FAMILIES, 40, 4);
        CheckInList gate = new CheckInList();
        gate.eventId = event.id;
        gate.name = "北门 (north gate)";
        gate.createdAt = event.createdAt;
        gate.persist();
        for (int i = 0; i < people.size(); i++) {
            Person person = people.get(i);
            Registration opened = register(event, openingTicket, person, 1);
            if (past && i % 3 != 2) {
                checkIn(gate, opened);
            }
            if (i % 2 == 0) {
                register(event, family, person, 3);
            }
        }
        teams(event, people, past);
        if (past) {
            ClosingReport report = new ClosingReport();
            report.eventId = event.id;
            report.summary = "活动圆满结束，参与居民逾千人次。The festival ended well; over a thousand took part.";
            report.organisations = new ArrayList<>(List.of("长青社区党委 (community party committee)",
                    "邻亲物业 (property company)", "长青小学 (Changqing primary school)"));
            report.registered = people.size() * 2;
            report.checkedIn = people.size() * 2 / 3;
            report.createdBy = "demo data";
            report.createdAt = event.endedAt;
            report.persist();
        }
    }

    private void teams(CulturalEvent event, List<Person> people, boolean past) {
        Map<Long, GridRef> grids = neighbours.gridsOfBuildings(people.stream().filter(p -> p.building != null)
                .map(p -> p.building.id).distinct().toList());
        CompetitionItem tug = item(event, "拔河 (tug-of-war)", ItemKind.TUG_OF_WAR);
        CompetitionItem relay = item(event, "接力 (relay)", ItemKind.RELAY);
        int rank = 1;
        for (GridRef grid : grids.values().stream().distinct().sorted((a, b) -> Long.compare(a.id(), b.id())).toList()) {
            List<Person> living = people.stream().filter(p -> p.building != null
                    && grid.equals(grids.get(p.building.id))).toList();
            if (living.isEmpty()) {
                continue;
            }
            EventTeam team = new EventTeam();
            team.eventId = event.id;
            team.gridId = grid.id();
            team.gridName = grid.name();
            team.name = grid.name() + "队";
            team.captainPersonId = living.get(0).id;
            team.createdAt = event.createdAt;
            team.persist();
            for (Person person : living) {
                EventTeamMember member = new EventTeamMember();
                member.eventId = event.id;
                member.teamId = team.id;
                member.personId = person.id;
                member.joinedAt = event.createdAt;
                member.persist();
            }
            if (past) {
                result(tug, team, rank, 10 - rank);
                result(relay, team, rank + 1, 9 - rank);
            }
            rank++;
        }
    }

    private static void organiser(CulturalEvent event, OrganiserRole role, String name) {
        Organiser organiser = new Organiser();
        organiser.eventId = event.id;
        organiser.role = role;
        organiser.name = name;
        organiser.persist();
    }

    private static SubEvent subEvent(CulturalEvent event, String title, LocalDate day, int from, int to, Place place,
            boolean past) {
        SubEvent sub = new SubEvent();
        sub.eventId = event.id;
        sub.title = title;
        sub.startsAt = day.atTime(from, 0).atZone(ZONE).toOffsetDateTime();
        sub.endsAt = day.atTime(to, 0).atZone(ZONE).toOffsetDateTime();
        if (place != null) {
            sub.placeId = place.id;
            sub.venueName = place.name;
        }
        sub.persist();
        return sub;
    }

    private TicketKind ticket(SubEvent sub, String name, AgeGroup group, int quota, int maxParty) {
        TicketKind ticket = new TicketKind();
        ticket.subEventId = sub.id;
        ticket.name = name;
        ticket.ageGroup = group;
        ticket.maxPartySize = maxParty;
        ticket.listId = signUps.open(quota, true, 24).id;
        ticket.persist();
        return ticket;
    }

    private Registration register(CulturalEvent event, TicketKind ticket, Person person, int party) {
        SignUp signUp = signUps.take(ticket.listId, person.id, party);
        Registration registration = new Registration();
        registration.eventId = event.id;
        registration.subEventId = ticket.subEventId;
        registration.ticketKindId = ticket.id;
        registration.personId = person.id;
        registration.partySize = party;
        registration.state = RegistrationStage.PLACED;
        registration.signUpId = signUp.id;
        registration.ticketCode = RegistrationService.newTicketCode();
        registration.createdAt = event.createdAt;
        registration.persist();
        return registration;
    }

    private void checkIn(CheckInList list, Registration registration) {
        CheckIn checkIn = new CheckIn();
        checkIn.listId = list.id;
        checkIn.registrationId = registration.id;
        checkIn.firstEntry = true;
        checkIn.checkedInAt = OffsetDateTime.now();
        checkIn.checkedInBy = "demo data";
        checkIn.persist();
    }

    private static CompetitionItem item(CulturalEvent event, String name, ItemKind kind) {
        CompetitionItem item = new CompetitionItem();
        item.eventId = event.id;
        item.name = name;
        item.kind = kind;
        item.createdAt = event.createdAt;
        item.persist();
        return item;
    }

    private static void result(CompetitionItem item, EventTeam team, int rank, int points) {
        CompetitionResult result = new CompetitionResult();
        result.itemId = item.id;
        result.teamId = team.id;
        result.rank = rank;
        result.points = Math.max(points, 0);
        result.recordedAt = OffsetDateTime.now();
        result.persist();
    }
}
