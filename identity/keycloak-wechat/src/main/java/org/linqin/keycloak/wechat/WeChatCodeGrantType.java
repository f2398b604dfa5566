package org.linqin.keycloak.wechat;

import java.util.Set;

import jakarta.ws.rs.core.Response;

import org.keycloak.OAuth2Constants;
import org.keycloak.OAuthErrorException;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.TokenManager;
import org.keycloak.protocol.oidc.grants.OAuth2GrantTypeBase;
import org.keycloak.services.CorsErrorResponseException;
import org.keycloak.services.Urls;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.managers.AuthenticationSessionManager;
import org.keycloak.services.managers.UserSessionManager;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.sessions.RootAuthenticationSessionModel;

/**
 * The token grant of WeChat mini-programs: {@code grant_type=urn:linqin:params:oauth:grant-type:wechat-code},
 * {@code client_id}, {@code code} (from {@code wx.login}). The code is exchanged at WeChat's jscode2session with the
 * app id and secret of the client's identity provider; the openid finds the user by the federated identity link, or
 * a user is created with the link; the answer is Keycloak's usual token answer with a refresh token of a normal user
 * session (refresh, rotation, revocation and logout work as for any sign-in).
 * <p>
 * Only clients with the attribute {@value #ENABLED_ATTRIBUTE} = true may use it; the attribute
 * {@value #PROVIDER_ATTRIBUTE} names their identity provider (default {@value #DEFAULT_PROVIDER}). WeChat is asked
 * before anything is written, so a refused code or an unreachable WeChat creates nothing.
 */
public class WeChatCodeGrantType extends OAuth2GrantTypeBase {

    public static final String GRANT_TYPE = "urn:linqin:params:oauth:grant-type:wechat-code";
    public static final String ENABLED_ATTRIBUTE = "linqin.wechat.code-grant.enabled";
    public static final String PROVIDER_ATTRIBUTE = "linqin.wechat.identity-provider";
    public static final String DEFAULT_PROVIDER = "wechat-miniprogram";
    /** wx.login codes are 32 characters; anything much longer is not one. */
    private static final int MAX_CODE_LENGTH = 256;

    @Override
    public Response process(Context context) {
        setContext(context);
        event.detail(Details.AUTH_METHOD, "wechat-code");
        if (!Boolean.parseBoolean(client.getAttribute(ENABLED_ATTRIBUTE))) {
            event.detail(Details.REASON, "client not enabled for the WeChat code grant");
            event.error(Errors.NOT_ALLOWED);
            throw error(OAuthErrorException.UNAUTHORIZED_CLIENT,
                    "Client not allowed to use the WeChat code grant", Response.Status.BAD_REQUEST);
        }
        String code = formParams.getFirst(OAuth2Constants.CODE);
        if (code == null || code.isBlank()) {
            event.error(Errors.INVALID_CODE);
            throw error(OAuthErrorException.INVALID_REQUEST, "Missing parameter: code", Response.Status.BAD_REQUEST);
        }
        if (code.length() > MAX_CODE_LENGTH) {
            event.error(Errors.INVALID_CODE);
            throw error(OAuthErrorException.INVALID_GRANT, "Invalid WeChat code", Response.Status.BAD_REQUEST);
        }
        WeChatIdentityProviderConfig provider = provider();
        String scope = getRequestedScopes();
        WeChatSession wechat = exchange(provider, code);

        event.detail(Details.IDENTITY_PROVIDER, provider.getAlias());
        event.detail(Details.IDENTITY_PROVIDER_USERNAME, wechat.openid());
        WeChatUsers users = new WeChatUsers(session, realm);
        UserModel user = users.find(provider.getAlias(), wechat);
        if (user == null) {
            user = users.create(provider.getAlias(), wechat);
            event.detail(Details.REGISTER_METHOD, "wechat-code");
        } else if (!user.isEnabled()) {
            event.user(user);
            event.error(Errors.USER_DISABLED);
            throw error(OAuthErrorException.INVALID_GRANT, "Account disabled", Response.Status.BAD_REQUEST);
        }
        users.remember(user, wechat);
        event.user(user).detail(Details.USERNAME, user.getUsername());

        RootAuthenticationSessionModel root = new AuthenticationSessionManager(session)
                .createAuthenticationSession(realm, false);
        AuthenticationSessionModel authSession = root.createAuthenticationSession(client);
        authSession.setAuthenticatedUser(user);
        authSession.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        authSession.setClientNote(OIDCLoginProtocol.ISSUER,
                Urls.realmIssuer(session.getContext().getUri().getBaseUri(), realm.getName()));
        authSession.setClientNote(OIDCLoginProtocol.SCOPE_PARAM, scope);
        UserSessionModel userSession = new UserSessionManager(session).createUserSession(root.getId(), realm, user,
                user.getUsername(), clientConnection.getRemoteHost(), "wechat-code", false, null, null,
                UserSessionModel.SessionPersistenceState.PERSISTENT);
        userSession.setNote(Details.IDENTITY_PROVIDER, provider.getAlias());
        updateUserSessionFromClientAuth(userSession);
        event.session(userSession);
        AuthenticationManager.setClientScopesInSession(session, authSession);
        ClientSessionContext clientSessionContext = TokenManager.attachAuthenticationSession(session, userSession,
                authSession);
        return createTokenResponse(user, userSession, clientSessionContext, scope, false, null);
    }

