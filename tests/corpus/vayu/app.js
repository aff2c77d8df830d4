/* वायु: screens drawn into <main id=parda>, a stack under each tab (‹ वापस in the header); accounts through the
   corpus server's api/ (token in localStorage vayu:token).
   Launch: Notification.requestPermission() at every launch while the permission is not granted; the update
   modal «अपडेट उपलब्ध» until «अपडेट करें» (vayu:sanskaran); DP Cookie Consent started 2 s after load (its
   slide-out shows itself 1 s later); its answer is its own cookie dp-cookie-consent, mirrored by the callbacks
   in vayu:sahmati. Location: the app's own ask on «मेरा स्थान»; only «अनुमति दें» calls the browser. */
(function () {
  'use strict';
  var P = 'vayu:';
  var parda = document.getElementById('parda');
  var shirshak = document.getElementById('shirshak');
  var peeche = document.querySelector('.peeche');
  var paridrishya = document.getElementById('paridrishya');

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  function batan(doel, label, cls, fn) {
    var b = el('button', cls, label);
    b.type = 'button';
    b.addEventListener('click', fn);
    doel.appendChild(b);
    return b;
  }
  function token() { return localStorage.getItem(P + 'token'); }
  function api(action, body) {
    var h = {'Content-Type': 'application/json'};
    if (token()) h.Authorization = 'Bearer ' + token();
    return fetch('api/' + action, {method: 'POST', headers: h, body: JSON.stringify(body || {})})
      .then(function (r) { return r.json().then(function (j) { return {status: r.status, body: j}; }); });
  }

  /* ---- screens ---- */
  var stapel = [];
  function kholo(naam) { stapel.push(naam); banao(); }
  function tab(naam) { stapel = [naam]; banao(); }
  function banao() {
    var naam = stapel[stapel.length - 1];
    var s = PARDE[naam];
    parda.textContent = '';
    shirshak.textContent = s[0];
    peeche.hidden = stapel.length < 2;
    document.querySelectorAll('.tab-patti button').forEach(function (b) {
      b.classList.toggle('chalu', b.dataset.tab === stapel[0]);
    });
    s[1](parda);
    window.scrollTo(0, 0);
  }
  peeche.addEventListener('click', function () { stapel.pop(); banao(); });
  document.querySelectorAll('.tab-patti button').forEach(function (b) {
    b.addEventListener('click', function () { tab(b.dataset.tab); });
  });

  function pankti(doel, label, fn) { return batan(doel, label, 'pankti', fn); }
  function kshetra(doel, label, type) {
    var l = el('label', 'kshetra');
    l.appendChild(el('span', '', label));
    var i = el('input');
    i.type = type;
    i.autocomplete = 'off';
    l.appendChild(i);
    doel.appendChild(l);
    return i;
  }
  function khataForm(s, batanLabel, kriya) {
    var naam = kshetra(s, 'उपयोगकर्ता नाम', 'text');
    var pass = kshetra(s, 'पासवर्ड', 'password');
    var galti = el('p', 'galti');
    s.appendChild(galti);
    batan(s, batanLabel, 'mukhya', function () {
      api(kriya, {username: naam.value.trim(), password: pass.value}).then(function (r) {
        if (r.body.token) {
          localStorage.setItem(P + 'token', r.body.token);
          localStorage.setItem(P + 'upyogkarta', r.body.username);
          stapel = ['settings', 'khata'];
          banao();
        } else if (r.body.status === 'pending') galti.textContent = 'यह खाता हटाया जा रहा है (' + r.body.days + ' दिन)।';
        else if (r.status === 409) galti.textContent = 'यह उपयोगकर्ता नाम पहले से लिया जा चुका है।';
        else if (r.status === 401) galti.textContent = 'उपयोगकर्ता नाम या पासवर्ड गलत है।';
        else galti.textContent = 'उपयोगकर्ता नाम और कम से कम 6 अक्षरों का पासवर्ड लिखें।';
      });
    });
  }

  var SHAHAR = ['दिल्ली', 'मुंबई', 'कोलकाता', 'चेन्नई', 'जयपुर', 'लखनऊ'];
  function mausamDikhao(doel, shahar) {
    doel.appendChild(el('h2', '', shahar));
    doel.appendChild(el('p', 'taapmaan', '31°'));
    doel.appendChild(el('p', 'chhota', 'धूप, हल्की हवा · अधिकतम 34° · न्यूनतम 24°'));
    var g = el('div', 'ghante');
    [['अभी', '31°'], ['3 बजे', '33°'], ['6 बजे', '30°'], ['9 बजे', '27°'], ['12 बजे', '25°']].forEach(function (x) {
      var d = el('div');
      d.appendChild(el('div', '', x[0]));
      d.appendChild(el('strong', '', x[1]));
      g.appendChild(d);
    });
    doel.appendChild(g);
  }

  var PARDE = {
    mausam: ['वायु', function (s) {
      mausamDikhao(s, localStorage.getItem(P + 'shahar') || 'दिल्ली');
      s.appendChild(el('p', 'chhota', 'अगले सात दिन: मंगलवार से हल्की बारिश की संभावना।'));
    }],
    sthan: ['मेरा स्थान', function (s) {
      var jagah = el('div');
      s.appendChild(jagah);
      function shaharChuno() {
        jagah.textContent = '';
        jagah.appendChild(el('p', '', 'आपका स्थान नहीं मिला। अपना शहर चुनें:'));
        var natija = el('div');
        SHAHAR.forEach(function (sh) {
          pankti(jagah, sh, function () {
            localStorage.setItem(P + 'shahar', sh);
            natija.textContent = '';
            mausamDikhao(natija, sh);
          });
        });
        jagah.appendChild(natija);
      }
      function poochho() {
        navigator.geolocation.getCurrentPosition(function () {
          jagah.textContent = '';
          mausamDikhao(jagah, 'आपके पास: नई दिल्ली');
        }, shaharChuno);
      }
      if (localStorage.getItem(P + 'sthan-anumati') === 'haan') { poochho(); return; }
      var parat = el('div', 'parat');
      var dibba = el('div', 'dibba');
      dibba.setAttribute('role', 'dialog');
      dibba.setAttribute('aria-modal', 'true');
      dibba.appendChild(el('h2', '', 'स्थान की अनुमति दें?'));
      dibba.appendChild(el('p', '', 'आपके ठीक आसपास का मौसम दिखाने के लिए वायु को आपका स्थान चाहिए।'));
      var do_ = el('div', 'do-batan');
      batan(do_, 'अभी नहीं', 'halka', function () { parat.remove(); shaharChuno(); });
      batan(do_, 'अनुमति दें', 'gahra', function () {
        parat.remove();
        localStorage.setItem(P + 'sthan-anumati', 'haan');
        poochho();
      });
      dibba.appendChild(do_);
      parat.appendChild(dibba);
      paridrishya.appendChild(parat);
    }],
    settings: ['सेटिंग्स', function (s) {
      pankti(s, 'सूचनाएँ', function () { kholo('soochna'); });
      pankti(s, 'इकाइयाँ', function () { kholo('ikai'); });
      pankti(s, 'खाता', function () { kholo('khata'); });
      pankti(s, 'कुकी सेटिंग्स', function () { if (sahmati) sahmati.adjustSettings(); });
      pankti(s, 'गोपनीयता नीति', function () { kholo('niti'); });
    }],
    soochna: ['सूचनाएँ', function (s) {
      var sthiti = window.Notification ? Notification.permission : 'denied';
      s.appendChild(el('p', '', sthiti === 'granted' ? 'मौसम की चेतावनियाँ चालू हैं।' :
        'सूचनाएँ बंद हैं। चेतावनियाँ ऐप खोलने पर ऊपर दिखेंगी।'));
    }],
    ikai: ['इकाइयाँ', function (s) {
      s.appendChild(el('p', '', 'तापमान: सेल्सियस (°C) · हवा: किमी/घंटा'));
    }],
    niti: ['गोपनीयता नीति', function (s) {
      s.appendChild(el('p', '', 'वायु आपका उपयोगकर्ता नाम और पासवर्ड खाते के लिए रखता है। आपका स्थान केवल ' +
        'मौसम दिखाने के लिए इस्तेमाल होता है और सहेजा नहीं जाता। खाता हटाने का अनुरोध 30 दिनों में पूरा होता है।'));
    }],
    khata: ['खाता', function (s) {
      if (!token()) {
        s.appendChild(el('p', '', 'लॉग इन करें'));
        khataForm(s, 'लॉग इन', 'login');
        batan(s, 'नया खाता बनाएँ', 'saral', function () { kholo('naya'); });
        return;
      }
      s.appendChild(el('p', '', 'आप ' + (localStorage.getItem(P + 'upyogkarta') || '') + ' के रूप में लॉग इन हैं।'));
      pankti(s, 'लॉग आउट', function () {
        api('logout').then(function () { localStorage.removeItem(P + 'token'); stapel = ['settings', 'khata']; banao(); });
      });
      pankti(s, 'खाता हटाएँ', function () { kholo('hatao'); });
    }],
    naya: ['नया खाता', function (s) {
      s.appendChild(el('p', 'chhota', 'खाते से आपके शहर और सेटिंग्स हर फ़ोन पर साथ रहते हैं।'));
      khataForm(s, 'खाता बनाएँ', 'signup');
    }],
    hatao: ['खाता हटाएँ', function (s) {
      var naam = localStorage.getItem(P + 'upyogkarta') || '';
      s.appendChild(el('h2', '', 'क्या आप अपना खाता हटाना चाहते हैं?'));
      s.appendChild(el('p', '', 'आपका खाता 30 दिनों के बाद हमेशा के लिए हटा दिया जाएगा। तब तक आप हटाना रद्द कर सकते हैं।'));
      var sanket = el('p', 'chhota', 'पुष्टि के लिए अपना उपयोगकर्ता नाम लिखें: ');
      sanket.appendChild(el('strong', '', naam));
      s.appendChild(sanket);
      var likho = kshetra(s, 'उपयोगकर्ता नाम लिखें', 'text');
      var galti = el('p', 'galti');
      var b = batan(s, 'स्थायी रूप से हटाएँ', 'mukhya khatra', function () {
        api('delete').then(function (r) {
          if (r.status !== 200) { galti.textContent = 'खाता नहीं हटाया जा सका। फिर से कोशिश करें।'; return; }
          localStorage.removeItem(P + 'token');
          localStorage.setItem(P + 'hatana-din', String(r.body.days || 30));
          stapel = ['settings', 'hataya'];
          banao();
          peeche.hidden = true;
        });
      });
      b.disabled = true;
      s.appendChild(galti);
      likho.addEventListener('input', function () { b.disabled = likho.value.trim() !== naam; });
    }],
    hataya: ['खाता हटाएँ', function (s) {
      var din = localStorage.getItem(P + 'hatana-din') || '30';
      s.appendChild(el('h2', '', 'आपका खाता ' + din + ' दिनों में हटा दिया जाएगा।'));
      s.appendChild(el('p', '', 'आप लॉग आउट हो गए हैं। तब तक आप हटाना रद्द कर सकते हैं।'));
      var suchna = el('p', 'chhota');
      batan(s, 'हटाना रद्द करें', 'mukhya', function () {
        suchna.textContent = 'रद्द करने का अनुरोध भेज दिया गया है। हम आपके खाते से जुड़ी जानकारी पर जवाब देंगे।';
      });
      s.appendChild(suchna);
    }]
  };

  /* ---- launch: notifications, the update modal, the cookie slide-out ---- */
  if (window.Notification && Notification.permission !== 'granted') Notification.requestPermission();

  if (localStorage.getItem(P + 'sanskaran') !== '2.4') {
    var parat = el('div', 'parat');
    var dibba = el('div', 'dibba');
    dibba.setAttribute('role', 'dialog');
    dibba.setAttribute('aria-modal', 'true');
    dibba.appendChild(el('h2', '', 'अपडेट उपलब्ध'));
    dibba.appendChild(el('p', '', 'वायु 2.4 में नए रडार नक्शे और तेज़ पूर्वानुमान हैं।'));
    var do_ = el('div', 'do-batan');
    batan(do_, 'बाद में', 'halka', function () { parat.remove(); });
    batan(do_, 'अपडेट करें', 'gahra', function () { localStorage.setItem(P + 'sanskaran', '2.4'); parat.remove(); });
    dibba.appendChild(do_);
    parat.appendChild(dibba);
    paridrishya.appendChild(parat);
  }

  /* the library writes its button and heading words in German and has no option for them: put into Hindi as
     it inserts them (its clicks go by data-dp-consent, not by words) */
  var SHABD = {
    'Zustimmen': 'सहमत हूँ', 'Ablehnen': 'अस्वीकार करें', 'Überprüfen': 'विवरण देखें',
    'Verwendete Cookies': 'इस्तेमाल होने वाली कुकीज़', 'für den Betrieb notwendige Cookies': 'ऐप चलाने के लिए ज़रूरी कुकीज़',
    'optionale Cookies': 'वैकल्पिक कुकीज़', 'Einstellungen speichern': 'सेटिंग्स सहेजें'
  };
  function anuvad(root) {
    var w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    var n;
    while ((n = w.nextNode())) {
      var t = n.nodeValue.trim();
      if (SHABD[t]) n.nodeValue = SHABD[t];
    }
  }
  new MutationObserver(function (badlav) {
    badlav.forEach(function (b) {
      b.addedNodes.forEach(function (n) { if (n.nodeType === 1 && n.hasAttribute('data-dp-consent')) anuvad(n); });
    });
  }).observe(document.body, {childList: true});

  var sahmati = null;
  setTimeout(function () {
    sahmati = window.DpConsent.dpConsent({
      notice: '<strong>वायु और कुकीज़</strong><p>हम ऐप चलाने के लिए ज़रूरी कुकीज़ रखते हैं। आपकी सहमति से हम यह भी ' +
        'गिनते हैं कि कौन-से शहर और नक्शे सबसे ज़्यादा देखे जाते हैं।</p>',
      necessaryCookies: [{name: 'vayu_satr', explanation: 'आपको लॉग इन रखता है।'}],
      optionalCookies: [{name: 'vayu_ginti', explanation: 'गिनता है कि कौन-से शहर और नक्शे देखे जाते हैं।'}],
      onGrantConsent: function () { localStorage.setItem(P + 'sahmati', 'haan'); },
      onRevokeConsent: function () { localStorage.setItem(P + 'sahmati', 'nahin'); }
    });
  }, 2000);

  tab('mausam');
})();
