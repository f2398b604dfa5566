package org.linqin.server.devwechat;

import java.util.Map;

/** One HTTP request to the WeChat stand-in, whichever server hosts it: method, path below the mount, query, body. */
public record DevWeChatRequest(String method, String path, Map<String, String> query, String body) {

    public String param(String name) {
        return query.get(name);
    }
}
