package org.linqin.culturalevent.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;

@Name("CompetitionItemKind")
@Description("A competition item of a sports day. 比赛项目类型")
public enum ItemKind {
    @Description("Tug-of-war. 拔河")
    TUG_OF_WAR,
    @Description("Relay race. 接力")
    RELAY,
    @Description("Parent-child game. 亲子游戏")
    PARENT_CHILD_GAME,
    @Description("Ball game. 球类")
    BALL_GAME,
    @Description("Another item. 其他")
    OTHER
}
