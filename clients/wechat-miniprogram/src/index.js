'use strict';
const { LinqinError } = require('./errors');
const { GraphQLClient } = require('./graphql');
const { Session, WECHAT_GRANT } = require('./session');
const { Subscriptions } = require('./subscriptions');
const { sha256 } = require('./sha256');

/**
 * A Linqin client for a WeChat mini-program.
 *
 *   const linqin = createClient({
 *     url: 'https://api.example.org/graphql',           // wss://…/graphql for live changes
 *     tokenUrl: 'https://id.example.org/realms/linqin/protocol/openid-connect/token',
 *     community: 'changqing-6',                          // X-Community
 *   });
 *   linqin.signIn().then(() => linqin.request('query Me { me { username roles } }'));
 *
 * Options: clientId ('linqin-miniprogram'), revokeUrl (tokenUrl with /revoke instead of /token), wsUrl, language
 * ('zh-CN', sent as Accept-Language), persistedQueries (true), storageKey ('linqin.tokens'), refreshMargin (30000 ms),
 * silentSignIn (true: when the session is lost, sign in again with wx.login, which needs no user action),
 * retry ({ initialDelay: 1000, maxDelay: 30000, attempts: Infinity }), ackTimeout (10000 ms), wx (the global wx),
 * code (a function giving the sign-in code instead of wx.login: development against the WeChat stand-in only).
 */
function createClient(options) {
  if (!options || !options.url || !options.tokenUrl) {
    throw new LinqinError('CONFIG', 'createClient needs url and tokenUrl');
  }
  const wx = options.wx || globalWx();
  let community = options.community || null;
  let language = options.language || 'zh-CN';
  const headers = () => {
    const header = { 'Accept-Language': language };
    if (community) {
      header['X-Community'] = community;
    }
    return header;
  };
  const session = new Session({
    wx,
    tokenUrl: options.tokenUrl,
    revokeUrl: options.revokeUrl || options.tokenUrl.replace(/\/token$/, '/revoke'),
    clientId: options.clientId || 'linqin-miniprogram',
    storageKey: options.storageKey || 'linqin.tokens',
    refreshMargin: options.refreshMargin === undefined ? 30000 : options.refreshMargin,
    silentSignIn: options.silentSignIn !== false,
    now: options.now || Date.now,
    code: options.code,
  });
  const graphql = new GraphQLClient({
    wx,
    url: options.url,
    persistedQueries: options.persistedQueries !== false,
    headers,
  }, session);
  const subscriptions = new Subscriptions({
    wx,
    url: options.wsUrl || options.url.replace(/^http/, 'ws'),
    headers: () => ({ 'Accept-Language': language }),
    community: () => community,
    retry: Object.assign({ initialDelay: 1000, maxDelay: 30000, attempts: Infinity }, options.retry || {}),
    ackTimeout: options.ackTimeout || 10000,
  }, session);

  return {
    /** wx.login, then Keycloak's token endpoint; resolves with the stored tokens. */
    signIn: () => session.signIn(),
    /** Revokes the refresh token at Keycloak, forgets the tokens and closes the socket. */
    signOut: () => {
      subscriptions.close();
      return session.signOut();
    },
    signedIn: () => session.tokens() !== null,
    /** The stored tokens ({ accessToken, refreshToken, expiresAt, ... }) or null. */
    tokens: () => session.tokens(),
    /** Stores tokens obtained another way (a Keycloak token answer or the stored shape). */
    setTokens: (tokens) => session.setTokens(tokens),
    /** A fresh access token (refreshed when about to expire), or null when signed out. */
    accessToken: () => session.accessToken(),
    refresh: () => session.refresh(),
    /** GraphQL query or mutation: resolves with { data, errors }. */
    request: (document, variables, requestOptions) => graphql.request(document, variables, requestOptions),
    /** Live changes: returns the function that unsubscribes. */
    subscribe: (document, variables, sink) => subscriptions.subscribe({
      query: typeof document === 'string' ? document : document.query,
      variables: variables || {},
    }, sink),
    community: () => community,
    /** Addresses another community from now on (requests and a new socket). */
    setCommunity: (code) => {
      community = code || null;
      subscriptions.restart();
    },
    setLanguage: (tag) => {
      language = tag;
    },
    /** listener(event, detail): tokens, refreshing, signedOut (session); connected, closed, reconnecting (socket). */
    on: (listener) => {
      const offSession = session.on(listener);
      const offSocket = subscriptions.on(listener);
      return () => {
        offSession();
        offSocket();
      };
    },
    /** Closes the socket (open subscriptions complete). */
    close: () => subscriptions.close(),
  };
}

function globalWx() {
  /* global wx */
  if (typeof wx === 'undefined') {
    throw new LinqinError('CONFIG', 'No wx: pass options.wx outside a mini-program');
  }
  return wx;
}

module.exports = { createClient, LinqinError, sha256, WECHAT_GRANT };
