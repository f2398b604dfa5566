package org.linqin.core.tenancy;

import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.linqin.core.graphql.NotFoundException;
import org.linqin.core.graphql.ValidationFailedException;
import org.linqin.core.i18n.Msg;
import org.linqin.core.security.CommunityMemberships;
import org.linqin.core.security.CommunityRolesAugmentor;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

/**
 * The community this request addresses (the tenant): the {@code X-Community} header, else the caller's only
 * community. Jobs and start-up tasks that run outside an HTTP request name it with {@link #use(String)}
 * before they touch the database.
 */
@RequestScoped
public class CommunityContext {

    /** Tenant id used when no community is addressed: matches no row. */
    public static final String NO_COMMUNITY = "-";
    public static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    @Inject
    SecurityIdentity identity;

    @Inject
    CurrentVertxRequest request;

    @Inject
    CommunityDirectory directory;

    private String explicit;

    /** Addresses {@code communityCode} for the rest of this request context (for jobs and seeding). */
    public void use(String communityCode) {
        this.explicit = communityCode;
    }

    public Optional<String> addressed() {
        if (explicit != null) {
            return Optional.of(explicit);
        }
        return memberships().addressed(header());
    }

    /**
     * The {@code X-Community} header must be a community code exactly: no surrounding spaces, lower-case letters,
     * digits and single hyphens. Anything else is refused rather than guessed at.
     */
    public void checkHeader() {
        String header = header();
        if (header != null && !CODE.matcher(header).matches()) {
            throw ValidationFailedException.of(CommunityRolesAugmentor.COMMUNITY_HEADER,
                    Msg.of("core.communityContext.mustCommunityCodeExactly"));
        }
    }

    private String header() {
        return request.getCurrent() == null ? null
                : request.getCurrent().request().getHeader(CommunityRolesAugmentor.COMMUNITY_HEADER);
    }

    /** The tenant id for Hibernate: the addressed community, or {@link #NO_COMMUNITY}. */
    public String tenantId() {
        return addressed().filter(code -> CODE.matcher(code).matches()).orElse(NO_COMMUNITY);
    }

    /** The addressed community, which must exist; otherwise a clear error that says how to address one. */
    public String require() {
        String code = addressed().orElseThrow(this::noneAddressed);
        if (!CODE.matcher(code).matches() || !directory.exists(code)) {
            throw new NotFoundException(Msg.of("core.thing.community"), code);
        }
        return code;
    }

    /** The error for a request that addresses no community, saying how to address one. */
    public ValidationFailedException noneAddressed() {
        return ValidationFailedException.of(CommunityRolesAugmentor.COMMUNITY_HEADER,
                memberships().communities().isEmpty() ? Msg.of("core.communityContext.headerRequired")
                        : Msg.of("core.communityContext.headerRequiredSeveral", memberships().communities()));
    }

    /**
     * For fields of a community object that read community-owned rows: they are served only for the addressed
     * community, since the tenant filter shows that community's rows alone.
     */
    public void requireAddressed(String communityCode) {
        if (!communityCode.equals(require())) {
            throw ValidationFailedException.of(CommunityRolesAugmentor.COMMUNITY_HEADER,
                    Msg.of("core.communityContext.mustReadCommunityS", communityCode));
        }
    }

    public CommunityMemberships memberships() {
        CommunityMemberships memberships = identity.getAttribute(CommunityMemberships.ATTRIBUTE);
        return memberships == null ? CommunityMemberships.NONE : memberships;
    }
}
