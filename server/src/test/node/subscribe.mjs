// A browser's graphql-ws client against the server: connection parameters carry the token and community (a browser
// cannot set headers on a WebSocket), one operation is subscribed, and optionally a mutation is sent over HTTP once
// subscribed. Prints one JSON line per event (connected, next, error, complete, closed, triggered, timeout).
//   LINQIN_URL  http://host:port/graphql       QUERY, VARIABLES (JSON)   PARAMS (JSON connection parameters)
//   TRIGGER, TRIGGER_VARIABLES (JSON), TRIGGER_TOKEN, TRIGGER_COMMUNITY: the mutation sent over HTTP
//   HEADER_TOKEN: a token in the upgrade request's Authorization header instead (as a native client may send it)
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const env = process.env;
const log = (event) => console.log(JSON.stringify(event));
let finished = false;
const finish = (code) => {
  if (!finished) {
    finished = true;
    setTimeout(() => process.exit(code), 100);
  }
};

const client = createClient({
  url: env.LINQIN_URL.replace(/^http/, 'ws'),
  webSocketImpl: env.HEADER_TOKEN ? class extends WebSocket {
    constructor(url, protocols) {
      super(url, protocols, { headers: { Authorization: 'Bearer ' + env.HEADER_TOKEN } });
    }
  } : WebSocket,
  retryAttempts: 0,
  connectionParams: () => JSON.parse(env.PARAMS || '{}'),
  on: {
    connected: () => {
      log({ event: 'connected' });
      if (env.TRIGGER) setTimeout(trigger, 700);
    },
    closed: (e) => log({ event: 'closed', code: e.code, reason: e.reason }),
  },
});

async function trigger() {
  const headers = { 'content-type': 'application/json', authorization: 'Bearer ' + env.TRIGGER_TOKEN };
  if (env.TRIGGER_COMMUNITY) headers['x-community'] = env.TRIGGER_COMMUNITY;
  const response = await fetch(env.LINQIN_URL, { method: 'POST', headers,
    body: JSON.stringify({ query: env.TRIGGER, variables: JSON.parse(env.TRIGGER_VARIABLES || '{}') }) });
  log({ event: 'triggered', status: response.status, body: await response.json() });
}

client.subscribe({ query: env.QUERY, variables: JSON.parse(env.VARIABLES || '{}') }, {
  next: (result) => {
    log({ event: 'next', result });
    finish(0);
  },
  error: (e) => {
    log({ event: 'error', code: e?.code, reason: e?.reason, errors: Array.isArray(e) ? e : undefined,
      message: e instanceof Error ? e.message : undefined });
    finish(0);
  },
  complete: () => {
    log({ event: 'complete' });
    finish(0);
  },
});

setTimeout(() => {
  log({ event: 'timeout' });
  finish(0);
}, Number(env.TIMEOUT_MS || 15000));
