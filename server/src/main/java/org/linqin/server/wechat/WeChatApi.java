package org.linqin.server.wechat;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The two WeChat server API calls the phone exchange needs. Answers are read as text: WeChat does not always label
 * its JSON as such.
 */
@Path("")
public interface WeChatApi {

    /** {@code {"grant_type":"client_credential","appid","secret"}} to {@code {"access_token","expires_in"}}. */
    @POST
    @Path("/cgi-bin/stable_token")
    @Consumes(MediaType.APPLICATION_JSON)
    String stableToken(String body);

    /** {@code {"code"}} to {@code {"errcode":0,"phone_info":{…}}} or an error code. */
    @POST
    @Path("/wxa/business/getuserphonenumber")
    @Consumes(MediaType.APPLICATION_JSON)
    String userPhoneNumber(@QueryParam("access_token") String accessToken, String body);
}
