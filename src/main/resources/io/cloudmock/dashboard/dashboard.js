// The cloudmock dashboard: a client of the control API and nothing else. Every call is a same-origin fetch of
// a path relative to this page (/_cloudmock/ui -> /_cloudmock/...), so the page works behind a path prefix and the
// server's origin rules and Content-Security-Policy (connect-src 'self') hold. Text from the server is only ever
// set as textContent: journal entries carry whatever any client sent.
'use strict';

(function () {
  const POLL_MS = 1000;
  // a server holding many resources is asked less often, and shows the first rows of each group: the page is for
  // looking, the control API for counting
  const BIG_STATE = 5000;
  const BIG_POLL_MS = 5000;
  const GROUP_ROWS = 1000;
  const JOURNAL_ROWS = 500;
  const TOKEN_KEY = 'cloudmock.controlToken';
  const $ = (id) => document.getElementById(id);

  let resourcesPath = 'resources';   // older servers have only /instances (servers and Zenlayer instances)
  let waitingForToken = false;
  let pollTimer = null;
  let lastResources = null;
  let lastJournal = null;
  let lastFaults = null;
  let journalEntries = [];
  let pollMs = POLL_MS;
  const expanded = new Set();

  class Unauthorized extends Error {}
  class ApiError extends Error {
    constructor(status, code, message) { super(message); this.status = status; this.code = code; }
  }

  async function api(method, path, body) {
    const headers = { 'Accept': 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (token) headers['Authorization'] = 'Bearer ' + token;
    const res = await fetch(path, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      mode: 'same-origin', credentials: 'omit', cache: 'no-store', redirect: 'error',
    });
    const text = await res.text();
    let data = null;
    try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
    if (res.status === 401) throw new Unauthorized();
    if (!res.ok) {
      const err = data && data.error ? data.error : {};
      throw new ApiError(res.status, err.code || 'HTTP_' + res.status, err.message || text.slice(0, 300));
    }
    return data;
  }

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null) continue;
      if (k === 'class') e.className = v;
      else if (k.startsWith('data-')) e.setAttribute(k, v);
      else e[k] = v;
    }
    for (const c of children) {
      if (c === undefined || c === null) continue;
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }

  function showMessage(text) {
    const m = $('message');
    m.textContent = text || '';
    m.hidden = !text;
  }

  function fail(e) {
    if (e instanceof Unauthorized) { askForToken(); return; }
    if (e instanceof ApiError) { showMessage(e.code + ': ' + e.message); return; }
    showMessage('cloudmock did not answer: ' + e.message);
  }

  function askForToken(wrong) {
    waitingForToken = true;
    $('token-form').hidden = false;
    $('token-error').textContent = wrong ? 'That token was refused.' : '';
    setConnection('needs the control token', 'warn');
    $('token').focus();
  }

  function setConnection(text, cls) {
    const c = $('connection');
    c.textContent = text;
    c.className = 'pill ' + (cls || '');
  }

  // --- live data --------------------------------------------------------------------------------------

  async function refresh() {
    if (waitingForToken) return;
    try {
      const health = await api('GET', 'health');
      const [resources, journal, faults] = await Promise.all([loadResources(), api('GET', 'requests'), api('GET', 'faults')]);
      renderHealth(health);
      pollMs = resources.length > BIG_STATE ? BIG_POLL_MS : POLL_MS;
      renderResources(resources);
      renderJournal(journal.requests || []);
      renderFaults(faults.faults || []);
      setConnection(health.status === 'ok' ? 'live' : health.status, health.status === 'ok' ? 'ok' : 'warn');
      if (health.status !== 'ok' && health.reason) showMessage('health: ' + health.reason);
    } catch (e) {
      if (e instanceof Unauthorized) { askForToken(sessionStorage.getItem(TOKEN_KEY) !== null); return; }
      setConnection('disconnected', 'bad');
      if (e instanceof ApiError) showMessage(e.code + ': ' + e.message);
    }
  }

  async function loadResources() {
    if (resourcesPath === 'resources') {
      try {
        return (await api('GET', 'resources')).resources || [];
      } catch (e) {
        if (!(e instanceof ApiError) || e.status !== 404) throw e;
        resourcesPath = 'instances';
      }
    }
    const list = (await api('GET', 'instances')).instances || [];
    return list.map((i) => Object.assign({ kind: i.provider === 'zenlayer' ? 'instance' : 'server' }, i));
  }

  function schedule() {
    clearTimeout(pollTimer);
    pollTimer = setTimeout(async () => {
      if (!document.hidden) await refresh();
      schedule();
    }, pollMs);
  }

  async function refreshNow() {
    await refresh();
    schedule();
  }

  // --- header: version and clock -------------------------------------------------------------------------

  function renderHealth(h) {
    $('version').textContent = h.version || '';
    const manual = h.clock === 'manual';
    $('clock-mode').textContent = manual ? 'manual clock' : (h.clock ? 'system clock' : 'clock');
    $('clock-now').textContent = h.now || '–';
    $('clock-now').dateTime = h.now || '';
    $('advance').disabled = !manual;
    $('advance').title = manual ? 'POST /_cloudmock/clock/advance'
        : 'the system clock cannot be moved; start cloudmock with --clock manual';
  }

  // --- resources by provider, account and kind ----------------------------------------------------------

  function displayName(fields) {
    if (!fields) return '';
    for (const k of ['serverName', 'instanceName', 'name']) if (typeof fields[k] === 'string') return fields[k];
    for (const [k, v] of Object.entries(fields)) if (/Name$/.test(k) && typeof v === 'string') return v;
    return '';
  }

  function renderResources(list) {
    const key = JSON.stringify(list);
    if (key === lastResources) return;
    lastResources = key;
    const groups = new Map();
    for (const r of list) {
      const g = r.provider + '\u0000' + r.account + '\u0000' + (r.kind || '');
      if (!groups.has(g)) groups.set(g, []);
      groups.get(g).push(r);
    }
    const sorted = [...groups.keys()].sort();
    const out = [];
    for (const g of sorted) {
      const rows = groups.get(g);
      const [provider, account, kind] = g.split('\u0000');
      const body = el('tbody');
      for (const r of rows.slice(0, GROUP_ROWS)) {
        const refs = Object.entries(r.references || {}).map(([k, v]) => k + ' ' + v).join(', ');
        body.append(el('tr', { 'data-provider': r.provider, 'data-account': r.account, 'data-kind': r.kind || '', 'data-id': r.id },
            el('td', { class: 'id' }, r.id),
            el('td', { class: 'name' }, displayName(r.fields)),
            el('td', { class: 'state state-' + String(r.state).toLowerCase() }, r.state),
            el('td', { class: 'refs muted' }, refs),
            el('td', {}, fieldsDetails(r.fields))));
      }
      out.push(el('div', { class: 'group', 'data-group': provider + '/' + account + '/' + kind },
          el('h3', {}, provider, el('span', { class: 'muted' }, ' · account '), account,
              el('span', { class: 'muted' }, ' · '), kind || '?', el('span', { class: 'muted' }, ' (' + rows.length + ')')),
          el('table', { class: 'resources' },
              el('thead', {}, el('tr', {}, el('th', {}, 'id'), el('th', {}, 'name'), el('th', {}, 'state'),
                  el('th', {}, 'references'), el('th', {}, 'fields'))),
              body),
          rows.length > GROUP_ROWS ? el('p', { class: 'muted' }, 'The first ' + GROUP_ROWS + ' of ' + rows.length
              + ' are shown; GET /_cloudmock/resources has them all.') : null));
    }
    $('resources').replaceChildren(...out);
    $('resources-empty').hidden = list.length > 0;
    $('resource-count').textContent = '(' + list.length + ')';
  }

  function fieldsDetails(fields) {
    if (!fields || Object.keys(fields).length === 0) return '';
    return el('details', {}, el('summary', {}, Object.keys(fields).length + ' fields'),
        el('pre', {}, JSON.stringify(fields, null, 2)));
  }

  // --- journal -------------------------------------------------------------------------------------------

  function entryKey(e, n) { return [e.time, e.method, e.path, e.action, e.status, n].join('|'); }

  function renderJournal(list) {
    const key = JSON.stringify(list);
    if (key === lastJournal) return;
    lastJournal = key;
    journalEntries = list;
    const select = $('filter-provider');
    const known = new Set([...select.options].map((o) => o.value));
    for (const p of [...new Set(list.map((e) => e.provider))].sort()) {
      if (!known.has(p)) select.append(el('option', { value: p }, p));
    }
    drawJournal();
  }

  function statusMatches(filter, status) {
    if (!filter) return true;
    if (filter === 'error') return status >= 400;
    if (filter === 'ok') return status < 400;
    return String(status).startsWith(filter);
  }

  function drawJournal() {
    const provider = $('filter-provider').value;
    const action = $('filter-action').value.trim().toLowerCase();
    const status = $('filter-status').value;
    // keys count repeats of the same (time, call) so that two identical lines stay two rows
    const seen = new Map();
    const keyed = journalEntries.map((e) => {
      const base = entryKey(e, 0);
      const n = (seen.get(base) || 0) + 1;
      seen.set(base, n);
      return [entryKey(e, n), e];
    });
    const shown = keyed.reverse().filter(([, e]) => (!provider || e.provider === provider)
        && (!action || String(e.action).toLowerCase().includes(action))
        && statusMatches(status, e.status));
    const rows = [];
    for (const [k, e] of shown.slice(0, JOURNAL_ROWS)) {
      const failed = e.status >= 400;
      const row = el('tr', { class: 'entry' + (failed ? ' failed' : ''), 'data-status': e.status, 'data-action': e.action,
          'data-provider': e.provider, 'data-error-code': e.errorCode || '' },
          el('td', { class: 'time' }, e.time),
          el('td', {}, e.provider),
          el('td', {}, e.account),
          el('td', { class: 'action' }, e.action),
          el('td', { class: 'request muted' }, e.method + ' ' + e.path),
          el('td', { class: 'status' }, e.status),
          el('td', { class: 'error-code' }, e.errorCode || ''),
          el('td', { class: 'duration' }, e.durationMs));
      row.addEventListener('click', () => {
        if (expanded.has(k)) expanded.delete(k); else expanded.add(k);
        drawJournal();
      });
      rows.push(row);
      if (e.authDetail) {
        rows.push(el('tr', { class: 'auth-detail' }, el('td', { colSpan: 8 },
            el('strong', {}, 'signature check: '), el('pre', { class: 'signed' }, e.authDetail))));
      }
      if (expanded.has(k)) {
        rows.push(el('tr', { class: 'parameters' }, el('td', { colSpan: 8 },
            el('pre', {}, JSON.stringify(e.parameters || {}, null, 2)))));
      }
    }
    if (rows.length === 0) {
      rows.push(emptyRow(8, journalEntries.length ? 'No request matches the filters.' : 'No requests yet.'));
    }
    $('journal').tBodies[0].replaceChildren(...rows);
    $('journal-count').textContent = '(' + (shown.length > JOURNAL_ROWS ? JOURNAL_ROWS + ' newest of ' : '')
        + shown.length + (shown.length === journalEntries.length ? '' : ' of ' + journalEntries.length) + ')';
  }

  function emptyRow(columns, message) {
    return el('tr', { class: 'empty' }, el('td', { colSpan: columns, class: 'muted' }, message));
  }

  // --- fault rules ---------------------------------------------------------------------------------------

  function renderFaults(list) {
    const key = JSON.stringify(list);
    if (key === lastFaults) return;
    lastFaults = key;
    const rows = list.map((f) => {
      const del = el('button', { type: 'button', class: 'small', title: 'DELETE /_cloudmock/faults/' + f.id }, 'delete');
      del.addEventListener('click', () => act(() => api('DELETE', 'faults/' + encodeURIComponent(f.id))));
      const dash = (v) => (v === null || v === undefined ? '–' : v);
      return el('tr', { 'data-id': f.id },
          el('td', {}, f.id), el('td', {}, f.provider), el('td', {}, dash(f.action)), el('td', {}, dash(f.instanceId)),
          el('td', {}, dash(f.httpStatus)), el('td', {}, dash(f.code)), el('td', {}, dash(f.message)),
          el('td', {}, f.delayMs), el('td', {}, dash(f.times)), el('td', {}, dash(f.remaining)), el('td', {}, f.fired),
          el('td', {}, f.probability), el('td', {}, del));
    });
    if (rows.length === 0) rows.push(emptyRow(13, 'No fault rules: every call is answered as the provider would.'));
    $('faults').tBodies[0].replaceChildren(...rows);
    $('fault-count').textContent = '(' + list.length + ')';
  }

  function faultFromForm(form) {
    const body = {};
    const text = (n) => form.elements[n].value.trim();
    for (const n of ['provider', 'action', 'instanceId', 'code', 'message']) if (text(n)) body[n] = text(n);
    for (const n of ['httpStatus', 'delayMs', 'times', 'seed']) if (text(n)) body[n] = Number.parseInt(text(n), 10);
    if (text('probability')) body.probability = Number.parseFloat(text('probability'));
    return body;
  }

  // --- actions -------------------------------------------------------------------------------------------

  async function act(call) {
    try {
      await call();
      showMessage('');
    } catch (e) {
      fail(e);
      return false;
    } finally {
      await refreshNow();
    }
    return true;
  }

  function wire() {
    $('advance').addEventListener('click', () => {
      const seconds = Number.parseFloat($('advance-seconds').value);
      act(() => api('POST', 'clock/advance', { seconds: Number.isFinite(seconds) ? seconds : 0 }));
    });
    $('reset').addEventListener('click', () => {
      expanded.clear();
      act(() => api('POST', 'reset'));
    });
    $('fault-form').addEventListener('submit', (ev) => {
      ev.preventDefault();
      act(() => api('POST', 'faults', faultFromForm(ev.target)));
    });
    $('faults-clear').addEventListener('click', () => act(() => api('DELETE', 'faults')));
    $('journal-clear').addEventListener('click', () => { expanded.clear(); act(() => api('DELETE', 'requests')); });
    for (const id of ['filter-provider', 'filter-status']) $(id).addEventListener('change', drawJournal);
    $('filter-action').addEventListener('input', drawJournal);
    $('token-form').addEventListener('submit', (ev) => {
      ev.preventDefault();
      sessionStorage.setItem(TOKEN_KEY, $('token').value);
      $('token').value = '';
      $('token-form').hidden = true;
      waitingForToken = false;
      refreshNow();
    });
    document.addEventListener('visibilitychange', () => { if (!document.hidden) refreshNow(); });
  }

  wire();
  refreshNow();
})();
