package org.linqin.booking.model;

import java.time.DayOfWeek;

import org.eclipse.microprofile.graphql.Description;

@Description("Day of the week. 星期")
public enum Weekday {
    @Description("Monday. 星期一")
    MONDAY,
    @Description("Tuesday. 星期二")
    TUESDAY,
    @Description("Wednesday. 星期三")
    WEDNESDAY,
    @Description("Thursday. 星期四")
    THURSDAY,
    @Description("Friday. 星期五")
    FRIDAY,
    @Description("Saturday. 星期六")
    SATURDAY,
    @Description("Sunday. 星期日")
    SUNDAY;

    public DayOfWeek toDayOfWeek() {
        return DayOfWeek.valueOf(name());
    }

    public static Weekday of(DayOfWeek day) {
        return valueOf(day.name());
    }
}
