package org.linqin.culturalevent.model;

/**
 * What the registration itself records; once PLACED, its kernel sign-up tells the rest (confirmed, waiting, offered,
 * expired, cancelled). The API shows both as one {@link RegistrationState}.
 */
public enum RegistrationStage {
    PENDING, DECLINED, WITHDRAWN, PLACED
}
