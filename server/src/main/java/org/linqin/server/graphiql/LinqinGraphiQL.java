package org.linqin.server.graphiql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * GraphiQL as Linqin's: the stock GraphiQL assets of SmallRye stay, but the page and its start script are ours. It
 * opens with a Linqin example query and a headers template ({@code Authorization}, {@code X-Community},
 * {@code Accept-Language}), keeps the headers in the browser's storage across reloads and never in the page URL,
 * sends them in {@code connection_init} for subscriptions, and says how to get a token (the development issuer
 * where it is on, Keycloak otherwise).
 */
@ApplicationScoped
public class LinqinGraphiQL {

    static final String DEV_COMMUNITY = "changqing-6";

    @ConfigProperty(name = "quarkus.http.non-application-root-path", defaultValue = "q")
    String nonApplicationRoot;

    @ConfigProperty(name = "quarkus.smallrye-graphql.ui.root-path", defaultValue = "graphql-ui")
    String uiPath;

    @ConfigProperty(name = "quarkus.smallrye-graphql.root-path", defaultValue = "graphql")
    String apiPath;

    @ConfigProperty(name = "linqin.dev-issuer.enabled", defaultValue = "false")
    boolean devIssuer;

    void routes(@Observes Router router) {
        String ui = "/" + strip(nonApplicationRoot) + "/" + strip(uiPath);
        Buffer page = Buffer.buffer(resource("graphiql/index.html"));
        Buffer script = Buffer.buffer(resource("graphiql/linqin.js"));
        Buffer settings = Buffer.buffer("window.LINQIN_GRAPHIQL = " + settings().encodePrettily() + ";\n");
        // Ordered before the stock UI's static files, which would otherwise answer these paths.
        // Vert.x matches the path with and without its trailing slash; the page's relative links need the slash.
        router.get(ui).order(-100).handler(context -> {
            if (context.request().path().endsWith("/")) {
                send(context, "text/html", page);
            } else {
                context.redirect(ui + "/");
            }
        });
        router.get(ui + "/index.html").order(-100).handler(context -> send(context, "text/html", page));
        router.get(ui + "/linqin.js").order(-100).handler(context -> send(context, "text/javascript", script));
        router.get(ui + "/linqin-settings.js").order(-100)
                .handler(context -> send(context, "text/javascript", settings));
    }

    JsonObject settings() {
        // Header values must be ISO-8859-1 for the browser's fetch: the placeholders stay ASCII.
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer <access token>");
        headers.put("X-Community", devIssuer ? DEV_COMMUNITY : "<community code>");
        headers.put("Accept-Language", "zh-CN");
        return new JsonObject()
                .put("api", "/" + strip(apiPath))
                .put("defaultHeaders", new JsonObject(headers).encodePrettily())
                .put("defaultQuery", defaultQuery());
    }

    private String defaultQuery() {
        String token = devIssuer
                ? """
                # In this development server, get a token for a demo user (see the README for the users):
                # 开发环境中，用演示用户获取令牌（用户列表见 README）：
                #   curl -s -X POST http://localhost:8080/dev/token -d username=community-admin
                """
                : """
                # Get an access token from Keycloak (realm linqin, client linqin-web; see the README).
                # 从 Keycloak 获取访问令牌（realm linqin，客户端 linqin-web，见 README）。
                """;
        return """
                # Linqin GraphQL · 邻亲
                #
                # Paste the access token into the Headers tab below ("Bearer <token>"), and name the community with
                # X-Community. Headers stay in this browser, never in the page address.
                # 在下方 Headers 中填入访问令牌（"Bearer <令牌>"），用 X-Community 指定社区。请求头只保存在本浏览器，不会写入页面地址。
                """ + token + """
                #
                # Public data answers without a token too; WhoAmI needs one. 公开数据无需令牌；WhoAmI 需要令牌。

                query CommunityAtAGlance {
                  community {
                    code
                    name
                    compounds(first: 5) {
                      totalCount
                      edges { node { name buildings { name } } }
                    }
                  }
                }

                query WhoAmI {
                  me { username community roles }
                }
                """;
    }

    private static void send(RoutingContext context, String type, Buffer body) {
        context.response()
                .putHeader("Content-Type", type + "; charset=utf-8")
                .putHeader("Cache-Control", "no-cache")
                .end(body);
    }

    private static String strip(String path) {
        return path.replaceAll("^/+|/+$", "");
    }

    private static byte[] resource(String name) {
        try (InputStream in = LinqinGraphiQL.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
