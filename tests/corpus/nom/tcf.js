/* nom's own TCF v2.2-style CMP API, written from the IAB's public "CMP JS API v2.2" description: window.__tcfapi(
   command, version, callback, parameter) with the commands ping, getTCData, addEventListener, removeEventListener.
   The answer reflects what the consent dialog stored (localStorage nom:consent = {analytics, ads, personal, at}):
   purpose consents 1-11 and a TC string whose core segment is encoded here bit by bit (version 2, policy version 5,
   no vendors, publisher country KH). Before any answer: eventStatus 'cmpuishown', no purpose consented. */
(function () {
  'use strict';
  var KEY = 'nom:consent', CMP_ID = 300, CMP_VERSION = 1, GVL_VERSION = 1, POLICY = 5;
  var listeners = {}, nextId = 1, shown = false;
  function stored() { try { return JSON.parse(localStorage.getItem(KEY)); } catch (e) { return null; } }

  /* purposes by the dialog's answer: ads → 2, 3, 4, 7; personal → 5, 6, 11; analytics → 8, 9, 10; 1 with any */
  function purposes(c) {
    var on = {};
    for (var i = 1; i <= 11; i++) on[i] = false;
    if (!c) return on;
    if (c.ads) [2, 3, 4, 7].forEach(function (p) { on[p] = true; });
    if (c.personal) [5, 6, 11].forEach(function (p) { on[p] = true; });
    if (c.analytics) [8, 9, 10].forEach(function (p) { on[p] = true; });
    on[1] = !!(c.ads || c.personal || c.analytics);
    return on;
  }

  function bits(value, n) { var s = ''; for (var i = n - 1; i >= 0; i--) s += Math.floor(value / Math.pow(2, i)) % 2; return s; }
  function letters(code) { return bits(code.charCodeAt(0) - 65, 6) + bits(code.charCodeAt(1) - 65, 6); }
  function tcString(c, on) {
    var ds = Math.round((c.at || 0) / 100), p = '';
    for (var i = 1; i <= 24; i++) p += on[i] ? '1' : '0';
    var b = bits(2, 6) + bits(ds, 36) + bits(ds, 36) + bits(CMP_ID, 12) + bits(CMP_VERSION, 12) + bits(1, 6) +
      letters('KM') + bits(GVL_VERSION, 12) + bits(POLICY, 6) + '0' + '0' + bits(0, 12) + p + bits(0, 24) + '0' +
      letters('KH') + bits(0, 16) + '0' + bits(0, 16) + '0' + bits(0, 12);
    while (b.length % 6) b += '0';
    var abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_', out = '';
    for (var j = 0; j < b.length; j += 6) out += abc[parseInt(b.slice(j, j + 6), 2)];
    return out;
  }

  function tcData(listenerId) {
    var c = stored(), on = purposes(c), none = {};
    var d = {
      tcString: c ? tcString(c, on) : '', tcfPolicyVersion: POLICY, cmpId: CMP_ID, cmpVersion: CMP_VERSION,
      gdprApplies: true, eventStatus: c ? (listenerId ? 'useractioncomplete' : 'tcloaded') : 'cmpuishown',
      cmpStatus: 'loaded', isServiceSpecific: true, useNonStandardTexts: false, publisherCC: 'KH',
      purposeOneTreatment: false,
      purpose: {consents: c ? on : none, legitimateInterests: {}},
      vendor: {consents: {}, legitimateInterests: {}},
      specialFeatureOptins: {},
      publisher: {consents: {}, legitimateInterests: {}, customPurpose: {consents: {}, legitimateInterests: {}}, restrictions: {}}
    };
    if (listenerId) d.listenerId = listenerId;
    return d;
  }

  function api(command, version, callback, parameter) {
    if (typeof callback !== 'function') return;
    if (version && version !== 2) { callback(null, false); return; }
    if (command === 'ping') {
      callback({gdprApplies: true, cmpLoaded: true, cmpStatus: 'loaded', displayStatus: shown ? 'visible' : (stored() ? 'hidden' : 'visible'),
        apiVersion: '2.2', cmpVersion: CMP_VERSION, cmpId: CMP_ID, gvlVersion: GVL_VERSION, tcfPolicyVersion: POLICY}, true);
    } else if (command === 'getTCData') {
      var d = tcData(0);
      if (Array.isArray(parameter)) d.vendor = {consents: {}, legitimateInterests: {}};
      callback(d, true);
    } else if (command === 'addEventListener') {
      var id = nextId++;
      listeners[id] = callback;
      callback(tcData(id), true);
    } else if (command === 'removeEventListener') {
      var ok = !!listeners[parameter];
      delete listeners[parameter];
      callback(ok);
    } else {
      callback(null, false);
    }
  }

  var queued = (window.__tcfapi && window.__tcfapi.a) || [];
  window.__tcfapi = api;
  queued.forEach(function (args) { api.apply(null, args); });
  /* the app tells the API when the dialog shows and when an answer is stored */
  window.nomTcf = {
    shown: function () { shown = true; Object.keys(listeners).forEach(function (id) { var d = tcData(+id); d.eventStatus = 'cmpuishown'; listeners[id](d, true); }); },
    changed: function () { shown = false; Object.keys(listeners).forEach(function (id) { listeners[id](tcData(+id), true); }); }
  };
}());
