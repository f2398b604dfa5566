package org.linqin.core.events;

/**
 * A kernel extension point: somewhere to tell the community's residents about something (a notice board). A module
 * or plugin that shows announcements implements it as a CDI bean; callers (an event being published) ask every
 * implementation whose module is enabled in the addressed community, and carry on unchanged where none is.
 */
public interface Announcements {

    /** The id of the module or plugin that shows them, e.g. {@code notice-board}. */
    String moduleId();

    /** Publishes an announcement in the addressed community, in the caller's transaction, as the caller. */
    void announce(String title, String body);
}
