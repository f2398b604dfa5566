// Drives the mini-program client kit (clients/wechat-miniprogram) under Node with the wx stand-in (wx.mjs) against
// the running server and Keycloak. One scenario per run (SCENARIO); prints one JSON line {"scenario", ...facts}
// that the JUnit test checks, and exits.
//   LINQIN_URL    http://host:port/graphql      KEYCLOAK_URL  http://host:port (realm linqin)
//   SIGNAL_FILE   (restart) written once subscribed, so the test may restart the server
import { createHash, randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { buildSchema, parse, validate } from 'graphql';
import { createWx } from './wx.mjs';

const require = createRequire(import.meta.url);
const ROOT = new URL('../../../../', import.meta.url);
const KIT = new URL('clients/wechat-miniprogram/', ROOT);
const { createClient, sha256 } = require(new URL('src/index.js', KIT).pathname);

const env = process.env;
const TOKEN_URL = `${env.KEYCLOAK_URL}/realms/linqin/protocol/openid-connect/token`;
const INCIDENTS = 'subscription Live { incidentChanges { id description state } }';
const REPORT = 'mutation Report($input: IncidentInput!) { reportIncident(input: $input) { id state } }';
const ME = 'query Me { me { subject username community roles } }';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function passwordGrant(clientId, username) {
  const response = await fetch(TOKEN_URL, { method: 'POST', body: new URLSearchParams({ grant_type: 'password',
    client_id: clientId, username, password: 'linqin' }) });
  if (response.status !== 200) throw new Error(`password grant ${clientId}/${username}: ${await response.text()}`);
  return response.json();
}

/** A client on its own wx stand-in, signed in with tokens from the password grant of clientId (if a user is given). */
async function client({ user, clientId = 'linqin-test', community = 'changqing-6', options = {}, codes } = {}) {
  const wx = createWx({ codes });
  const events = [];
  const linqin = createClient(Object.assign({ wx, url: env.LINQIN_URL, tokenUrl: TOKEN_URL, clientId, community,
    silentSignIn: false }, options));
  linqin.on((event, detail) => events.push({ event, code: detail?.code, reconnect: detail?.reconnect,
    at: Date.now() }));
  let answer = null;
  if (user) {
    answer = await passwordGrant(clientId, user);
    linqin.setTokens(answer);
  }
  return { linqin, wx, events, answer };
}

const requests = (wx, filter = () => true) => wx.log.filter((e) => e.kind === 'request' && filter(e));
const graphqlRequests = (wx) => requests(wx, (e) => e.url === env.LINQIN_URL);
const refreshes = (wx) => requests(wx, (e) => e.url === TOKEN_URL && String(e.body).includes('grant_type=refresh_token'));
const sockets = (wx) => wx.log.filter((e) => e.kind === 'socket');
const tamper = (token) => token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA');

/** Subscribes and resolves once the socket is acknowledged; events go to `heard`. */
function live(c, heard, variables = {}) {
  return new Promise((resolve) => {
    const off = c.linqin.on((event) => {
      if (event === 'connected') {
        off();
        resolve();
      }
    });
    c.unsubscribe = c.linqin.subscribe(INCIDENTS, variables, {
      next: (result) => heard.push({ next: result }),
      error: (e) => {
        heard.push({ error: { code: e.code, closeCode: e.closeCode, message: e.message } });
        resolve();
      },
      complete: () => heard.push({ complete: true }),
    });
  });
}

async function until(condition, ms) {
  const deadline = Date.now() + ms;
  while (!condition() && Date.now() < deadline) await sleep(50);
  return condition();
}

const scenarios = {
  // X-Community and Accept-Language on every request; the community is switched at run time.
  async community() {
    const c = await client({ user: 'resident', options: { language: 'en' } });
    const home = await c.linqin.request(ME);
    c.linqin.setCommunity('demo-second');
    c.linqin.setLanguage('zh-CN');
    const away = await c.linqin.request(ME);
    const bookings = await c.linqin.request('query Mine { myBookings { totalCount } }');
    return {
      home: home.data.me, away: away.data.me, awayErrors: bookings.errors?.map((e) => e.extensions?.code),
      awayMessage: bookings.errors?.[0]?.message,
      headers: graphqlRequests(c.wx).map((e) => ({ community: e.header['X-Community'],
        language: e.header['Accept-Language'], bearer: e.header.Authorization === 'Bearer ' + c.linqin.tokens().accessToken })),
    };
  },

  // Automatic persisted queries: hash only, the document once on PersistedQueryNotFound, then the hash alone.
  async persisted() {
    const nonce = Date.now();
    const document = `# 社区列表，每页五个 (${nonce})\nquery Communities${nonce} { communities(first: 5) { edges { node { code name } } } }`;
    const wire = (wx) => graphqlRequests(wx).map((e) => ({ hasQuery: 'query' in e.body,
      hash: e.body.extensions?.persistedQuery?.sha256Hash, status: e.status,
      code: e.answer?.errors?.[0]?.extensions?.code, hasData: !!e.answer?.data }));
    const first = await client({ user: 'resident' });
    const a = await first.linqin.request(document);
    const again = await first.linqin.request(document);
    const second = await client({ user: 'grid-worker' });
    const b = await second.linqin.request(document);
    return { expectedHash: createHash('sha256').update(document, 'utf8').digest('hex'),
      first: wire(first.wx), second: wire(second.wx),
      answers: [a, again, b].map((r) => r.data?.communities?.edges?.length ?? JSON.stringify(r)) };
  },

  // The bundled SHA-256 against Node's, on random text and on the hashes of the trusted-documents manifest.
  async sha256() {
    let mismatches = 0;
    let total = 0;
    for (let i = 0; i < 3000; i++) {
      let text = '';
      for (let n = Math.random() * 400 | 0; n > 0; n--) {
        const range = [0x80, 0x800, 0xd800, 0x110000][Math.random() * 4 | 0];
        let point = Math.random() * range | 0;
        if (range === 0x110000) point = Math.max(point, 0x10000);
        text += String.fromCodePoint(point);
      }
      total++;
      if (sha256(text) !== createHash('sha256').update(text, 'utf8').digest('hex')) mismatches++;
    }
    const manifest = JSON.parse(readFileSync(new URL('graphql-schema/trusted-documents.json', ROOT)));
    const entries = Object.entries(manifest.documents ?? manifest);
    const manifestMismatches = entries.filter(([hash, text]) => sha256(text) !== hash).length;
    return { total, mismatches, manifest: entries.length, manifestMismatches };
  },

  // An access token expired at the server: several requests at once share one refresh, and the rotated refresh
  // token is stored. Then a token the server refuses (401) before its expiry: one refresh, the requests sent again.
  // Tokens of linqin-test-5s live 5 seconds (those of linqin-test-short, 1 second, may expire on the way).
  async refresh() {
    const c = await client({ user: 'resident', clientId: 'linqin-test-5s' });
    const injected = c.linqin.tokens();
    await sleep(Math.max(0, injected.expiresAt - Date.now()) + 300);
    const refusedBefore = (await fetch(env.LINQIN_URL, { method: 'POST', headers: { 'content-type': 'application/json',
      authorization: 'Bearer ' + injected.accessToken }, body: JSON.stringify({ query: ME }) })).status;
    const answers = await Promise.all([1, 2, 3].map(() => c.linqin.request(ME)));
    const stored = c.linqin.tokens();
    const refreshAnswer = refreshes(c.wx)[0]?.answer;
    const afterExpiry = { refusedBefore, refreshes: refreshes(c.wx).length,
      usernames: answers.map((a) => a.data?.me?.username ?? JSON.stringify(a)),
      storedRefreshChanged: stored.refreshToken !== injected.refreshToken,
      storedIsTheAnswers: stored.refreshToken === refreshAnswer?.refresh_token,
      sentWithTheNewToken: graphqlRequests(c.wx).filter((e) => e.header.Authorization === 'Bearer '
        + refreshAnswer?.access_token).length,
      sentWithTheOldToken: graphqlRequests(c.wx).filter((e) => e.header.Authorization === 'Bearer '
        + injected.accessToken).length };

    const before = refreshes(c.wx).length;
    const sentBefore = graphqlRequests(c.wx).length;
    c.linqin.setTokens(Object.assign({}, c.linqin.tokens(), { accessToken: tamper(c.linqin.tokens().accessToken),
      expiresAt: Date.now() + 60000, lifetime: 60000 }));
    const retried = await Promise.all([1, 2].map(() => c.linqin.request(ME)));
    const after401 = { refreshes: refreshes(c.wx).length - before,
      statuses: graphqlRequests(c.wx).slice(sentBefore).map((e) => e.status),
      usernames: retried.map((a) => a.data?.me?.username ?? JSON.stringify(a)) };
    return { afterExpiry, after401 };
  },

  // The server closes a socket when its token expires (1008): the kit refreshes, connects again, subscribes again
  // and hears what is reported then.
  async expiry() {
    const c = await client({ user: 'grid-worker', clientId: 'linqin-test-5s' });
    const heard = [];
    await live(c, heard);
    const reconnected = new Promise((resolve) => c.linqin.on((event, detail) => {
      if (event === 'connected' && detail.reconnect) resolve(true);
    }));
    const again = await Promise.race([reconnected, sleep(15000)]);
    await sleep(700);
    const reporter = await client({ user: 'resident' });
    const description = '令牌过期后 ' + randomUUID();
    await reporter.linqin.request(REPORT, { input: { category: 'safety', description } });
    await until(() => heard.some((h) => h.next?.data?.incidentChanges?.description === description), 10000);
    c.linqin.close();
    return { again: again === true, closes: c.events.filter((e) => e.event === 'closed').map((e) => e.code),
      connected: c.events.filter((e) => e.event === 'connected').length, refreshes: refreshes(c.wx).length,
      tokensOfSockets: new Set(sockets(c.wx).map((s) => s.sent[0]?.payload?.Authorization)).size,
      heard: heard.map((h) => h.next ? h.next.data?.incidentChanges?.description : h), description };
  },

  // A subscriber hears an incident reported over HTTP by another caller; what went over the socket.
  async subscription() {
    const watcher = await client({ user: 'grid-worker' });
    const heard = [];
    await live(watcher, heard);
    await sleep(700);
    const reporter = await client({ user: 'resident' });
    const description = '楼道堆放杂物 ' + randomUUID();
    const reported = await reporter.linqin.request(REPORT, { input: { category: 'safety', description } });
    await until(() => heard.some((h) => h.next?.data?.incidentChanges?.description === description), 10000);
    watcher.linqin.close();
    const socket = sockets(watcher.wx)[0];
    return { reported: reported.data?.reportIncident, errors: reported.errors,
      heard: heard.filter((h) => h.next).map((h) => h.next.data?.incidentChanges?.description), description,
      protocol: socket.protocol, upgradeHeader: socket.header, init: socket.sent[0],
      pongs: socket.sent.filter((m) => m?.type === 'pong').length,
      pings: socket.received.filter((m) => m?.type === 'ping').length };
  },

  // A token the server cannot verify: 4401. With a valid refresh token the kit recovers; with none it gives up
  // (signed out, the subscription ends) instead of connecting again and again.
  async unauthorized() {
    const recovering = await client({ user: 'grid-worker' });
    recovering.linqin.setTokens(Object.assign({}, recovering.linqin.tokens(),
      { accessToken: tamper(recovering.linqin.tokens().accessToken) }));
    const heardA = [];
    await live(recovering, heardA);
    recovering.linqin.close();

    const lost = await client({ user: 'grid-worker' });
    lost.linqin.setTokens(Object.assign({}, lost.linqin.tokens(), { accessToken: tamper(lost.linqin.tokens().accessToken),
      refreshToken: 'not-a-refresh-token' }));
    const heardB = [];
    await live(lost, heardB);
    await sleep(2500);

    // A valid token for another audience: refused again after a refresh, so the kit stops after the second 4401.
    const stranger = await client({ user: 'grid-worker', clientId: 'other-app' });
    const heardC = [];
    await live(stranger, heardC);
    await sleep(2500);
    const summary = (c, heard) => ({ closes: c.events.filter((e) => e.event === 'closed').map((e) => e.code),
      connected: c.events.filter((e) => e.event === 'connected').length, sockets: sockets(c.wx).length,
      refreshes: refreshes(c.wx).length, signedOut: c.events.some((e) => e.event === 'signedOut'),
      tokensLeft: c.linqin.tokens() !== null, heard });
    return { recovering: summary(recovering, heardA), lost: summary(lost, heardB), stranger: summary(stranger, heardC) };
  },

  // The server goes away (the test restarts it once SIGNAL_FILE is written): the kit connects again with backoff,
  // subscribes again, and hears an incident reported after the restart.
  async restart() {
    const watcher = await client({ user: 'grid-worker', options: { retry: { initialDelay: 300, maxDelay: 2000 } } });
    const heard = [];
    await live(watcher, heard);
    const reconnected = new Promise((resolve) => watcher.linqin.on((event, detail) => {
      if (event === 'connected' && detail.reconnect) resolve();
    }));
    writeFileSync(env.SIGNAL_FILE, 'subscribed');
    await Promise.race([reconnected, sleep(150000)]);
    await sleep(700);
    const reporter = await client({ user: 'resident' });
    const description = '重启后上报 ' + randomUUID();
    const reported = await reporter.linqin.request(REPORT, { input: { category: 'safety', description } });
    await until(() => heard.some((h) => h.next?.data?.incidentChanges?.description === description), 10000);
    watcher.linqin.close();
    return { closes: watcher.events.filter((e) => e.event === 'closed').map((e) => e.code),
      reconnecting: watcher.events.filter((e) => e.event === 'reconnecting').length,
      connected: watcher.events.filter((e) => e.event === 'connected').map((e) => e.reconnect),
      subscribes: sockets(watcher.wx).map((s) => s.sent.filter((m) => m?.type === 'subscribe').length),
      reported: reported.data?.reportIncident, heard: heard.filter((h) => h.next)
        .map((h) => h.next.data?.incidentChanges?.description), description };
  },

  // Sign-in with wx.login through Keycloak's WeChat code grant (the contract of the realm's linqin-miniprogram
  // client). Answers {skipped} when this Keycloak has no such grant.
  async signin() {
    const probe = await fetch(TOKEN_URL, { method: 'POST', body: new URLSearchParams({
      grant_type: 'urn:linqin:params:oauth:grant-type:wechat-code', client_id: 'linqin-miniprogram',
      code: 'probe.' + randomUUID() }) });
    const probeBody = await probe.json().catch(() => ({}));
    if (['unsupported_grant_type', 'invalid_client', 'unauthorized_client'].includes(probeBody.error)) {
      return { skipped: `Keycloak has no WeChat code grant for linqin-miniprogram (${probeBody.error}: `
        + `${probeBody.error_description})` };
    }
    const key = 'kit' + Date.now();
    const issued = [];
    let next = () => `${key}.${randomUUID()}`;
    const c = await client({ clientId: 'linqin-miniprogram', codes: () => next(), options: { silentSignIn: false } });
    c.wx.login = ((login) => (options) => login({ success: (a) => {
      issued.push(a.code);
      options.success(a);
    }, fail: options.fail }))(c.wx.login.bind(c.wx));
    const first = await c.linqin.signIn();
    const me1 = (await c.linqin.request(ME)).data?.me;
    const refreshed = await c.linqin.refresh();
    const rotated = refreshed.refreshToken !== first.refreshToken;
    const meAfterRefresh = (await c.linqin.request(ME)).data?.me;
    const spent = c.linqin.tokens().refreshToken;
    await c.linqin.signOut();
    const revoke = requests(c.wx, (e) => e.url.endsWith('/revoke'))[0];
    const afterSignOut = await fetch(TOKEN_URL, { method: 'POST', body: new URLSearchParams({
      grant_type: 'refresh_token', client_id: 'linqin-miniprogram', refresh_token: spent }) }).then((r) => r.json());
    await c.linqin.signIn();
    const me2 = (await c.linqin.request(ME)).data?.me;
    const used = issued[0];
    next = () => used;
    const replay = await c.linqin.signIn().then(() => ({ accepted: true }), (e) => ({ code: e.code, status: e.status }));
    return { key, me1, me2, meAfterRefresh, rotated, revokeStatus: revoke?.status, afterSignOut: afterSignOut.error,
      replay, storedAfterReplay: c.linqin.tokens() !== null };
  },

  // The example pages: their operations validate against the published schema, their scripts parse.
  async pages() {
    const schema = buildSchema(readFileSync(new URL('graphql-schema/schema.graphql', ROOT), 'utf8'));
    const operations = require(new URL('example/operations.js', KIT).pathname);
    const problems = {};
    for (const [name, text] of Object.entries(operations)) {
      const errors = validate(schema, parse(text)).map((e) => e.message);
      if (errors.length) problems[name] = errors;
    }
    const scripts = [];
    const walk = (dir) => readdirSync(dir).forEach((f) => {
      const path = dir + f;
      if (statSync(path).isDirectory()) walk(path + '/');
      else if (f.endsWith('.js')) scripts.push(path);
    });
    walk(new URL('example/', KIT).pathname);
    const unparsable = scripts.filter((path) => {
      try {
        execFileSync(process.execPath, ['--check', path], { stdio: 'pipe' });
        return false;
      } catch {
        return true;
      }
    });
    return { operations: Object.keys(operations), problems, scripts: scripts.length, unparsable };
  },
};

const name = env.SCENARIO;
const timer = setTimeout(() => {
  console.log(JSON.stringify({ scenario: name, timeout: true }));
  process.exit(2);
}, Number(env.TIMEOUT_MS || 170000));
scenarios[name]().then((facts) => {
  console.log(JSON.stringify(Object.assign({ scenario: name }, facts)));
  clearTimeout(timer);
  process.exit(0);
}, (e) => {
  console.log(JSON.stringify({ scenario: name, failed: String(e?.stack || e), code: e?.code }));
  clearTimeout(timer);
  process.exit(1);
});