    private WeChatIdentityProviderConfig provider() {
        String alias = client.getAttribute(PROVIDER_ATTRIBUTE);
        IdentityProviderModel model = session.identityProviders()
                .getByAlias(alias == null || alias.isBlank() ? DEFAULT_PROVIDER : alias);
        if (model == null || !model.isEnabled()
                || !WeChatIdentityProviderFactory.PROVIDER_ID.equals(model.getProviderId())) {
            event.detail(Details.REASON, "no enabled WeChat identity provider for this client");
            event.error(Errors.IDENTITY_PROVIDER_ERROR);
            throw error(OAuthErrorException.UNAUTHORIZED_CLIENT, "WeChat sign-in is not set up for this client",
                    Response.Status.BAD_REQUEST);
        }
        return new WeChatIdentityProviderConfig(model);
    }

    private WeChatSession exchange(WeChatIdentityProviderConfig provider, String code) {
        try {
            return new WeChatCodeExchange(session).exchange(provider, code);
        } catch (WeChatFailure failure) {
            event.detail(Details.REASON, failure.getMessage());
            switch (failure.kind()) {
                case REFUSED_CODE -> {
                    event.error(Errors.INVALID_CODE);
                    throw error(OAuthErrorException.INVALID_GRANT, "WeChat code invalid, expired or used already",
                            Response.Status.BAD_REQUEST);
                }
                case UNAVAILABLE -> {
                    event.error(Errors.IDENTITY_PROVIDER_ERROR);
                    throw error(OAuthErrorException.TEMPORARILY_UNAVAILABLE,
                            "WeChat could not be reached; try again with a new code",
                            Response.Status.SERVICE_UNAVAILABLE);
                }
                default -> {
                    event.error(Errors.IDENTITY_PROVIDER_ERROR);
                    throw error(OAuthErrorException.SERVER_ERROR,
                            "WeChat refused this mini-program's credentials", Response.Status.INTERNAL_SERVER_ERROR);
                }
            }
        }
    }

    private CorsErrorResponseException error(String error, String description, Response.Status status) {
        return new CorsErrorResponseException(cors, error, description, status);
    }

    @Override
    public EventType getEventType() {
        return EventType.LOGIN;
    }

    @Override
    public Set<String> getTokenParameterNames() {
        return Set.of(OAuth2Constants.CODE);
    }
}
