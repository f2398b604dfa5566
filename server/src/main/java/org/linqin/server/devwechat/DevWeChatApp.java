package org.linqin.server.devwechat;

/** The one mini-program the stand-in knows: its app id and secret, which every call must present. */
public record DevWeChatApp(String appId, String secret) {

    public static final String DEFAULT_APP_ID = "wx-dev-linqin";
    public static final String DEFAULT_SECRET = "dev-wechat-secret";

    /** WeChat's answer to wrong credentials, or null when they are right. */
    public DevWeChatAnswer refusal(String appId, String secret) {
        if (!this.appId.equals(appId)) {
            return DevWeChatAnswer.error(40013, "invalid appid");
        }
        if (!this.secret.equals(secret)) {
            return DevWeChatAnswer.error(40125, "invalid appsecret");
        }
        return null;
    }
}
