'use strict';
const { Emitter } = require('./emitter');
const { LinqinError } = require('./errors');

const PROTOCOL = 'graphql-transport-ws';

/**
 * Subscriptions over one wx.connectSocket speaking graphql-transport-ws. The token and the community travel in the
 * connection_init payload (Authorization, X-Community), the language in the upgrade request (Accept-Language).
 * Server pings are answered. How a close is handled:
 *   1008 (token expired on the server) and 4401 (token refused): refresh the token, connect again; a second 4401
 *        in a row ends the subscriptions with a LinqinError SOCKET_CLOSED (closeCode 4401).
 *   4400, 4403 (not allowed in this community), 4409, 4429 and other 4xxx: the subscriptions end with SOCKET_CLOSED;
 *        connecting again would get the same answer.
 *   anything else (the server restarted, the network dropped): connect again after 1 s, 2 s, 4 s ... up to
 *        maxDelay (with jitter), and subscribe again. Events sent while disconnected are not replayed: listen to
 *        'connected' with reconnect=true and subscribe again with the time of the loss (e.g.
 *        incidentChanges(changedSince:), which sends what was missed first).
 *
 * Events: 'connected' ({ reconnect }), 'closed' ({ code, reason }), 'reconnecting'.
 */
class Subscriptions extends Emitter {
  constructor(config, session) {
    super();
    this.wx = config.wx;
    this.url = config.url;
    this.headers = config.headers;
    this.community = config.community;
    this.retry = config.retry;
    this.ackTimeout = config.ackTimeout;
    this.session = session;
    this.operations = {};
    this.nextId = 0;
    this.socket = null;
    this.connecting = false;
    this.ready = false;
    this.attempts = 0;
    this.connectedOnce = false;
    this.refusedAfterRenewal = false;
    this.reconnectTimer = null;
  }

  /** Subscribes; sink = { next(result), error(failure), complete() }. Returns the function that unsubscribes. */
  subscribe(payload, sink) {
    const id = String(++this.nextId);
    this.operations[id] = { payload, sink };
    if (this.ready) {
      this.send({ id, type: 'subscribe', payload });
    } else {
      this.connect();
    }
    return () => this.unsubscribe(id);
  }

  unsubscribe(id) {
    if (!this.operations[id]) {
      return;
    }
    delete this.operations[id];
    if (this.ready) {
      this.send({ id, type: 'complete' });
    }
    if (!this.active()) {
      this.close();
    }
  }

  active() {
    return Object.keys(this.operations).length > 0;
  }

  /** Closes the socket; subscriptions still open end with complete(). */
  close() {
    const operations = this.operations;
    this.operations = {};
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    const task = this.socket;
    this.socket = null;
    this.ready = false;
    if (task) {
      task.close({ code: 1000, reason: 'Normal Closure' });
    }
    Object.keys(operations).forEach((id) => operations[id].sink.complete && operations[id].sink.complete());
  }

  /** Connects again now (e.g. the community changed), subscribing again what is open. */
  restart() {
    const task = this.socket;
    this.socket = null;
    this.ready = false;
    if (task) {
      task.close({ code: 1000, reason: 'Normal Closure' });
    }
    if (this.active()) {
      this.connect();
    }
  }

  connect() {
    if (this.socket || this.connecting) {
      return;
    }
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    this.connecting = true;
    this.session.accessToken().then((token) => {
      this.connecting = false;
      if (this.active() && !this.socket) {
        this.open(token);
      }
    }, (failure) => {
      this.connecting = false;
      this.fail(failure);
    });
  }

