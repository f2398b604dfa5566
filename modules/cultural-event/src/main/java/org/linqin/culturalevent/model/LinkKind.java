package org.linqin.culturalevent.model;

/** What an {@link EventLink} points at. */
public enum LinkKind {
    STEWARD_SHIFT, INCIDENT
}
