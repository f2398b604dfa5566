'use strict';
const { Emitter } = require('./emitter');
const { LinqinError } = require('./errors');
const wxp = require('./wx-promise');

const WECHAT_GRANT = 'urn:linqin:params:oauth:grant-type:wechat-code';

/**
 * The signed-in state: Keycloak's tokens in wx storage, so they survive a restart of the mini-program.
 * Stored shape: { accessToken, refreshToken, expiresAt, lifetime, refreshExpiresAt } (milliseconds since the epoch;
 * refreshExpiresAt 0 when Keycloak gives no limit).
 *
 * Refresh: an access token is refreshed shortly before it expires (refreshMargin, at most half its lifetime), and
 * once more when the server answers 401. Only one refresh is ever in flight: with refresh-token rotation the refresh
 * token is single-use, so two refreshes at once would make the second fail and sign the user out.
 *
 * Events: 'tokens', 'refreshing' and 'signedOut'.
 */
class Session extends Emitter {
  constructor(config) {
    super();
    this.wx = config.wx;
    this.tokenUrl = config.tokenUrl;
    this.revokeUrl = config.revokeUrl;
    this.clientId = config.clientId;
    this.storageKey = config.storageKey;
    this.refreshMargin = config.refreshMargin;
    this.silentSignIn = config.silentSignIn;
    this.now = config.now;
    this.code = config.code || (() => wxp.login(this.wx));
    this.inFlight = null;
  }

  /** The stored tokens, or null when signed out. */
  tokens() {
    const stored = this.wx.getStorageSync(this.storageKey);
    return stored && typeof stored === 'object' && stored.accessToken ? stored : null;
  }

  /** Stores tokens obtained elsewhere (a Keycloak token answer, or the stored shape). */
  setTokens(answer) {
    const tokens = answer.access_token ? this.fromAnswer(answer, null) : answer;
    this.wx.setStorageSync(this.storageKey, tokens);
    this.emit('tokens', tokens);
    return tokens;
  }

  /** Signs in: the code of wx.login (or of the code option) goes to Keycloak's token endpoint; tokens are stored. */
  signIn() {
    return Promise.resolve().then(() => this.code())
      .then((code) => this.tokenCall({ grant_type: WECHAT_GRANT, client_id: this.clientId, code }))
      .then((answer) => this.store(answer, null));
  }

  /** The access token to send now, refreshed first when it is about to expire; null when signed out. */
  accessToken() {
    const tokens = this.tokens();
    if (!tokens) {
      return Promise.resolve(null);
    }
    const margin = Math.min(this.refreshMargin, tokens.lifetime / 2);
    if (this.now() < tokens.expiresAt - margin) {
      return Promise.resolve(tokens.accessToken);
    }
    return this.refresh().then((fresh) => (fresh ? fresh.accessToken : null));
  }

  /**
   * After the server refused the access token `rejected`: a fresh access token, refreshed unless another caller
   * already did
   * (several requests refused with the same token share one refresh).
   */
  renewAfterRejection(rejected) {
    const tokens = this.tokens();
    if (tokens && tokens.accessToken !== rejected) {
      return Promise.resolve(tokens.accessToken);
    }
    return this.refresh().then((fresh) => (fresh ? fresh.accessToken : null));
  }

  /** Refreshes the tokens; concurrent callers share the one refresh in flight. */
  refresh() {
    if (!this.inFlight) {
      this.inFlight = this.doRefresh().then((tokens) => {
        this.inFlight = null;
        return tokens;
      }, (failure) => {
        this.inFlight = null;
        throw failure;
      });
    }
    return this.inFlight;
  }

  doRefresh() {
    const tokens = this.tokens();
    const expired = !tokens || !tokens.refreshToken
      || (tokens.refreshExpiresAt && this.now() >= tokens.refreshExpiresAt);
    if (expired) {
      return this.lost(new LinqinError('invalid_grant', 'No refresh token, or it expired'));
    }
    this.emit('refreshing', tokens);
    return this.tokenCall({ grant_type: 'refresh_token', client_id: this.clientId, refresh_token: tokens.refreshToken })
      .then((answer) => this.store(answer, tokens), (failure) => {
        // invalid_grant: the refresh token expired, was revoked or was already used. Network failures keep the
        // tokens: the next call tries again.
        if (failure.code === 'invalid_grant') {
          return this.lost(failure);
        }
        throw failure;
      });
  }

  /** The session is gone: forget it, then sign in again with wx.login when allowed (no user action needed). */
  lost(failure) {
    this.wx.removeStorageSync(this.storageKey);
    this.emit('signedOut', failure);
    if (this.silentSignIn) {
      return this.signIn();
    }
    return Promise.reject(failure);
  }

  /** Signs out: the refresh token is revoked at Keycloak (ending the session) and the stored tokens forgotten. */
  signOut() {
    const tokens = this.tokens();
    this.wx.removeStorageSync(this.storageKey);
    this.emit('signedOut', null);
    if (!tokens || !tokens.refreshToken) {
      return Promise.resolve();
    }
    return wxp.request(this.wx, {
      url: this.revokeUrl,
      method: 'POST',
      header: { 'content-type': 'application/x-www-form-urlencoded' },
      data: wxp.form({ token: tokens.refreshToken, token_type_hint: 'refresh_token', client_id: this.clientId }),
    }).then((response) => {
      if (response.statusCode !== 200) {
        throw new LinqinError('REVOKE_FAILED', 'Keycloak did not revoke the token (HTTP ' + response.statusCode + ')',
          { status: response.statusCode });
      }
    });
  }

  tokenCall(fields) {
    return wxp.request(this.wx, {
      url: this.tokenUrl,
      method: 'POST',
      header: { 'content-type': 'application/x-www-form-urlencoded' },
      data: wxp.form(fields),
    }).then((response) => {
      const body = typeof response.data === 'string' ? parse(response.data) : response.data;
      if (response.statusCode === 200 && body && body.access_token) {
        return body;
      }
      const code = (body && body.error) || 'TOKEN_ENDPOINT';
      throw new LinqinError(code, (body && body.error_description) || 'HTTP ' + response.statusCode,
        { status: response.statusCode });
    });
  }

  /** Stores a token answer; with rotation the answer's refresh token replaces the old one, which is now spent. */
  store(answer, previous) {
    const tokens = this.fromAnswer(answer, previous);
    this.wx.setStorageSync(this.storageKey, tokens);
    this.emit('tokens', tokens);
    return tokens;
  }

  fromAnswer(answer, previous) {
    const now = this.now();
    const lifetime = Number(answer.expires_in) * 1000;
    return {
      accessToken: answer.access_token,
      refreshToken: answer.refresh_token || (previous ? previous.refreshToken : null),
      expiresAt: now + lifetime,
      lifetime,
      refreshExpiresAt: answer.refresh_expires_in ? now + Number(answer.refresh_expires_in) * 1000
        : (answer.refresh_token || !previous ? 0 : previous.refreshExpiresAt),
    };
  }
}

function parse(text) {
  try {
    return JSON.parse(text);
  } catch (e) {
    return null;
  }
}

module.exports = { Session, WECHAT_GRANT };
