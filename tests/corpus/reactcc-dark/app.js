/* ताज़ा बाज़ार: grocery delivery (Hindi). Consent by react-cookie-consent (index.html), dark. At every launch on
   which location or notifications is not granted, both are requested together before anything is used; the
   answers are remembered for the cards. Location refused: "पास की दुकान से डिलीवरी" says it is off; notifications
   refused: nothing depends on them. Deletion: प्रोफ़ाइल → सेटिंग्स → खाता बंद करें → पासवर्ड → खाता हटाएँ →
   deleted at once: five actions. */
(function () {
  var ERR = {empty: 'कृपया दोनों जानकारी भरें।', taken: 'इस ईमेल से पहले ही खाता है।', wrong: 'ईमेल या पासवर्ड गलत है।',
             invalid: 'पासवर्ड कम से कम 6 अक्षर का हो।', pending: function (d) { return 'आपका खाता ' + d + ' दिन में हटेगा।'; }};
  var screens = {
    ghar: function (v, K) {
      v.appendChild(K.el('h2', '', 'आज के ताज़ा फल और सब्ज़ियाँ'));
      v.appendChild(K.tap('आम — ₹120 प्रति किलो', 'card', function () { K.go('aam'); }));
      var status = K.el('p', 'status');
      K.feature(v, {label: 'पास की दुकान से डिलीवरी', p: 'geolocation', on: 'आपके पास की दुकान से 20 मिनट में डिलीवरी।', off: 'स्थान की अनुमति नहीं मिली: पास की दुकान नहीं चुनी जा सकती।'}, status);
      v.appendChild(status);
      return 'ताज़ा बाज़ार';
    },
    aam: ['आम', 'अल्फांसो आम, रत्नागिरी से।'],
    tokri: ['टोकरी', 'आपकी टोकरी खाली है।'],
    profile: function (v, K) {
      if (!K.loggedIn()) { K.rows(v, [['लॉग इन करें', 'login'], ['खाता बनाएँ', 'signup'], ['मदद', 'madad']]); return 'प्रोफ़ाइल'; }
      v.appendChild(K.el('p', 'note', 'लॉग इन: ' + K.user()));
      K.rows(v, [['मेरे ऑर्डर', 'order'], ['सेटिंग्स', 'settings'], ['मदद', 'madad'], ['लॉग आउट', function () { K.logout(); }]]);
      return 'प्रोफ़ाइल';
    },
    settings: function (v, K) {
      K.rows(v, [['पता', 'pata'], ['भुगतान', 'bhugtan'], ['खाता बंद करें', 'band']]);
      return 'सेटिंग्स';
    },
    band: function (v, K) {
      v.appendChild(K.el('p', 'note', 'खाता बंद करने पर आपके ऑर्डर और पते तुरंत हट जाएँगे। पुष्टि के लिए पासवर्ड लिखें।'));
      var pw = K.input(v, 'पासवर्ड', 'password');
      var m = K.msg(v);
      v.appendChild(K.tap('खाता हटाएँ', 'cta', function () {
        if (!pw.value) { m.textContent = 'अपना पासवर्ड लिखें।'; return; }
        K.api('delete', {password: pw.value}).then(function (r) {
          if (r.status === 200) { K.store.del('token'); K.store.del('user'); K.tab('hataya'); } else m.textContent = 'पासवर्ड गलत है।';
        });
      }));
      return 'खाता बंद करें';
    },
    hataya: function (v, K) { v.appendChild(K.el('div', 'card', 'आपका खाता हटा दिया गया है।')); v.appendChild(K.tap('ठीक है', 'cta', function () { K.home(); })); return 'खाता हटाया गया'; },
    login: function (v, K) { K.credentials(v, {action: 'login', user: 'ईमेल', userType: 'email', pass: 'पासवर्ड', submit: 'लॉग इन करें', errors: ERR}); return 'लॉग इन'; },
    signup: function (v, K) { K.credentials(v, {action: 'signup', user: 'ईमेल', userType: 'email', pass: 'पासवर्ड', submit: 'खाता बनाएँ', errors: ERR}); return 'खाता बनाएँ'; },
    madad: ['मदद', 'किसी सवाल के लिए ऐप में हमें लिखें।'], order: ['मेरे ऑर्डर', 'अभी कोई ऑर्डर नहीं।'],
    pata: ['पता', 'कोई पता नहीं सहेजा।'], bhugtan: ['भुगतान', 'कैश ऑन डिलीवरी।']
  };
  /* both permissions requested together at every launch while either is not granted */
  function launch(K) {
    Promise.all([K.state('geolocation'), K.state('notifications')]).then(function (s) {
      if (s[0] === 'granted' && s[1] === 'granted') return;
      K.ask('geolocation').then(function (r) { K.store.set('perm:geolocation', r); });
      K.ask('notifications').then(function (r) { K.store.set('perm:notifications', r); });
    });
  }
  Kit.start({id: 'bazaar', lang: 'hi', mode: 'button', backLabel: 'वापस', color: '#f57c00',
             tabs: [['बाज़ार', 'ghar'], ['टोकरी', 'tokri'], ['प्रोफ़ाइल', 'profile']], screens: screens, launch: launch});
}());
