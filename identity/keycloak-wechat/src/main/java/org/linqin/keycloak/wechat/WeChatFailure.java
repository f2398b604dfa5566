package org.linqin.keycloak.wechat;

/** Why a code could not be exchanged with WeChat; the grant turns each kind into its OAuth error. */
public class WeChatFailure extends Exception {

    public enum Kind {
        /** the code is invalid, expired or used already, or WeChat refuses this user: {@code invalid_grant} */
        REFUSED_CODE,
        /** WeChat could not be reached, was busy, or answered something unreadable: {@code temporarily_unavailable} */
        UNAVAILABLE,
        /** WeChat refused the mini-program's own credentials: {@code server_error}, for the operator to fix */
        CONFIGURATION
    }

    private final Kind kind;

    public WeChatFailure(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public WeChatFailure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
