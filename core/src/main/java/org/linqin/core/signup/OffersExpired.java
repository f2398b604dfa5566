package org.linqin.core.signup;

import java.util.Set;

/**
 * A CDI event fired inside the transaction of the kernel's offer expiry: the lists whose offers expired (and whose
 * seats may have gone to the next in line), for the modules that keep them to tell their subscribers.
 */
public record OffersExpired(String communityCode, Set<Long> listIds) {
}
