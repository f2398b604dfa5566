// A stand-in of the WeChat mini-program API (the parts the Linqin client kit uses) for Node.js: wx.request over
// fetch, wx.connectSocket over ws, wx.login answering codes the test chooses, and the synchronous storage. Every
// HTTP exchange and socket event is recorded in `log`, so a test can check what went over the wire.
import WebSocket from 'ws';

export function createWx({ codes = () => 'no-code', log = [] } = {}) {
  const storage = new Map();
  return {
    log,
    storage,

    login({ success, fail }) {
      Promise.resolve().then(() => codes()).then((code) => success({ code, errMsg: 'login:ok' }),
        (e) => fail({ errMsg: 'login:fail ' + e.message }));
    },

    // wx serialises stored values, so a stored object is a copy; a missing key reads as ''.
    setStorageSync(key, value) {
      storage.set(key, JSON.stringify(value));
    },
    getStorageSync(key) {
      return storage.has(key) ? JSON.parse(storage.get(key)) : '';
    },
    removeStorageSync(key) {
      storage.delete(key);
    },

    request({ url, method = 'GET', header = {}, data, dataType = 'json', success, fail }) {
      const type = Object.entries(header).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? 'application/json';
      let body;
      if (data !== undefined && method !== 'GET') {
        body = typeof data === 'string' ? data : type.includes('json') ? JSON.stringify(data)
          : new URLSearchParams(data).toString();
      }
      const entry = { kind: 'request', url, method, header, body: parse(body) ?? body };
      log.push(entry);
      fetch(url, { method, headers: header, body }).then(async (response) => {
        const text = await response.text();
        const answer = dataType === 'json' ? parse(text) ?? text : text;
        entry.status = response.status;
        entry.answer = answer;
        success({ statusCode: response.status, data: answer, header: Object.fromEntries(response.headers),
          errMsg: 'request:ok' });
      }, (e) => {
        entry.failed = e.message;
        fail({ errMsg: 'request:fail ' + e.message });
      });
    },

    connectSocket({ url, header = {}, protocols = [] }) {
      const socket = new WebSocket(url, protocols, { headers: header });
      const entry = { kind: 'socket', url, header, protocols, sent: [], received: [] };
      log.push(entry);
      const on = (event, handler) => socket.on(event, handler);
      return {
        onOpen: (cb) => on('open', () => {
          entry.protocol = socket.protocol;
          cb({});
        }),
        onMessage: (cb) => on('message', (data) => {
          entry.received.push(parse(data.toString()));
          cb({ data: data.toString() });
        }),
        onClose: (cb) => on('close', (code, reason) => {
          entry.closed = { code, reason: reason.toString() };
          cb({ code, reason: reason.toString() });
        }),
        onError: (cb) => on('error', (e) => cb({ errMsg: e.message })),
        send: ({ data }) => {
          entry.sent.push(parse(data));
          socket.send(data);
        },
        close: ({ code = 1000, reason = '' } = {}) => {
          if (socket.readyState === WebSocket.CONNECTING) {
            socket.terminate();
          } else {
            socket.close(code, reason);
          }
        },
      };
    },
  };
}

function parse(text) {
  if (typeof text !== 'string') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
