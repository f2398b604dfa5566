package org.linqin.fourlists.service;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.linqin.core.persistence.Lookup;
import org.linqin.fourlists.model.SubjectKind;
import org.linqin.fourlists.model.TimelineEntry;

/** Writes and reads the histories of wishes, tasks and projects (one table, never edited). */
@ApplicationScoped
public class Timeline {

    @Inject
    EntityManager em;

    @Inject
    Lookup lookup;

    public TimelineEntry add(SubjectKind kind, Long subjectId, String actor, Enum<?> state, Integer progress,
            String note) {
        TimelineEntry entry = new TimelineEntry();
        entry.subjectKind = kind;
        entry.subjectId = subjectId;
        entry.at = OffsetDateTime.now();
        entry.actor = actor.length() > 200 ? actor.substring(0, 200) : actor;
        entry.state = state.name();
        entry.progress = progress;
        entry.note = note;
        entry.persist();
        return entry;
    }

    /** The histories of the subjects, in the order of the ids; one statement. */
    public List<List<TimelineEntry>> of(SubjectKind kind, List<Long> subjectIds) {
        return lookup.grouped(em.createQuery("from TimelineEntry where subjectKind = ?2 and subjectId in ?1"
                + " order by id", TimelineEntry.class).setParameter(2, kind), subjectIds, e -> e.subjectId);
    }
}
