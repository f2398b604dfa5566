package org.linqin.core.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an operation about the caller's own account rather than the addressed community's data (e.g.
 * {@code me}): any signed-in caller may call it, member of the addressed community or not. Without this (or
 * {@code @PermitAll}, which declares an operation public), only members of the addressed community and platform
 * admins reach an operation or field; see {@link CommunityAccess}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface OwnAccount {
}
