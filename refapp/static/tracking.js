/* The reference app's third-party SDKs, driven by the variant's `tracking` section (refapp/README.md).
   Each beacon: {id, on: launch|consent|position, consent: [states it fires in], host, path,
   transport: beacon|pixel|fetch, fields: {name: source}, needs_permission?: 'geolocation'}.
   Sources: 'device.<key>' (the simulated device's data), 'sha256:device.<key>' (lowercased, hashed),
   'position.lat' / 'position.lon' (the last position the app got, kept in localStorage), 'consent' (the
   stored choice), 'tcf' (the variant's TC string), 'const:<text>'. A beacon whose fields need a position
   the app never had is not sent; `needs_permission` sends only while that permission is granted. */
(function () {
  'use strict';
  function key(name, k) { return 'refapp:' + name + ':' + k; }
  function get(name, k) { try { return localStorage.getItem(key(name, k)); } catch (e) { return null; } }
  function put(name, k, v) { try { localStorage.setItem(key(name, k), v); } catch (e) { /* private mode */ } }

  function sha256(text) {
    var data = new TextEncoder().encode(String(text).trim().toLowerCase());
    return crypto.subtle.digest('SHA-256', data).then(function (buf) {
      return Array.prototype.map.call(new Uint8Array(buf), function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
    });
  }

  function value(source, ctx) {
    var T = ctx.config.tracking, dev = T.device || {};
    if (source.indexOf('sha256:device.') === 0) return sha256(dev[source.slice(14)] || '');
    if (source.indexOf('device.') === 0) return Promise.resolve(dev[source.slice(7)]);
    if (source === 'position.lat' || source === 'position.lon') {
      var pos = get(ctx.name, 'last-position');
      if (!pos) return Promise.resolve(undefined);
      return Promise.resolve(JSON.parse(pos)[source.slice(9)]);
    }
    if (source === 'consent') return Promise.resolve(ctx.consent);
    if (source === 'tcf') return Promise.resolve(T.tc_string || '');
    if (source.indexOf('const:') === 0) return Promise.resolve(source.slice(6));
    return Promise.resolve(undefined);
  }

  function permitted(name) {
    if (!name) return Promise.resolve(true);
    if (!navigator.permissions || !navigator.permissions.query) return Promise.resolve(false);
    return navigator.permissions.query({ name: name }).then(function (s) { return s.state === 'granted'; },
      function () { return false; });
  }

  function send(beacon, ctx) {
    var names = Object.keys(beacon.fields || {});
    return permitted(beacon.needs_permission).then(function (ok) {
      if (!ok) return null;
      return Promise.all(names.map(function (n) { return value(beacon.fields[n], ctx); }));
    }).then(function (values) {
      if (!values || values.some(function (v) { return v === undefined; })) return;
      var data = {};
      names.forEach(function (n, i) { data[n] = values[i]; });
      var url = 'http://' + beacon.host + ':' + ctx.config.tracking.port + beacon.path;
      var query = names.map(function (n) { return encodeURIComponent(n) + '=' + encodeURIComponent(data[n]); }).join('&');
      if (beacon.transport === 'pixel') { new Image().src = url + '?' + query; return; }
      if (beacon.transport === 'fetch') {
        fetch(url, { method: 'POST', mode: 'no-cors', keepalive: true, body: query,
                     headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
        return;
      }
      navigator.sendBeacon(url, JSON.stringify(data));
    });
  }

  function fire(on, detail) {
    var T = detail.config && detail.config.tracking;
    if (!T) return;
    (T.beacons || []).forEach(function (b) {
      if (b.on === on && (b.consent || []).indexOf(detail.consent) >= 0) send(b, detail);
    });
  }

  document.addEventListener('refapp:launch', function (e) { fire('launch', e.detail); });
  document.addEventListener('refapp:consent', function (e) { fire('consent', e.detail); });
  document.addEventListener('refapp:position', function (e) {
    var d = e.detail;
    if (!d.config || !d.config.tracking) return;
    put(d.name, 'last-position', JSON.stringify({ lat: d.lat, lon: d.lon }));
    fire('position', { name: d.name, config: d.config, consent: get(d.name, 'consent') || 'unanswered' });
  });
}());
