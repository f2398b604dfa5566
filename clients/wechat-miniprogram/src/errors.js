'use strict';

/**
 * A failure that is not a GraphQL answer: the network, the token endpoint (code = the OAuth error, e.g.
 * invalid_grant), a socket closed for good (code = SOCKET_CLOSED, closeCode = 4401, 4403, ...), or an answer that is
 * not JSON. GraphQL errors (FORBIDDEN, VALIDATION_FAILED, ...) are not thrown: they come in the answer's `errors`.
 */
class LinqinError extends Error {
  constructor(code, message, details) {
    super(message || code);
    this.name = 'LinqinError';
    this.code = code;
    if (details) {
      Object.keys(details).forEach((key) => {
        this[key] = details[key];
      });
    }
  }
}

module.exports = { LinqinError };