  open(token) {
    const task = this.wx.connectSocket({ url: this.url, protocols: [PROTOCOL], header: this.headers() });
    const state = { token, closed: false, ackTimer: null };
    this.socket = task;
    task.onOpen(() => {
      const payload = {};
      if (token) {
        payload.Authorization = 'Bearer ' + token;
      }
      if (this.community()) {
        payload['X-Community'] = this.community();
      }
      task.send({ data: JSON.stringify({ type: 'connection_init', payload }) });
      state.ackTimer = setTimeout(() => this.drop(task, state, 4408, 'No connection_ack'), this.ackTimeout);
    });
    task.onMessage((message) => {
      if (this.socket === task) {
        this.receive(task, state, message.data);
      }
    });
    task.onClose((event) => this.closed(task, state, event ? event.code : 1006, event ? event.reason : ''));
    // A socket that could not be opened may report only an error: it counts as closed abnormally.
    task.onError((event) => this.closed(task, state, 1006, (event && event.errMsg) || 'socket error'));
  }

  receive(task, state, data) {
    let message;
    try {
      message = JSON.parse(typeof data === 'string' ? data : String(data));
    } catch (e) {
      return;
    }
    const operation = message.id ? this.operations[message.id] : null;
    switch (message.type) {
      case 'connection_ack': {
        clearTimeout(state.ackTimer);
        this.ready = true;
        this.attempts = 0;
        const reconnect = this.connectedOnce;
        this.connectedOnce = true;
        Object.keys(this.operations).forEach((id) => this.send({ id, type: 'subscribe',
          payload: this.operations[id].payload }));
        this.emit('connected', { reconnect });
        break;
      }
      case 'ping':
        task.send({ data: JSON.stringify({ type: 'pong' }) });
        break;
      case 'next':
        this.refusedAfterRenewal = false;
        if (operation) {
          operation.sink.next(message.payload);
        }
        break;
      case 'error':
        if (operation) {
          delete this.operations[message.id];
          operation.sink.error(new LinqinError('GRAPHQL', 'The subscription was refused', { errors: message.payload }));
        }
        break;
      case 'complete':
        if (operation) {
          delete this.operations[message.id];
          if (operation.sink.complete) {
            operation.sink.complete();
          }
        }
        break;
      default:
        break;
    }
  }

  /** Closes a socket that stopped answering, and connects again as after any other drop. */
  drop(task, state, code, reason) {
    task.close({ code: 1000, reason });
    this.closed(task, state, code, reason);
  }

  closed(task, state, code, reason) {
    if (state.closed) {
      return;
    }
    state.closed = true;
    clearTimeout(state.ackTimer);
    if (this.socket !== task) {
      return; // closed by us (close, restart)
    }
    this.socket = null;
    this.ready = false;
    this.emit('closed', { code, reason });
    if (!this.active()) {
      return;
    }
    if (code === 4401 || code === 1008) {
      if (code === 4401 && this.refusedAfterRenewal) {
        this.fail(new LinqinError('SOCKET_CLOSED', reason || 'Unauthorized', { closeCode: code }));
        return;
      }
      this.refusedAfterRenewal = code === 4401;
      this.session.renewAfterRejection(state.token).then(() => this.connect(), (failure) => this.fail(failure));
    } else if (code >= 4000 && code < 5000 && code !== 4408) {
      this.fail(new LinqinError('SOCKET_CLOSED', reason || 'Closed by the server', { closeCode: code }));
    } else {
      this.scheduleReconnect();
    }
  }

  scheduleReconnect() {
    this.attempts++;
    if (this.attempts > this.retry.attempts) {
      this.fail(new LinqinError('SOCKET_CLOSED', 'Gave up connecting after ' + this.retry.attempts + ' attempts'));
      return;
    }
    const backoff = Math.min(this.retry.maxDelay, this.retry.initialDelay * Math.pow(2, this.attempts - 1));
    const delay = Math.round(backoff * (0.5 + Math.random() / 2));
    this.emit('reconnecting', { attempt: this.attempts, delay });
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.connect();
    }, delay);
  }

  /** Ends every open subscription with the failure. */
  fail(failure) {
    const operations = this.operations;
    this.operations = {};
    Object.keys(operations).forEach((id) => operations[id].sink.error(failure));
  }

  send(message) {
    if (this.socket) {
      this.socket.send({ data: JSON.stringify(message) });
    }
  }

}

module.exports = { Subscriptions };
