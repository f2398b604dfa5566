// Where the example talks to. A real mini-program lists both origins as legal domains (request 合法域名 for the API
// and Keycloak, socket 合法域名 for the API) in the mini-program admin console; WeChat then calls HTTPS/WSS only.
// For local work in WeChat DevTools, tick "不校验合法域名、web-view（业务域名）、TLS 版本以及 HTTPS 证书"
// (do not check legal domains).
module.exports = {
  url: 'http://localhost:8080/graphql',
  tokenUrl: 'http://localhost:8180/realms/linqin/protocol/openid-connect/token',
  community: 'changqing-6',
  // Development only, against the server's WeChat stand-in (never in a release): sign in as this user key instead of
  // with wx.login, whose real codes the stand-in does not know. The same key signs in as the same user again.
  devUser: '',
};
