/* Quaypost: ferry tickets. 2 s after load (until a choice is stored) a cookie banner slides in at the bottom:
   Accept all (filled) / Settings (outlined). Settings: three purposes, all ticked; the single button reads
   "Save" with a second line "No thanks, just the essentials" — but it stores whatever is ticked, so a user who
   trusts the second line consents to everything. Deletion: Account → Settings → Close account → a dialog with
   a large "Keep my account" and a small grey "Confirm" → closed at once. */
(function () {
  var ERR = {empty: 'Please fill in both fields.', taken: 'There is already an account for that email.', wrong: 'Email or password is wrong.',
             invalid: 'Passwords are at least 6 characters.', pending: function (d) { return 'Closing in ' + d + ' days.'; }};
  var banner = null;
  var screens = {
    trips: function (v, K) {
      v.appendChild(K.el('h2', '', 'Where to next?'));
      v.appendChild(K.tap('Book a crossing', 'card', function () { K.go('book'); }));
      var status = K.el('p', 'status');
      K.feature(v, {label: 'Ferries near me', p: 'geolocation', on: 'Next ferry from Pier 3 in 12 min.', off: 'Location is off: choose a pier by name.'}, status);
      K.feature(v, {label: 'Scan a ticket QR code', p: 'camera', on: 'Hold the code inside the frame.', off: 'Camera is off: type the ticket number instead.'}, status);
      v.appendChild(status);
      return 'Quaypost';
    },
    book: ['Book a crossing', 'Timetables load here.'],
    account: function (v, K) {
      if (!K.loggedIn()) { K.rows(v, [['Sign in', 'login'], ['Register', 'signup'], ['Contact us', 'contact']]); return 'Account'; }
      v.appendChild(K.el('p', 'note', 'Hello ' + K.user()));
      K.rows(v, [['My tickets', 'tickets'], ['Settings', 'settings'], ['Contact us', 'contact'], ['Sign out', function () { K.logout(); }]]);
      return 'Account';
    },
    settings: function (v, K) {
      K.rows(v, [['Payment cards', 'cards'], ['Travel alerts', 'alerts'], ['Close account', function () {
        K.dialog({title: 'Close your Quaypost account?', text: 'Your tickets and cards are removed straight away.', stack: true}, [
          ['Keep my account', 'big', function (close) { close(); }],
          ['Confirm', 'grey', function (close) { K.api('delete').then(function (r) { close(); if (r.status === 200) { K.store.del('token'); K.store.del('user'); K.tab('closed'); } }); }]]);
      }]]);
      return 'Settings';
    },
    closed: function (v, K) { v.appendChild(K.el('div', 'card', 'Your account has been closed and deleted.')); v.appendChild(K.tap('Back to trips', 'cta', function () { K.home(); })); return 'Account closed'; },
    login: function (v, K) { K.credentials(v, {action: 'login', user: 'Email', userType: 'email', pass: 'Password', submit: 'Sign in', errors: ERR}); return 'Sign in'; },
    signup: function (v, K) { K.credentials(v, {action: 'signup', user: 'Email', userType: 'email', pass: 'Password', submit: 'Register', errors: ERR}); return 'Register'; },
    tickets: ['My tickets', 'No tickets.'], contact: ['Contact us', 'Write to us from the harbour office.'], cards: ['Payment cards', 'None saved.'], alerts: ['Travel alerts', 'Off']
  };
  function decide(K, choice) { K.store.set('consent', choice); if (banner) { banner.remove(); banner = null; } }
  function settings(K) {
    var d = K.overlay({title: 'Cookie settings', text: 'Untick anything you do not want.'});
    var boxes = ['Performance measurement', 'Personalised content', 'Marketing partners'].map(function (label) {
      var c = K.check(label, true); d.box.appendChild(c.node); return c;
    });
    var save = K.tap('Save', 'cta save', function () {
      var n = boxes.filter(function (b) { return b.checked(); }).length;
      decide(K, n === 0 ? 'none' : n === 3 ? 'all' : 'some'); d.close();
    });
    save.appendChild(K.el('small', '', 'No thanks, just the essentials'));
    d.box.appendChild(save);
  }
  function showBanner(K) {
    if (K.store.get('consent')) return;
    banner = K.el('div', 'banner');
    banner.appendChild(K.el('h2', '', 'Cookies on Quaypost'));
    banner.appendChild(K.el('p', 'note', 'We use cookies to run the app and, if you agree, to measure and personalise it.'));
    var two = K.el('div', 'two');
    two.appendChild(K.tap('Settings', 'plain', function () { settings(K); }));
    two.appendChild(K.tap('Accept all', 'cta', function () { decide(K, 'all'); }));
    banner.appendChild(two);
    K.root().appendChild(banner);
  }
  Kit.start({id: 'quaypost', lang: 'en', mode: 'div', color: '#0b5394', tabs: [['Trips', 'trips'], ['Account', 'account']], screens: screens,
    launch: function (K) { setTimeout(function () { showBanner(K); }, 2000); }});
}());
