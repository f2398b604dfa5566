package org.linqin.keycloak.wechat;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.protocol.oidc.grants.OAuth2GrantType;
import org.keycloak.protocol.oidc.grants.OAuth2GrantTypeFactory;

/**
 * Registers the grant {@value WeChatCodeGrantType#GRANT_TYPE} at the realm's token endpoint (Keycloak looks grant
 * types up by the factory id, which is the grant_type value).
 */
public class WeChatCodeGrantTypeFactory implements OAuth2GrantTypeFactory {

    @Override
    public String getId() {
        return WeChatCodeGrantType.GRANT_TYPE;
    }

    /** Keycloak encodes the grant of each token in its id with this two-letter shortcut; it must be unique. */
    @Override
    public String getShortcut() {
        return "wx";
    }

    @Override
    public OAuth2GrantType create(KeycloakSession session) {
        return new WeChatCodeGrantType();
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
