'use strict';
const { LinqinError } = require('./errors');

/** wx.request as a promise: resolves with { statusCode, data, header } for any HTTP answer, rejects without one. */
function request(wx, options) {
  return new Promise((resolve, reject) => {
    wx.request(Object.assign({}, options, {
      success: (response) => resolve(response),
      fail: (failure) => reject(new LinqinError('NETWORK', (failure && failure.errMsg) || 'request failed',
        { url: options.url })),
    }));
  });
}

/** wx.login as a promise: resolves with the one-time code (valid 5 minutes). */
function login(wx) {
  return new Promise((resolve, reject) => {
    wx.login({
      success: (answer) => (answer && answer.code ? resolve(answer.code)
        : reject(new LinqinError('WX_LOGIN', 'wx.login gave no code'))),
      fail: (failure) => reject(new LinqinError('WX_LOGIN', (failure && failure.errMsg) || 'wx.login failed')),
    });
  });
}

/** application/x-www-form-urlencoded, as the token endpoint takes it. */
function form(fields) {
  return Object.keys(fields).filter((key) => fields[key] !== undefined && fields[key] !== null)
    .map((key) => encodeURIComponent(key) + '=' + encodeURIComponent(fields[key])).join('&');
}

module.exports = { request, login, form };
