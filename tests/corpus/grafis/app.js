/* Grafis: every frame is painted on the canvas in immediate mode; each painted control is also recorded as a node
   {id, role: button|checkbox|text|field|dialog, x, y, w, h (CSS px), label, checked, tap, parent} used for hit
   testing (canvas clicks) and, once «Enable accessibility» was clicked, mirrored as transparent <flt-semantics>
   elements (reconciled by id, so a focused <input> survives a repaint). While a dialog is open only its nodes are
   hit or exposed (a modal barrier). localStorage (prefix grafis:): synainesi (the consent answer, three purposes:
   bool), token, user. Accessibility is off again at every page load, as in Flutter. */
(function () {
  'use strict';
  var K = 'grafis:';
  var canvas = document.getElementById('platno');
  var ctx = canvas.getContext('2d');
  var W = 0, H = 0;
  var semantika = false, host = null, editHost = null;
  var nodes = [], stoixeia = {}, parentNode = null;
  var stack = ['arxiki'], dialogos = null;
  var pedia = {}, minima = {}, apotelesmata = null;
  var epiloges = {statistika: true, exatomikefsi: true, diafimisi: true};
  var MPLE = '#1e4d6b', GKRI = '#5f6b73';

  function token() { return localStorage.getItem(K + 'token'); }
  function api(action, body) {
    var h = {'Content-Type': 'application/json'};
    if (token()) h.Authorization = 'Bearer ' + token();
    return fetch('api/' + action, {method: 'POST', headers: h, body: JSON.stringify(body || {})})
      .then(function (r) { return r.json().then(function (j) { return {status: r.status, body: j}; }); });
  }

  // ---- painting primitives (each returns the node it records, if any)
  function font(size, weight) { return (weight || 400) + ' ' + size + 'px "DejaVu Sans", "Noto Sans", sans-serif'; }
  function box(x, y, w, h, fill, r, stroke) {
    ctx.beginPath(); ctx.roundRect(x, y, w, h, r || 0);
    if (fill) { ctx.fillStyle = fill; ctx.fill(); }
    if (stroke) { ctx.strokeStyle = stroke; ctx.lineWidth = 1.5; ctx.stroke(); }
  }
  function lines(str, maxW, f) {
    ctx.font = f; var out = [], cur = '';
    str.split(' ').forEach(function (w) { var t = cur ? cur + ' ' + w : w; if (ctx.measureText(t).width > maxW && cur) { out.push(cur); cur = w; } else cur = t; });
    if (cur) out.push(cur); return out;
  }
  function record(n) { n.parent = parentNode; n.id = n.id || (n.role + ':' + n.label); nodes.push(n); return n; }
  function keimeno(str, x, y, size, color, weight, maxW, align) {
    var f = font(size, weight), ls = lines(str, maxW || W - x - 16, f), lh = Math.round(size * 1.4);
    ctx.font = f; ctx.fillStyle = color || '#1b2328'; ctx.textBaseline = 'top'; ctx.textAlign = align || 'left';
    ls.forEach(function (l, i) { ctx.fillText(l, align === 'center' ? x + (maxW || 0) / 2 : x, y + i * lh); });
    ctx.textAlign = 'left';
    record({role: 'text', label: str, x: x, y: y, w: maxW || W - x - 16, h: ls.length * lh, id: 'text:' + str});
    return ls.length * lh;
  }
  function koumpi(label, x, y, w, h, style, tap) {
    var size = 16, weight = 600, color = '#fff';
    if (style === 'gemato') { box(x, y, w, h, MPLE, 12); size = 18; weight = 700; ctx.shadowColor = 'transparent'; }
    else if (style === 'aplo') { size = 14; weight = 400; color = GKRI; }
    else if (style === 'grammi') { box(x, y, w, h, '#fff', 0); ctx.fillStyle = '#e3e7ea'; ctx.fillRect(x, y + h - 1, w, 1); color = '#1b2328'; weight = 400; }
    else if (style === 'karta') { color = label === '' ? MPLE : MPLE; weight = 600; size = 14; }
    ctx.font = font(size, weight); ctx.fillStyle = color; ctx.textBaseline = 'middle';
    if (style === 'grammi') { ctx.textAlign = 'left'; ctx.fillText(label, x + 14, y + h / 2); ctx.fillStyle = GKRI; ctx.textAlign = 'right'; ctx.fillText('›', x + w - 14, y + h / 2); }
    else { ctx.textAlign = 'center'; ctx.fillText(label, x + w / 2, y + h / 2); }
    ctx.textAlign = 'left';
    return record({role: 'button', label: label, x: x, y: y, w: w, h: h, tap: tap});
  }
  function eikonidio(label, x, y, draw, tap) {       // an icon button: 48×48, named only in semantics
    draw(x + 24, y + 24);
    return record({role: 'button', label: label, x: x, y: y, w: 48, h: 48, tap: tap});
  }
  function tetragono(label, key, x, y, w) {
    var on = epiloges[key];
    box(x, y + 12, 24, 24, on ? MPLE : '#fff', 4, on ? null : GKRI);
    if (on) { ctx.strokeStyle = '#fff'; ctx.lineWidth = 3; ctx.beginPath(); ctx.moveTo(x + 5, y + 24); ctx.lineTo(x + 10, y + 30); ctx.lineTo(x + 19, y + 17); ctx.stroke(); }
    ctx.font = font(16, 400); ctx.fillStyle = '#1b2328'; ctx.textBaseline = 'middle'; ctx.fillText(label, x + 38, y + 24);
    return record({role: 'checkbox', label: label, checked: on, x: x, y: y, w: w, h: 48,
                   tap: function () { epiloges[key] = !epiloges[key]; render(); }});
  }
  function pedio(key, label, x, y, w, type, hint) {
    ctx.font = font(13, 600); ctx.fillStyle = GKRI; ctx.textBaseline = 'top'; ctx.fillText(label, x, y);
    box(x, y + 20, w, 46, '#fff', 8, '#9aa6ad');
    var v = pedia[key] || '';
    ctx.font = font(16, 400); ctx.textBaseline = 'middle';
    if (v) { ctx.fillStyle = '#1b2328'; ctx.fillText(type === 'password' ? v.replace(/./g, '•') : v, x + 12, y + 43); }
    else if (hint) { ctx.fillStyle = '#9aa6ad'; ctx.fillText(hint, x + 12, y + 43); }
    return record({role: 'field', label: label, key: key, type: type, hint: hint, x: x, y: y + 20, w: w, h: 46, id: 'field:' + key,
                   tap: function () { epexergasia(key); }});
  }

  // ---- screens
  var othones = {
    arxiki: ['Γραφίς', function (y) {
      y += keimeno('Καλώς ήρθατε στο Γραφίς', 16, y, 22, '#1b2328', 700) + 6;
      y += keimeno('Οι σημειώσεις σας, οργανωμένες και πάντα μαζί σας.', 16, y, 15, GKRI) + 18;
      box(16, y, W - 32, 120, '#fff', 12, '#e3e7ea');
      keimeno('Πρόσφατες σημειώσεις', 30, y + 14, 16, '#1b2328', 700, W - 60);
      keimeno('Λίστα για το σούπερ μάρκετ · χθες', 30, y + 46, 14, GKRI, 400, W - 60);
      keimeno('Ιδέες για το ταξίδι στη Νάξο · Δευτέρα', 30, y + 72, 14, GKRI, 400, W - 60);
    }],
    anazitisi: ['Αναζήτηση', function (y) {
      pedio('q', 'Αναζήτηση σημειώσεων', 16, y, W - 32 - 56, 'text', 'Τι ψάχνετε;');
      eikonidio('Φωνητική αναζήτηση', W - 16 - 48, y + 19, function (cx, cy) {
        box(cx - 24, cy - 24, 48, 48, '#e6eef3', 24);
        box(cx - 6, cy - 14, 12, 19, MPLE, 6);
        ctx.strokeStyle = MPLE; ctx.lineWidth = 2.5; ctx.beginPath(); ctx.arc(cx, cy - 2, 10, 0.15 * Math.PI, 0.85 * Math.PI); ctx.stroke();
        ctx.beginPath(); ctx.moveTo(cx, cy + 8); ctx.lineTo(cx, cy + 14); ctx.stroke();
      }, fonitiki);
      y += 80;
      koumpi('Εύρεση', 16, y, W - 32, 48, 'gemato', function () {
        var q = (pedia.q || '').trim(); apotelesmata = q ? ['«' + q + '» σε: Λίστα για το σούπερ μάρκετ', '«' + q + '» σε: Ιδέες για το ταξίδι στη Νάξο'] : []; render();
      });
      y += 64;
      if (minima.mic) y += keimeno(minima.mic, 16, y, 14, '#8a3b12') + 10;
      if (apotelesmata) {
        if (!apotelesmata.length) keimeno('Γράψτε κάτι για να ψάξετε.', 16, y, 14, GKRI);
        apotelesmata.forEach(function (a) { y += keimeno(a, 16, y, 15, '#1b2328') + 8; });
      }
    }],
    profil: ['Προφίλ', function (y) {
      if (!token()) {
        koumpi('Σύνδεση', 0, y, W, 56, 'grammi', function () { pame('syndesi'); });
        koumpi('Εγγραφή', 0, y + 56, W, 56, 'grammi', function () { pame('eggrafi'); });
        return;
      }
      y += keimeno('Συνδεδεμένος ως ' + localStorage.getItem(K + 'user'), 16, y, 15, GKRI) + 12;
      koumpi('Λογαριασμός', 0, y, W, 56, 'grammi', function () { pame('logariasmos'); });
      koumpi('Αποσύνδεση', 0, y + 56, W, 56, 'grammi', function () {
        api('logout'); localStorage.removeItem(K + 'token'); localStorage.removeItem(K + 'user'); stack = ['profil']; render();
      });
    }],
    logariasmos: ['Λογαριασμός', function (y) {
      koumpi('Αλλαγή κωδικού', 0, y, W, 56, 'grammi', function () { minima.kodikos = 'Σας στείλαμε email για την αλλαγή κωδικού.'; render(); });
      koumpi('Διαγραφή λογαριασμού', 0, y + 56, W, 56, 'grammi', function () { dialogos = 'diagrafi'; render(); });
      if (minima.kodikos) keimeno(minima.kodikos, 16, y + 128, 14, GKRI);
    }],
    syndesi: ['Σύνδεση', function (y) { forma('login', y, 'Σύνδεση'); }],
    eggrafi: ['Εγγραφή', function (y) { forma('signup', y, 'Δημιουργία λογαριασμού'); }],
    diagrafike: ['Γραφίς', function (y) { keimeno('Ο λογαριασμός σας διαγράφηκε.', 16, y + 20, 18, '#1b2328', 700); }]
  };

  function forma(action, y, label) {
    pedio(action + ':email', 'Email', 16, y, W - 32, 'email', '');
    pedio(action + ':kodikos', 'Κωδικός', 16, y + 80, W - 32, 'password', '');
    koumpi(label, 16, y + 170, W - 32, 52, 'gemato', function () {
      api(action, {username: (pedia[action + ':email'] || '').trim(), password: pedia[action + ':kodikos'] || ''}).then(function (r) {
        if (r.status !== 200 && r.status !== 201) {
          minima[action] = action === 'login' ? 'Λάθος email ή κωδικός.' : r.body.error === 'taken' ? 'Υπάρχει ήδη λογαριασμός με αυτό το email.' : 'Ελέγξτε το email και τον κωδικό (τουλάχιστον 6 χαρακτήρες).';
          render(); return;
        }
        localStorage.setItem(K + 'token', r.body.token); localStorage.setItem(K + 'user', r.body.username);
        pedia = {}; minima = {}; stack = ['profil']; render();
      });
    });
    if (minima[action]) keimeno(minima[action], 16, y + 236, 14, '#b3261e');
  }

  function dialogBox(title, h) {
    ctx.fillStyle = 'rgba(0,0,0,0.5)'; ctx.fillRect(0, 0, W, H);
    var x = 24, w = W - 48, y = Math.max(40, (H - h) / 2);
    box(x, y, w, h, '#fff', 20);
    parentNode = record({role: 'dialog', label: title, x: x, y: y, w: w, h: h, id: 'dialog:' + title});
    keimeno(title, x + 20, y + 20, 20, '#1b2328', 700, w - 40);
    return {x: x, y: y, w: w};
  }
  var dialogoi = {
    synainesi1: function () {
      var d = dialogBox('Η ιδιωτικότητά σας', 300), y = d.y + 58;
      y += keimeno('Χρησιμοποιούμε cookies και παρόμοιες τεχνολογίες για στατιστικά, εξατομίκευση και διαφήμιση. Μπορείτε να τα αποδεχτείτε όλα ή να επιλέξετε στις ρυθμίσεις.', d.x + 20, y, 14, GKRI, 400, d.w - 40) + 18;
      koumpi('Αποδοχή όλων', d.x + 20, y, d.w - 40, 56, 'gemato', function () { apantisi(true); });
      ctx.font = font(14, 400); var tw = ctx.measureText('Ρυθμίσεις').width + 20;
      koumpi('Ρυθμίσεις', d.x + (d.w - tw) / 2, y + 64, tw, 32, 'aplo', function () { dialogos = 'synainesi2'; render(); });
    },
    synainesi2: function () {
      var d = dialogBox('Ρυθμίσεις απορρήτου', 330), y = d.y + 58;
      y += keimeno('Επιλέξτε για ποιους σκοπούς επιτρέπετε τη χρήση των δεδομένων σας.', d.x + 20, y, 14, GKRI, 400, d.w - 40) + 10;
      tetragono('Στατιστικά', 'statistika', d.x + 20, y, d.w - 40);
      tetragono('Εξατομίκευση', 'exatomikefsi', d.x + 20, y + 48, d.w - 40);
      tetragono('Διαφήμιση', 'diafimisi', d.x + 20, y + 96, d.w - 40);
      koumpi('Αποθήκευση', d.x + 20, y + 160, d.w - 40, 48, 'gemato', function () { apantisi(null); });
    },
    diagrafi: function () {
      var d = dialogBox('Διαγραφή λογαριασμού;', 210), y = d.y + 58;
      y += keimeno('Η ενέργεια δεν αναιρείται. Όλες οι σημειώσεις σας θα χαθούν.', d.x + 20, y, 14, GKRI, 400, d.w - 40) + 22;
      var bw = (d.w - 52) / 2;
      koumpi('Άκυρο', d.x + 20, y, bw, 48, 'gemato', function () { dialogos = null; render(); });
      koumpi('Διαγραφή', d.x + 32 + bw, y, bw, 48, 'gemato', function () {
        api('delete', {}).then(function (r) {
          if (r.status !== 200) return;
          localStorage.removeItem(K + 'token'); localStorage.removeItem(K + 'user');
          dialogos = null; stack = ['diagrafike']; render();
        });
      });
    }
  };

  function apantisi(ola) {
    var e = ola ? {statistika: true, exatomikefsi: true, diafimisi: true} : epiloges;
    localStorage.setItem(K + 'synainesi', JSON.stringify(e));
    dialogos = null; render();
  }
  function fonitiki() {
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) { minima.mic = 'Η φωνητική αναζήτηση δεν υποστηρίζεται.'; render(); return; }
    navigator.mediaDevices.getUserMedia({audio: true}).then(function (s) {
      s.getTracks().forEach(function (t) { t.stop(); });
      minima.mic = 'Σας ακούμε… Πείτε τι ψάχνετε.'; render();
    }, function (e) {
      minima.mic = e && e.name === 'NotAllowedError'
        ? 'Η φωνητική αναζήτηση είναι απενεργοποιημένη. Πληκτρολογήστε την αναζήτησή σας.'
        : 'Δεν βρέθηκε μικρόφωνο στη συσκευή.';
      render();
    });
  }
  function pame(name) { stack.push(name); minima = {}; apotelesmata = null; render(); }
  function tab(name) { stack = [name]; minima = {}; apotelesmata = null; render(); }

  // ---- a frame: paint, record nodes, mirror them
  function render() {
    var dpr = window.devicePixelRatio || 1;
    W = window.innerWidth; H = window.innerHeight;
    if (canvas.width !== Math.round(W * dpr) || canvas.height !== Math.round(H * dpr)) { canvas.width = Math.round(W * dpr); canvas.height = Math.round(H * dpr); }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = '#fafafa'; ctx.fillRect(0, 0, W, H);
    nodes = []; parentNode = null;
    var name = stack[stack.length - 1], o = othones[name];
    ctx.fillStyle = MPLE; ctx.fillRect(0, 0, W, 56);
    var tx = 16;
    if (stack.length > 1) {
      tx = 60;
      eikonidio('Πίσω', 4, 4, function (cx, cy) {
        ctx.strokeStyle = '#fff'; ctx.lineWidth = 2.5; ctx.beginPath(); ctx.moveTo(cx + 6, cy - 8); ctx.lineTo(cx - 4, cy); ctx.lineTo(cx + 6, cy + 8); ctx.stroke();
      }, function () { stack.pop(); minima = {}; render(); });
    }
    ctx.font = font(20, 700); ctx.fillStyle = '#fff'; ctx.textBaseline = 'middle'; ctx.fillText(o[0], tx, 28);
    record({role: 'text', label: o[0], x: tx, y: 14, w: W - tx - 16, h: 28, id: 'header'});
    o[1](76);
    ctx.fillStyle = '#fff'; ctx.fillRect(0, H - 64, W, 64); ctx.fillStyle = '#dde2e5'; ctx.fillRect(0, H - 64, W, 1);
    [['arxiki', 'Αρχική'], ['anazitisi', 'Αναζήτηση'], ['profil', 'Προφίλ']].forEach(function (t, i) {
      var w = W / 3, on = stack[0] === t[0];
      ctx.font = font(14, on ? 700 : 400); ctx.fillStyle = on ? MPLE : GKRI; ctx.textAlign = 'center'; ctx.textBaseline = 'middle';
      ctx.fillText(t[1], i * w + w / 2, H - 32); ctx.textAlign = 'left';
      record({role: 'button', label: t[1], x: i * w, y: H - 64, w: w, h: 64, id: 'tab:' + t[0], tap: function () { tab(t[0]); }});
    });
    if (dialogos) dialogoi[dialogos]();
    if (semantika) kathreftis();
  }

  function ektethimena() {                  // a modal barrier hides what is under the dialog, as Flutter's does
    var d = nodes.filter(function (n) { return n.role === 'dialog'; })[0];
    return d ? nodes.filter(function (n) { return n === d || n.parent === d; }) : nodes;
  }
  function kathreftis() {
    var seen = {};
    ektethimena().forEach(function (n) {
      var e = stoixeia[n.id];
      if (!e) {
        e = document.createElement('flt-semantics'); stoixeia[n.id] = e;
        if (n.role === 'field') {
          var i = document.createElement('input'); i.type = n.type; i.setAttribute('aria-label', n.label);
          if (n.hint) i.placeholder = n.hint;
          i.addEventListener('input', function () { pedia[n.key] = i.value; render(); });
          e.appendChild(i);
        } else if (n.role !== 'text' && n.role !== 'dialog') {
          e.tabIndex = 0;
          e.addEventListener('click', function (ev) { ev.stopPropagation(); var cur = nodes.filter(function (m) { return m.id === n.id; })[0]; if (cur && cur.tap) cur.tap(); });
        }
      }
      if (n.role === 'text') { e.className = 'keimeno'; e.textContent = n.label; e.removeAttribute('role'); }
      else if (n.role === 'dialog') { e.setAttribute('role', 'dialog'); e.setAttribute('aria-modal', 'true'); e.setAttribute('aria-label', n.label); }
      else if (n.role === 'field') { var inp = e.firstChild; if (document.activeElement !== inp) inp.value = pedia[n.key] || ''; }
      else {
        e.setAttribute('role', n.role); e.setAttribute('aria-label', n.label);
        if (n.role === 'checkbox') e.setAttribute('aria-checked', String(!!n.checked));
      }
      var px = n.parent ? n.parent.x : 0, py = n.parent ? n.parent.y : 0;
      e.style.left = (n.x - px) + 'px'; e.style.top = (n.y - py) + 'px'; e.style.width = n.w + 'px'; e.style.height = n.h + 'px';
      var want = n.parent ? stoixeia[n.parent.id] : host;
      if (e.parentNode !== want) want.appendChild(e);
      seen[n.id] = true;
    });
    Object.keys(stoixeia).forEach(function (id) { if (!seen[id]) { stoixeia[id].remove(); delete stoixeia[id]; } });
  }

  // ---- typing without the accessibility layer: a transparent <input> over the field while it is edited
  function epexergasia(key) {
    if (semantika) { var s = stoixeia['field:' + key]; if (s) s.firstChild.focus(); return; }
    var n = nodes.filter(function (m) { return m.key === key; })[0];
    if (!editHost) { editHost = document.createElement('flt-text-editing-host'); document.body.appendChild(editHost); }
    editHost.textContent = '';
    var i = document.createElement('input'); i.type = n.type; i.value = pedia[key] || '';
    i.style.cssText = 'position:fixed;left:' + n.x + 'px;top:' + n.y + 'px;width:' + n.w + 'px;height:' + n.h + 'px;';
    i.addEventListener('input', function () { pedia[key] = i.value; render(); });
    i.addEventListener('blur', function () { setTimeout(function () { if (document.activeElement !== i) editHost.textContent = ''; }, 0); });
    editHost.appendChild(i); i.focus();
  }

  canvas.addEventListener('click', function (ev) {
    var list = ektethimena();
    for (var k = list.length - 1; k >= 0; k--) {
      var n = list[k];
      if (n.tap && ev.clientX >= n.x && ev.clientX <= n.x + n.w && ev.clientY >= n.y && ev.clientY <= n.y + n.h) { n.tap(); return; }
    }
  });
  var placeholder = document.querySelector('flt-semantics-placeholder');
  function energopoiisi() {
    if (semantika) return;
    semantika = true; placeholder.remove();
    host = document.createElement('flt-semantics-host'); document.body.appendChild(host);
    render();
  }
  placeholder.addEventListener('click', energopoiisi);
  placeholder.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') energopoiisi(); });
  window.addEventListener('resize', render);

  if (!localStorage.getItem(K + 'synainesi')) dialogos = 'synainesi1';
  render();
}());
