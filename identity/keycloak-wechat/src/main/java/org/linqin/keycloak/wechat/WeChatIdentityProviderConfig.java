package org.linqin.keycloak.wechat;

import org.keycloak.models.IdentityProviderModel;

/**
 * The configuration of one mini-program, kept by Keycloak as an identity provider of type
 * {@value WeChatIdentityProviderFactory#PROVIDER_ID}: its WeChat app id and secret, and the base URL of WeChat's API
 * (changed only to point at a stand-in during development and tests).
 */
public class WeChatIdentityProviderConfig extends IdentityProviderModel {

    public static final String APP_ID = "appId";
    public static final String APP_SECRET = "appSecret";
    public static final String BASE_URL = "baseUrl";
    public static final String DEFAULT_BASE_URL = "https://api.weixin.qq.com";

    public WeChatIdentityProviderConfig() {
    }

    public WeChatIdentityProviderConfig(IdentityProviderModel model) {
        super(model);
    }

    public String getAppId() {
        return getConfig().get(APP_ID);
    }

    public String getAppSecret() {
        return getConfig().get(APP_SECRET);
    }

    public String getBaseUrl() {
        String url = getConfig().get(BASE_URL);
        if (url == null || url.isBlank()) {
            return DEFAULT_BASE_URL;
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
