package org.linqin.server.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;

import org.linqin.server.devwechat.DevWeChat;
import org.linqin.server.devwechat.DevWeChatAnswer;
import org.linqin.server.devwechat.DevWeChatApp;
import org.linqin.server.devwechat.DevWeChatRequest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The server's WeChat stand-in ({@link DevWeChat}, the same classes the embedded profile mounts at /dev/wechat/),
 * hosted on a JDK HTTP server for the tests: Keycloak calls it while the Quarkus application under test is not up
 * yet (it is started before Keycloak, whose realm import takes its URL).
 */
public final class DevWeChatServer implements AutoCloseable {

    private final HttpServer server;
    private final DevWeChat wechat;

    private DevWeChatServer(HttpServer server, DevWeChat wechat) {
        this.server = server;
        this.wechat = wechat;
    }

    public static DevWeChatServer start() throws IOException {
        DevWeChat wechat = new DevWeChat(new DevWeChatApp(DevWeChatApp.DEFAULT_APP_ID, DevWeChatApp.DEFAULT_SECRET),
                Clock.systemUTC());
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "dev-wechat");
            thread.setDaemon(true);
            return thread;
        }));
        DevWeChatServer host = new DevWeChatServer(server, wechat);
        server.createContext("/", host::handle);
        server.start();
        return host;
    }

    public String baseUrl() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    public DevWeChatApp app() {
        return wechat.app();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readNBytes(64 * 1024), StandardCharsets.UTF_8);
            DevWeChatAnswer answer = wechat.handle(new DevWeChatRequest(exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(), query(exchange.getRequestURI().getRawQuery()), body));
            byte[] json = answer.json().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), json.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(json);
            }
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.putIfAbsent(name, value);
        }
        return query;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
