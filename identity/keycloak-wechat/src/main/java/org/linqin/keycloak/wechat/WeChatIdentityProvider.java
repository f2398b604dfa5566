package org.linqin.keycloak.wechat;

import jakarta.ws.rs.core.Response;

import org.keycloak.broker.provider.AbstractIdentityProvider;
import org.keycloak.broker.provider.AuthenticationRequest;
import org.keycloak.broker.provider.IdentityBrokerException;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;

/**
 * A WeChat mini-program as an identity provider. It names the federated identity link of WeChat users (user id =
 * their {@code openid}) and holds the mini-program's configuration; sign-in goes through the token grant
 * ({@link WeChatCodeGrantType}), never through a browser, so the browser login of this provider is refused.
 */
public class WeChatIdentityProvider extends AbstractIdentityProvider<WeChatIdentityProviderConfig> {

    public WeChatIdentityProvider(KeycloakSession session, WeChatIdentityProviderConfig config) {
        super(session, config);
    }

    @Override
    public Response performLogin(AuthenticationRequest request) {
        throw new IdentityBrokerException("WeChat mini-programs sign in with the token grant "
                + WeChatCodeGrantType.GRANT_TYPE + ", not through a browser");
    }

    /** WeChat's tokens (session_key) are never kept, so there is nothing to hand out. */
    @Override
    public Response retrieveToken(KeycloakSession session, FederatedIdentityModel identity) {
        return Response.status(Response.Status.NOT_FOUND).build();
    }

    @Override
    public Response retrieveToken(KeycloakSession session, FederatedIdentityModel identity,
            UserSessionModel userSession, UserModel user) {
        return retrieveToken(session, identity);
    }
}
