package org.linqin.keycloak.wechat;

/**
 * Who a {@code wx.login} code belongs to, as WeChat's jscode2session answers: the {@code openid} (per mini-program)
 * and, when the mini-program is bound to an open platform account, the {@code unionid} (else null). WeChat's
 * {@code session_key} is deliberately not kept: nothing here needs it, and it must never leave the server side.
 */
public record WeChatSession(String openid, String unionid) {
}
