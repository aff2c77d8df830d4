/* रसोई: a recipe app (Hindi). Consent by react-cookie-consent (index.html), fair. Location asked only when
   "पास की दुकानें" is used; refused, only that card says it is off. Deletion: खाता → सेटिंग्स → खाता हटाएँ →
   पासवर्ड → खाता स्थायी रूप से हटाएँ → deleted at once: five actions. */
(function () {
  var ERR = {empty: 'कृपया दोनों जानकारी भरें।', taken: 'इस ईमेल से पहले ही खाता है।', wrong: 'ईमेल या पासवर्ड गलत है।',
             invalid: 'पासवर्ड कम से कम 6 अक्षर का हो।', pending: function (d) { return 'आपका खाता ' + d + ' दिन में हटेगा।'; }};
  var screens = {
    ghar: function (v, K) {
      v.appendChild(K.el('h2', '', 'आज क्या बनाएँ?'));
      v.appendChild(K.tap('पनीर बटर मसाला', 'card', function () { K.go('vyanjan'); }));
      var status = K.el('p', 'status');
      K.feature(v, {label: 'पास की दुकानें', p: 'geolocation', on: 'आपके पास की किराना दुकानें दिख रही हैं।', off: 'स्थान की अनुमति नहीं मिली: पास की दुकानें नहीं दिखेंगी।'}, status);
      v.appendChild(status);
      return 'रसोई';
    },
    vyanjan: ['पनीर बटर मसाला', 'सामग्री: पनीर, टमाटर, मक्खन, मसाले।'],
    khoj: ['खोजें', 'किसी भी व्यंजन का नाम लिखें।'],
    khata: function (v, K) {
      if (!K.loggedIn()) { K.rows(v, [['लॉग इन करें', 'login'], ['नया खाता बनाएँ', 'signup'], ['मदद', 'madad']]); return 'खाता'; }
      v.appendChild(K.el('p', 'note', 'लॉग इन: ' + K.user()));
      K.rows(v, [['सहेजे गए व्यंजन', 'sahejein'], ['सेटिंग्स', 'settings'], ['मदद', 'madad'], ['लॉग आउट', function () { K.logout(); }]]);
      return 'खाता';
    },
    settings: function (v, K) {
      K.rows(v, [['भाषा', 'bhasha'], ['सूचनाएँ', 'suchna'], ['खाता हटाएँ', 'hatayen']]);
      return 'सेटिंग्स';
    },
    hatayen: function (v, K) {
      v.appendChild(K.el('p', 'note', 'आपका खाता और सहेजे गए व्यंजन तुरंत हट जाएँगे। पुष्टि के लिए अपना पासवर्ड लिखें।'));
      var pw = K.input(v, 'पासवर्ड', 'password');
      var m = K.msg(v);
      v.appendChild(K.tap('खाता स्थायी रूप से हटाएँ', 'cta', function () {
        if (!pw.value) { m.textContent = 'अपना पासवर्ड लिखें।'; return; }
        K.api('delete', {password: pw.value}).then(function (r) {
          if (r.status === 200) { K.store.del('token'); K.store.del('user'); K.tab('hataya'); } else m.textContent = 'पासवर्ड गलत है।';
        });
      }));
      return 'खाता हटाएँ';
    },
    hataya: function (v, K) { v.appendChild(K.el('div', 'card', 'आपका खाता हटा दिया गया है।')); v.appendChild(K.tap('ठीक है', 'cta', function () { K.home(); })); return 'खाता हटाया गया'; },
    login: function (v, K) { K.credentials(v, {action: 'login', user: 'ईमेल', userType: 'email', pass: 'पासवर्ड', submit: 'लॉग इन करें', errors: ERR}); return 'लॉग इन'; },
    signup: function (v, K) { K.credentials(v, {action: 'signup', user: 'ईमेल', userType: 'email', pass: 'पासवर्ड', submit: 'खाता बनाएँ', errors: ERR}); return 'नया खाता'; },
    madad: ['मदद', 'किसी सवाल के लिए ऐप में हमें लिखें।'], sahejein: ['सहेजे गए व्यंजन', 'अभी कोई व्यंजन नहीं सहेजा।'],
    bhasha: ['भाषा', 'हिन्दी'], suchna: ['सूचनाएँ', 'अभी कोई सूचना नहीं।']
  };
  Kit.start({id: 'rasoi', lang: 'hi', mode: 'div', color: '#1b6e4a',
             tabs: [['घर', 'ghar'], ['खोजें', 'khoj'], ['खाता', 'khata']], screens: screens});
}());
