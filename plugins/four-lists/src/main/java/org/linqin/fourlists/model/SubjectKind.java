package org.linqin.fourlists.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;

@Name("FourListsSubjectKind")
@Description("What a timeline entry is about. 记录对象")
public enum SubjectKind {
    @Description("A wish. 愿望")
    WISH,
    @Description("A task. 任务")
    TASK,
    @Description("A micro project. 项目")
    PROJECT
}
