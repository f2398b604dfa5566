package org.linqin.noticeboard.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.linqin.core.events.Announcements;
import org.linqin.noticeboard.NoticeBoardModule;

/** Announcements of other modules (e.g. a published event) become unpinned notices. */
@ApplicationScoped
public class NoticeAnnouncements implements Announcements {

    @Inject
    NoticeService notices;

    @Override
    public String moduleId() {
        return NoticeBoardModule.ID;
    }

    @Override
    public void announce(String title, String body) {
        notices.publish(new NoticeInput(title.length() > 200 ? title.substring(0, 200) : title,
                body.length() > 10000 ? body.substring(0, 10000) : body, false));
    }
}
