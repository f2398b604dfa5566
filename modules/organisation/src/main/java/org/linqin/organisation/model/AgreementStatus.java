package org.linqin.organisation.model;

import org.eclipse.microprofile.graphql.Description;

@Description("Where a co-construction agreement stands. 协议状态")
public enum AgreementStatus {
    @Description("Being drafted; parties and commitments may change. 草拟")
    DRAFT,
    @Description("Signed by all parties. 已签署")
    SIGNED,
    @Description("No longer in force. 已终止")
    ENDED
}
