package org.linqin.keycloak.wechat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The Keycloak user of a WeChat user: found by the federated identity link (identity provider alias, user id =
 * openid), created on first sign-in with the username {@code wechat-<openid>} (lower-cased, as Keycloak keeps
 * usernames) and the link. The unionid, when WeChat sends one, is kept in the attribute {@value #UNIONID}.
 */
public class WeChatUsers {

    public static final String UNIONID = "wechat_unionid";

    private final KeycloakSession session;
    private final RealmModel realm;

    public WeChatUsers(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    public UserModel find(String alias, WeChatSession wechat) {
        return session.users().getUserByFederatedIdentity(realm,
                new FederatedIdentityModel(alias, wechat.openid(), null));
    }

    public UserModel create(String alias, WeChatSession wechat) {
        String username = username(wechat.openid());
        UserModel user = session.users().addUser(realm, username);
        user.setEnabled(true);
        session.users().addFederatedIdentity(realm, user,
                new FederatedIdentityModel(alias, wechat.openid(), username));
        return user;
    }

    /** Keeps the unionid WeChat sent (it may appear later, once the mini-program is bound to an open platform). */
    public void remember(UserModel user, WeChatSession wechat) {
        if (wechat.unionid() != null && !Objects.equals(wechat.unionid(), user.getFirstAttribute(UNIONID))) {
            user.setSingleAttribute(UNIONID, wechat.unionid());
        }
    }

    /**
     * {@code wechat-<openid>} lower-cased. openids are case-sensitive, so two of them may meet in lower case: the
     * second then gets a suffix from a hash of its exact openid (the link, not the username, identifies the user).
     */
    private String username(String openid) {
        String username = "wechat-" + openid.toLowerCase(Locale.ROOT);
        if (session.users().getUserByUsername(realm, username) == null) {
            return username;
        }
        return username + "-" + sha256(openid).substring(0, 10);
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
