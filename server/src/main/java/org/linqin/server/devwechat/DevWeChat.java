package org.linqin.server.devwechat;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The development stand-in of WeChat's server API, independent of the HTTP server that hosts it (the Linqin server
 * under {@code /dev/wechat/} in the embedded profile, a JDK HTTP server in the tests). Each endpoint is a
 * {@code "METHOD /path"} mapped to a handler; unknown ones answer WeChat's "invalid url".
 */
public class DevWeChat {

    private final DevWeChatApp app;
    private final Map<String, Function<DevWeChatRequest, DevWeChatAnswer>> endpoints = new LinkedHashMap<>();

    public DevWeChat(DevWeChatApp app, Clock clock) {
        this.app = app;
        DevWeChatCodeSessions codes = new DevWeChatCodeSessions(app, clock);
        endpoints.put("GET /sns/jscode2session", codes::jscode2session);
        DevWeChatPhoneNumbers phones = new DevWeChatPhoneNumbers(app, clock);
        endpoints.put("POST /cgi-bin/stable_token", phones::stableToken);
        endpoints.put("POST /wxa/business/getuserphonenumber", phones::phoneNumber);
    }

    public DevWeChatApp app() {
        return app;
    }

    /** The endpoints, each as {@code "METHOD /path"}. */
    public Set<String> endpoints() {
        return endpoints.keySet();
    }

    public DevWeChatAnswer handle(DevWeChatRequest request) {
        Function<DevWeChatRequest, DevWeChatAnswer> endpoint = endpoints.get(request.method() + " " + request.path());
        return endpoint == null ? new DevWeChatAnswer(404, DevWeChatAnswer.error(40066, "invalid url").json())
                : endpoint.apply(request);
    }
}
