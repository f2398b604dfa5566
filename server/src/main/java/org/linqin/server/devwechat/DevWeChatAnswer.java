package org.linqin.server.devwechat;

import io.vertx.core.json.JsonObject;

/** The stand-in's answer: WeChat answers HTTP 200 with a JSON body, errors included (errcode/errmsg). */
public record DevWeChatAnswer(int status, String json) {

    public static DevWeChatAnswer ok(JsonObject body) {
        return new DevWeChatAnswer(200, body.encode());
    }

    public static DevWeChatAnswer error(int errcode, String errmsg) {
        return ok(new JsonObject().put("errcode", errcode).put("errmsg", errmsg));
    }
}
