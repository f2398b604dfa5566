package org.linqin.volunteer.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;

@Name("VolunteerActivityKind")
@Description("What an activity is (活动类型).")
public enum ActivityKind {
    @Description("A patrol round. 巡查")
    PATROL,
    @Description("School escort. 护学")
    SCHOOL_ESCORT,
    @Description("Support at an event. 活动保障")
    EVENT_SUPPORT,
    @Description("Training. 培训")
    TRAINING,
    @Description("Another service to residents. 便民服务")
    SERVICE;
}
