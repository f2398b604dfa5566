package org.linqin.core.module;

import org.eclipse.microprofile.graphql.Description;

@Description("The type of a module setting's value. 模块设置类型")
public enum SettingType {
    @Description("Free text within a maximum length. 文本")
    STRING,
    @Description("A whole number within a range. 整数")
    INTEGER,
    @Description("true or false. 布尔")
    BOOLEAN,
    @Description("One of a fixed list of values. 枚举")
    CHOICE,
    @Description("Comma-separated values, each from a fixed list. 多选")
    CHOICE_LIST
}
