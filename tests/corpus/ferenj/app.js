/* Ferenj: screens drawn into <main>; accounts through the corpus server's api/. Launches counted in
   localStorage ferenj:launches. At every launch a full-screen advert whose × shows after a 5 s countdown; at the
   second launch, once the advert is closed, the rating prompt. Consent: <hb-cookie-law-banner> (the library stores
   localStorage cookielaw = "yes"; the app keeps ferenj:analytics-id from then on). Location only on the
   stores-near-me page (getCurrentPosition); refused, a postcode field lists the same stores. Deletion is a request:
   ferenj:deletion-request is stored, nothing is sent to api/delete, the account stays usable. */
(function () {
  'use strict';
  var P = 'ferenj:';
  var page = document.getElementById('page');
  var title = document.getElementById('title');

  function token() { return localStorage.getItem(P + 'token'); }
  function api(action, body) {
    var h = {'Content-Type': 'application/json'};
    if (token()) h.Authorization = 'Bearer ' + token();
    return fetch('api/' + action, {method: 'POST', headers: h, body: JSON.stringify(body || {})})
      .then(function (r) { return r.json().then(function (j) { return {status: r.status, body: j}; }); });
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  function row(text, fn) {
    var b = el('button', 'row', text); b.type = 'button'; b.addEventListener('click', fn); page.appendChild(b); return b;
  }

  var PRODUCTS = [['የቆዳ ጫማ', '1,250 ብር'], ['የሀገር ባህል ቀሚስ', '2,800 ብር'], ['የቡና ስኒ ስብስብ', '640 ብር'], ['የጀርባ ቦርሳ', '980 ብር']];
  var STORES = [['ፈረንጅ ቦሌ', 'ቦሌ መንገድ፣ ከኤድና ሞል አጠገብ', 9.0, 38.79], ['ፈረንጅ ፒያሳ', 'ቸርችል ጎዳና', 9.035, 38.752],
                ['ፈረንጅ መገናኛ', 'መገናኛ አደባባይ', 9.02, 38.80], ['ፈረንጅ ሳሪስ', 'ሳሪስ አዲሱ ሰፈር', 8.95, 38.76]];

  function storeList(from) {
    var list = STORES.slice();
    if (from) list.sort(function (a, b) { return dist(from, a) - dist(from, b); });
    list.forEach(function (s) {
      var c = el('div', 'card');
      c.appendChild(el('strong', '', s[0])); c.appendChild(el('p', '', s[1]));
      if (from) c.appendChild(el('p', '', Math.round(dist(from, s)) + ' ኪሜ ይርቃል'));
      page.appendChild(c);
    });
  }
  function dist(from, s) { var dx = (from[0] - s[2]) * 111, dy = (from[1] - s[3]) * 111; return Math.sqrt(dx * dx + dy * dy); }

  var screens = {
    'መነሻ': ['ፈረንጅ', function () {
      var near = el('button', 'btn', 'በአቅራቢያዬ ያሉ መደብሮች'); near.type = 'button';
      near.addEventListener('click', function () { show('መደብሮች'); });
      page.appendChild(near);
      page.appendChild(el('h2', '', 'የዛሬ ምርጦች'));
      PRODUCTS.forEach(function (p) {
        var c = el('div', 'card'); c.appendChild(el('strong', '', p[0])); c.appendChild(el('p', '', p[1]));
        var add = el('button', 'btn', 'ወደ ጋሪ ጨምር'); add.type = 'button';
        add.addEventListener('click', function () { add.textContent = 'ተጨምሯል ✓'; });
        c.appendChild(add); page.appendChild(c);
      });
    }],
    'መደብሮች': ['በአቅራቢያዬ ያሉ መደብሮች', function () {
      var wait = el('p', '', 'አካባቢዎን በማግኘት ላይ…'); page.appendChild(wait);
      if (!navigator.geolocation) { refused(wait); return; }
      navigator.geolocation.getCurrentPosition(function (pos) {
        wait.textContent = 'ከእርስዎ አቅራቢያ ያሉ መደብሮች፦';
        storeList([pos.coords.latitude, pos.coords.longitude]);
      }, function () { refused(wait); }, {timeout: 10000});
    }],
    'ጋሪ': ['ጋሪ', function () { page.appendChild(el('p', '', 'ጋሪዎ ባዶ ነው።')); }],
    'መገለጫ': ['መገለጫ', function () {
      if (!token()) {
        row('ግባ', function () { show('ግባ'); });
        row('ተመዝገብ', function () { show('ተመዝገብ'); });
        return;
      }
      page.appendChild(el('p', '', 'እንደ ' + localStorage.getItem(P + 'user') + ' ገብተዋል'));
      if (localStorage.getItem(P + 'deletion-request')) page.appendChild(el('p', 'note', 'ውሂብዎን የመሰረዝ ጥያቄዎ በመጠባበቅ ላይ ነው።'));
      row('ትዕዛዞቼ', function () { show('ትዕዛዞቼ'); });
      row('ውጣ', function () { api('logout'); localStorage.removeItem(P + 'token'); localStorage.removeItem(P + 'user'); show('መገለጫ'); });
    }],
    'ትዕዛዞቼ': ['ትዕዛዞቼ', function () { page.appendChild(el('p', '', 'እስካሁን ምንም ትዕዛዝ የለዎትም።')); }],
    'ቅንብሮች': ['ቅንብሮች', function () {
      row('ቋንቋ', function () { show('ቋንቋ'); });
      row('ማሳወቂያዎች', function () { show('ማሳወቂያዎች'); });
      row('ግላዊነት', function () { show('ግላዊነት'); });
    }],
    'ቋንቋ': ['ቋንቋ', function () { page.appendChild(el('p', '', 'የመተግበሪያው ቋንቋ፦ አማርኛ')); }],
    'ማሳወቂያዎች': ['ማሳወቂያዎች', function () { page.appendChild(el('p', '', 'የቅናሽ ማሳወቂያዎች በኢሜይል ይላካሉ።')); }],
    'ግላዊነት': ['ግላዊነት', function () {
      row('የኩኪ ምርጫዎች', function () { show('ኩኪዎች'); });
      row('የግላዊነት ፖሊሲ', function () { show('ፖሊሲ'); });
      row('የውሂቤን መሰረዝ ጠይቅ', function () { show('መሰረዝ'); });
    }],
    'ኩኪዎች': ['የኩኪ ምርጫዎች', function () {
      page.appendChild(el('p', '', localStorage.getItem('cookielaw') === 'yes' ? 'በኩኪዎች ተስማምተዋል።' : 'እስካሁን አልመረጡም።'));
    }],
    'ፖሊሲ': ['የግላዊነት ፖሊሲ', function () {
      page.appendChild(el('p', '', 'ፈረንጅ የእርስዎን ኢሜይል፣ የግዢ ታሪክ እና በፈቀዱልን ጊዜ አካባቢዎን ይሰበስባል። ውሂብዎን እንዲሰረዝ መጠየቅ ይችላሉ።'));
    }],
    'መሰረዝ': ['የውሂቤን መሰረዝ ጠይቅ', function () {
      if (!token()) { page.appendChild(el('p', '', 'ጥያቄ ለማቅረብ እባክዎ ይግቡ።')); return; }
      var f = el('form');
      f.appendChild(el('p', '', 'ጥያቄዎን ከተቀበልን በኋላ ውሂብዎን እንገመግማለን።'));
      var lr = el('label', '', 'ምክንያት'); lr.htmlFor = 'reason'; f.appendChild(lr);
      var s = el('select'); s.id = 'reason'; s.required = true;
      [['', 'ምክንያት ይምረጡ'], ['unused', 'ከእንግዲህ አልጠቀምበትም'], ['ads', 'በጣም ብዙ ማስታወቂያዎች'], ['privacy', 'የግላዊነት ስጋት'], ['other', 'ሌላ']].forEach(function (o) {
        var op = el('option', '', o[1]); op.value = o[0]; s.appendChild(op);
      });
      f.appendChild(s);
      var le = el('label', '', 'ኢሜይልዎን እንደገና ያስገቡ'); le.htmlFor = 'again'; f.appendChild(le);
      var e = el('input'); e.id = 'again'; e.type = 'email'; e.required = true; f.appendChild(e);
      var b = el('button', 'btn', 'ላክ'); b.type = 'submit'; f.appendChild(b);
      var k = el('p', 'err'); k.setAttribute('aria-live', 'polite'); f.appendChild(k);
      f.addEventListener('submit', function (ev) {
        ev.preventDefault();
        if (!s.value) { k.textContent = 'እባክዎ ምክንያት ይምረጡ።'; return; }
        if (e.value.trim().toLowerCase() !== (localStorage.getItem(P + 'user') || '').toLowerCase()) { k.textContent = 'ኢሜይሉ ከመለያዎ ጋር አይዛመድም።'; return; }
        localStorage.setItem(P + 'deletion-request', JSON.stringify({reason: s.value, at: new Date().toISOString()}));
        show('ተልኳል');
      });
      page.appendChild(f);
    }],
    'ተልኳል': ['ጥያቄዎ ተልኳል', function () {
      page.appendChild(el('p', 'ok', 'ጥያቄዎ በመጠባበቅ ላይ ነው። ውሂብዎን በ30 ቀናት ውስጥ እንሰርዛለን።'));
      page.appendChild(el('p', '', 'እስከዚያው ድረስ መለያዎን እንደተለመደው መጠቀም ይችላሉ።'));
    }],
    'ግባ': ['ግባ', function () { form('login', 'ግባ'); }],
    'ተመዝገብ': ['ተመዝገብ', function () { form('signup', 'መለያ ፍጠር'); }]
  };

  function refused(wait) {
    wait.textContent = 'አካባቢዎን አላጋሩም። የፖስታ ቁጥርዎን በማስገባት መደብሮችን ይፈልጉ።';
    var f = el('form');
    var l = el('label', '', 'የፖስታ ቁጥር'); l.htmlFor = 'postcode'; f.appendChild(l);
    var i = el('input'); i.id = 'postcode'; i.inputMode = 'numeric'; f.appendChild(i);
    var b = el('button', 'btn', 'ፈልግ'); b.type = 'submit'; f.appendChild(b);
    f.addEventListener('submit', function (ev) {
      ev.preventDefault();
      page.querySelectorAll('.card').forEach(function (c) { c.remove(); });
      storeList(null);
    });
    page.appendChild(f);
  }

  function form(action, label) {
    var f = el('form');
    var lu = el('label', '', 'ኢሜይል'); lu.htmlFor = action + '-mail'; f.appendChild(lu);
    var u = el('input'); u.id = action + '-mail'; u.type = 'email'; f.appendChild(u);
    var lp = el('label', '', 'የይለፍ ቃል'); lp.htmlFor = action + '-pass'; f.appendChild(lp);
    var p = el('input'); p.id = action + '-pass'; p.type = 'password'; f.appendChild(p);
    var b = el('button', 'btn', label); b.type = 'submit'; f.appendChild(b);
    var k = el('p', 'err'); f.appendChild(k);
    f.addEventListener('submit', function (ev) {
      ev.preventDefault();
      if (!u.value.trim() || !p.value) { k.textContent = 'ኢሜይል እና የይለፍ ቃል ያስገቡ።'; return; }
      api(action, {username: u.value.trim(), password: p.value}).then(function (r) {
        if (r.body.token) { localStorage.setItem(P + 'token', r.body.token); localStorage.setItem(P + 'user', u.value.trim()); show('መገለጫ'); return; }
        k.textContent = {401: 'የተሳሳተ ኢሜይል ወይም የይለፍ ቃል።', 409: 'በዚህ ኢሜይል መለያ አስቀድሞ አለ።', 400: 'የይለፍ ቃሉ ቢያንስ 6 ፊደላት ሊኖረው ይገባል።'}[r.status] || 'እንደገና ይሞክሩ።';
      });
    });
    page.appendChild(f);
  }

  function show(name) {
    var s = screens[name];
    page.textContent = ''; title.textContent = s[0];
    document.querySelectorAll('[data-tab]').forEach(function (b) {
      if (b.dataset.tab === name) b.setAttribute('aria-current', 'page'); else b.removeAttribute('aria-current');
    });
    s[1]();
  }
  document.querySelectorAll('[data-tab]').forEach(function (b) { b.addEventListener('click', function () { show(b.dataset.tab); }); });

  // consent: the library's bar; its fixed English/Italian words said in Amharic (no such locale; its slots do not render)
  var banner = document.getElementById('cookie');
  var WORDS = {'I Agree': 'እስማማለሁ', 'I Decline': 'አልስማማም', 'Learn more': 'ተጨማሪ ያንብቡ', 'Cookie Informations': 'ኩኪዎችን እንጠቀማለን',
    'Noi e terze parti selezionate utilizziamo cookie o tecnologie simili per finalità tecniche e, con il tuo consenso, anche per altre finalità come specificato nella cookie policy.':
      'ፈረንጅ ለትንታኔ፣ ለማስታወቂያ እና ግዢዎን ለማሻሻል ኩኪዎችን ይጠቀማል። መተግበሪያውን መጠቀምዎን በመቀጠል በዚህ ይስማማሉ።'};
  function amharic(root) {
    root.querySelectorAll('button, a, h1, h2, h3, h4, h5, p, span, div').forEach(function (n) {
      n.childNodes.forEach(function (t) {
        if (t.nodeType === 3 && WORDS[t.textContent.trim()]) t.textContent = WORDS[t.textContent.trim()];
      });
    });
  }
  customElements.whenDefined('hb-cookie-law-banner').then(function () {
    var tries = 0;
    (function attach() {
      var root = banner.shadowRoot;
      if (!root) { if (tries++ < 100) requestAnimationFrame(attach); return; }
      amharic(root);
      new MutationObserver(function () { amharic(root); }).observe(root, {subtree: true, childList: true, characterData: true});
    }());
  });
  function analytics() {
    if (localStorage.getItem('cookielaw') === 'yes' && !localStorage.getItem(P + 'analytics-id')) {
      localStorage.setItem(P + 'analytics-id', 'fr-' + Math.random().toString(36).slice(2, 12));
    }
  }
  banner.addEventListener('acceptCookieLaw', analytics);

  // the advert at every launch, then (second launch only) the rating prompt
  var launch = Number(localStorage.getItem(P + 'launches') || 0) + 1;
  localStorage.setItem(P + 'launches', String(launch));
  var ad = document.getElementById('ad'), count = document.getElementById('count'), close = document.getElementById('close');
  var rate = document.getElementById('rate');
  function rateDone() { localStorage.setItem(P + 'rated', '1'); rate.hidden = true; }
  rate.querySelectorAll('.stars button').forEach(function (b) { b.addEventListener('click', rateDone); });
  document.getElementById('later').addEventListener('click', function () { rate.hidden = true; });
  close.addEventListener('click', function () {
    ad.hidden = true;
    if (launch === 2 && !localStorage.getItem(P + 'rated')) rate.hidden = false;
  });
  var left = 5;
  ad.hidden = false;
  var timer = setInterval(function () {
    left -= 1;
    if (left > 0) { count.textContent = 'በ' + left + ' ሰከንድ ውስጥ መዝጋት ይችላሉ'; return; }
    clearInterval(timer); count.textContent = 'ማስታወቂያ'; close.hidden = false;
  }, 1000);

  analytics();
  show('መነሻ');
}());
