'use strict';
const { LinqinError } = require('./errors');
const { sha256 } = require('./sha256');
const wxp = require('./wx-promise');

/**
 * GraphQL over HTTP with wx.request: Authorization, X-Community and Accept-Language on every request, and automatic
 * persisted queries (Apollo's protocol): the document's SHA-256 is sent first, the document itself only when the
 * server answers PersistedQueryNotFound; a server that answers PersistedQueryNotSupported gets whole documents
 * from then on.
 */
class GraphQLClient {
  constructor(config, session) {
    this.wx = config.wx;
    this.url = config.url;
    this.persisted = config.persistedQueries;
    this.headers = config.headers;
    this.session = session;
    this.hashes = {};
  }

  /**
   * Resolves with the GraphQL answer ({ data, errors }) as the server sent it; rejects with a LinqinError only when
   * there is none (network, 401 after a refresh, an answer that is not JSON).
   * @param document the operation text, or { query, sha256Hash } with a hash computed beforehand
   */
  request(document, variables, options) {
    const query = typeof document === 'string' ? document : document.query;
    const hash = this.persisted ? (document.sha256Hash || this.hash(query)) : null;
    const operation = { query, hash, variables: variables || {}, options: options || {} };
    return this.session.accessToken().then((token) => this.send(operation, token, !hash, false));
  }

  hash(query) {
    if (!Object.prototype.hasOwnProperty.call(this.hashes, query)) {
      this.hashes[query] = sha256(query);
    }
    return this.hashes[query];
  }

  send(operation, token, withDocument, retried) {
    const body = { variables: operation.variables };
    if (operation.options.operationName) {
      body.operationName = operation.options.operationName;
    }
    if (withDocument || !operation.hash) {
      body.query = operation.query;
    }
    if (operation.hash && this.persisted) {
      body.extensions = { persistedQuery: { version: 1, sha256Hash: operation.hash } };
    }
    const header = Object.assign({ 'content-type': 'application/json', accept: 'application/json' }, this.headers(),
      operation.options.header || {});
    if (token) {
      header.Authorization = 'Bearer ' + token;
    }
    return wxp.request(this.wx, { url: this.url, method: 'POST', header, data: body, dataType: 'json' })
      .then((response) => {
        if (response.statusCode === 401 && token && !retried) {
          // Expired early, or the session ended at Keycloak: one refresh, one more try.
          return this.session.renewAfterRejection(token)
            .then((fresh) => this.send(operation, fresh, withDocument, true));
        }
        const result = typeof response.data === 'string' ? parse(response.data) : response.data;
        if (!result || typeof result !== 'object' || (!('data' in result) && !('errors' in result))) {
          throw new LinqinError(response.statusCode === 401 ? 'UNAUTHENTICATED' : 'BAD_RESPONSE',
            'HTTP ' + response.statusCode + ' without a GraphQL answer', { status: response.statusCode });
        }
        if (operation.hash && !withDocument && hasCode(result, 'PERSISTED_QUERY_NOT_FOUND')) {
          return this.send(operation, token, true, retried);
        }
        if (operation.hash && hasCode(result, 'PERSISTED_QUERY_NOT_SUPPORTED')) {
          this.persisted = false;
          return this.send(operation, token, true, retried);
        }
        return result;
      });
  }
}

function hasCode(result, code) {
  return Array.isArray(result.errors) && result.errors.some((error) => error && error.extensions
    && error.extensions.code === code);
}

function parse(text) {
  try {
    return JSON.parse(text);
  } catch (e) {
    return null;
  }
}

module.exports = { GraphQLClient };
