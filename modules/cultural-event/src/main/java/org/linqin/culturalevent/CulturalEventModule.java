package org.linqin.culturalevent;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.linqin.core.module.LinqinModule;
import org.linqin.core.module.SettingDefinition;
import org.linqin.culturalevent.service.CulturalEventDemoData;

/**
 * Descriptor of the cultural-event module (文化活动): events and festival series with editions, venues, registration
 * with quotas and a waiting list with timed offers, tickets and check-in lists, teams by grid with results, closing
 * reports and feedback. Works alone; uses facility-booking, grid, organisation, volunteer-team and the notice board
 * where a community has them on.
 */
@ApplicationScoped
public class CulturalEventModule implements LinqinModule {

    public static final String ID = "cultural-event";
    public static final String OFFER_HOURS = "offer-hours";
    public static final String FEEDBACK_DAYS = "feedback-days";

    @Inject
    CulturalEventDemoData demo;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Cultural events";
    }

    @Override
    public String nameZh() {
        return "文化活动";
    }

    @Override
    public String description() {
        return "Events and festivals with editions by year, venues booked without clashes, registration with quotas, "
                + "approval and a waiting list with timed offers, tickets and check-in, teams by grid with results, "
                + "closing reports and feedback.";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    /** Rooms (facility-booking), teams by grid (grid), organisers as units (organisation), stewards (volunteer-team). */
    @Override
    public Set<String> uses() {
        return Set.of("facility-booking", "grid", "organisation", "volunteer-team", "notice-board");
    }

    @Override
    public List<SettingDefinition> settings() {
        return List.of(
                SettingDefinition.integer(OFFER_HOURS, "A place freed for the next on the waiting list is held for them this long, hours. 候补递补保留时长", 24, 1, 168),
                SettingDefinition.integer(FEEDBACK_DAYS, "Attendees give feedback until this many days after the event ends. 评价期限（天）", 14, 1, 90));
    }

    @Override
    public void seedDemoData(String communityCode) {
        demo.seed();
    }
}
