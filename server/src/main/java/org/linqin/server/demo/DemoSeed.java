package org.linqin.server.demo;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.linqin.core.community.model.Building;
import org.linqin.core.community.model.Community;
import org.linqin.core.community.model.Compound;
import org.linqin.core.community.model.Place;
import org.linqin.core.community.model.PlaceKind;
import org.linqin.core.module.LinqinModule;
import org.linqin.core.module.ModuleEnablement;
import org.linqin.core.module.ModuleRegistry;
import org.linqin.core.people.model.Person;
import org.linqin.core.tenancy.CommunityScope;

import io.quarkus.runtime.StartupEvent;

/**
 * Seeds the demo communities once, on the embedded database only: {@code changqing-6} from the case
 * (常青花园第六社区: Evergrande Yujing and a second compound, the service centre, the two Linqin Squares, one person
 * per demo user, every installed module enabled with its own demo data) and the small {@code demo-second}, which exists to show isolation between communities.
 */
@ApplicationScoped
public class DemoSeed {

    private static final Logger LOG = Logger.getLogger(DemoSeed.class);
    static final String ACTOR = "demo seed";

    @ConfigProperty(name = "linqin.embedded", defaultValue = "false")
    boolean embedded;

    @Inject
    CommunityScope scope;

    @Inject
    DemoUsers users;

    @Inject
    ModuleRegistry registry;

    void onStart(@Observes StartupEvent event) {
        if (!embedded) {
            return;
        }
        inCommunity("changqing-6", this::seedChangqing6);
        inCommunity("demo-second", this::seedSecond);
    }

    private void inCommunity(String code, Runnable seed) {
        scope.run(code, () -> {
            if (Community.findByCode(code) == null) {
                seed.run();
                LOG.infof("Seeded demo community %s", code);
            }
        });
    }

    private void seedChangqing6() {
        community("changqing-6", "常青花园第六社区 (Changqing Garden 6th Community)", "武汉市东西湖区",
                LocalDate.of(2017, 1, 1));
        Compound yujing = compound("恒大御景 (Evergrande Yujing)", "2022年交房的新建小区 (delivered in 2022)");
        Compound zone6 = compound("常青花园六区 (Changqing Garden Zone 6)", "demo compound");
        List<Building> yujingBuildings = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            yujingBuildings.add(building(yujing, i + "栋", List.of("1单元", "2单元"), 33));
        }
        for (int i = 1; i <= 3; i++) {
            building(zone6, i + "栋", List.of("1单元", "2单元", "3单元"), 7);
        }
        place("党群服务中心 (Party-mass service centre)", PlaceKind.SERVICE_CENTRE, null,
                "多功能活动室、舞蹈室、亲子活动室 (multi-function, dance and parent-child rooms)");
        place("邻亲广场一号 (Linqin Square 1)", PlaceKind.SQUARE, yujing, "居民活动广场 (residents' activity square)");
        place("邻亲广场二号 (Linqin Square 2)", PlaceKind.SQUARE, yujing, "居民活动广场 (residents' activity square)");
        people("changqing-6", yujingBuildings);
        awaitingVerification(yujingBuildings.get(5));
        for (LinqinModule module : registry.catalog().inDependencyOrder()) {
            enable("changqing-6", module.id());
            module.seedDemoData("changqing-6");
        }
    }

    private void seedSecond() {
        community("demo-second", "第二演示社区 (Second demo community)", "演示区 (demo district)", null);
        Compound compound = compound("示例小区 (Sample compound)", "demo compound");
        Building building = building(compound, "1栋", List.of("1单元"), 6);
        place("示例广场 (Sample square)", PlaceKind.SQUARE, compound, null);
        people("demo-second", List.of(building));
    }

    private static void community(String code, String name, String district, LocalDate founded) {
        Community community = new Community();
        community.code = code;
        community.name = name;
        community.district = district;
        community.foundedOn = founded;
        community.createdAt = OffsetDateTime.now();
        community.persist();
    }

    private static Compound compound(String name, String description) {
        Compound compound = new Compound();
        compound.name = name;
        compound.description = description;
        compound.persist();
        return compound;
    }

    private static Building building(Compound compound, String name, List<String> units, int floors) {
        Building building = new Building();
        building.compound = compound;
        building.name = name;
        building.units = new ArrayList<>(units);
        building.floors = floors;
        building.persist();
        return building;
    }

    private static void place(String name, PlaceKind kind, Compound compound, String description) {
        Place place = new Place();
        place.name = name;
        place.kind = kind;
        place.compound = compound;
        place.description = description;
        place.persist();
    }

    private void people(String community, List<Building> buildings) {
        int n = 0;
        for (DemoUser user : users.all()) {
            if (!community.equals(user.community())) {
                continue;
            }
            Person person = new Person();
            person.name = user.name();
            person.phone = user.phone();
            person.subject = user.subject();
            person.building = buildings.get(n % buildings.size());
            person.unit = person.building.units.get(0);
            person.household = (n % 30 + 1) + "01";
            person.persist();
            n++;
        }
    }

    /** The newcomer's record, with no login yet: they become its resident by phone (README, "Resident verification"). */
    private void awaitingVerification(Building building) {
        users.find("newcomer").ifPresent(user -> {
            Person person = new Person();
            person.name = user.name();
            person.phone = user.phone();
            person.building = building;
            person.unit = building.units.get(1);
            person.household = "1802";
            person.persist();
        });
    }

    private static void enable(String community, String module) {
        ModuleEnablement row = new ModuleEnablement();
        row.communityCode = community;
        row.moduleId = module;
        row.enabled = true;
        row.settings = new HashMap<>(Map.of());
        row.changedBy = ACTOR;
        row.changedAt = OffsetDateTime.now();
        row.persist();
    }
}
