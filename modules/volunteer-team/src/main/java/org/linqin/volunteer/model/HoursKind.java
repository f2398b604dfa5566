package org.linqin.volunteer.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;

@Name("VolunteerHoursKind")
@Description("How hours came into the ledger (时长类型).")
public enum HoursKind {
    @Description("From check-in and check-out of a shift (信用时长). 信用时长")
    VERIFIED,
    @Description("Entered afterwards by a leader with a reason; counts once a community admin approves (荣誉时长). 补录时长")
    BACKFILLED,
    @Description("A correction of an earlier entry, positive or negative; entries are never edited. 更正")
    CORRECTION;
}
