package org.linqin.keycloak.wechat;

import java.util.List;

import org.keycloak.broker.provider.AbstractIdentityProviderFactory;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** Registers the identity provider type {@value #PROVIDER_ID} (one instance per mini-program). */
public class WeChatIdentityProviderFactory extends AbstractIdentityProviderFactory<WeChatIdentityProvider> {

    public static final String PROVIDER_ID = "wechat-miniprogram";

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getName() {
        return "WeChat mini-program";
    }

    @Override
    public WeChatIdentityProvider create(KeycloakSession session, IdentityProviderModel model) {
        return new WeChatIdentityProvider(session, new WeChatIdentityProviderConfig(model));
    }

    @Override
    public WeChatIdentityProviderConfig createConfig() {
        return new WeChatIdentityProviderConfig();
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property().name(WeChatIdentityProviderConfig.APP_ID).label("App ID (AppID)")
                .helpText("The mini-program's AppID from the WeChat admin console")
                .type(ProviderConfigProperty.STRING_TYPE).add()
                .property().name(WeChatIdentityProviderConfig.APP_SECRET).label("App secret (AppSecret)")
                .helpText("The mini-program's AppSecret").type(ProviderConfigProperty.PASSWORD).secret(true).add()
                .property().name(WeChatIdentityProviderConfig.BASE_URL).label("WeChat API base URL")
                .helpText("Default " + WeChatIdentityProviderConfig.DEFAULT_BASE_URL
                        + "; a development stand-in only for local runs and tests")
                .type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(WeChatIdentityProviderConfig.DEFAULT_BASE_URL).add()
                .build();
    }
}
