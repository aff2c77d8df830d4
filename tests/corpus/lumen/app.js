/* Lumen: a photo editor. Consent asymmetric (see consent.js). Right after the consent decision on the first
   launch it asks for camera and notifications at once (both together, before any feature is used); refused,
   the features say they are off and the app works. Deletion is fair: Account → Settings → Delete account →
   Delete. */
(function () {
  var ERR = {empty: 'Please fill in both fields.', taken: 'That email already has a Lumen account.', wrong: 'Wrong email or password.',
             invalid: 'Use at least 6 characters for the password.', pending: function (d) { return 'Deletion pending (' + d + ' days).'; }};
  var screens = {
    studio: function (v, K) {
      v.appendChild(K.el('h2', '', 'Start something bright'));
      var status = K.el('p', 'status');
      v.appendChild(K.tap('Take a photo', 'card feature', function () {
        K.state('camera').then(function (s) { status.textContent = s === 'granted' ? 'Camera ready.' : 'Camera access is off, so you can only edit saved photos.'; });
      }));
      v.appendChild(K.tap('Edit reminders', 'card feature', function () {
        status.textContent = Notification.permission === 'granted' ? 'We will remind you of unfinished edits.' : 'Notifications are off: no reminders.';
      }));
      v.appendChild(K.tap('Filters', 'card', function () { K.go('filters'); }));
      v.appendChild(status);
      return 'Lumen';
    },
    filters: ['Filters', 'Golden hour, Fog, Mono, Bloom.'],
    account: function (v, K) {
      if (!K.loggedIn()) { K.rows(v, [['Log in', 'login'], ['Create an account', 'signup'], ['Help centre', 'help']]); return 'Account'; }
      v.appendChild(K.el('p', 'note', 'Logged in as ' + K.user()));
      K.rows(v, [['My albums', 'albums'], ['Settings', 'settings'], ['Help centre', 'help'], ['Log out', function () { K.logout(); }]]);
      return 'Account';
    },
    settings: function (v, K) {
      K.rows(v, [['Export quality', 'quality'], ['Storage', 'storage'], ['Delete account', function () {
        K.dialog({title: 'Delete your Lumen account?', text: 'Albums stored with Lumen are deleted too.'}, [
          ['Cancel', 'plain', function (close) { close(); }],
          ['Delete', 'cta', function (close) { K.api('delete').then(function (r) { close(); if (r.status === 200) { K.store.del('token'); K.store.del('user'); K.tab('deleted'); } }); }]]);
      }]]);
      return 'Settings';
    },
    deleted: function (v, K) { v.appendChild(K.el('div', 'card', 'Your account has been deleted.')); v.appendChild(K.tap('OK', 'cta', function () { K.home(); })); return 'Account deleted'; },
    login: function (v, K) { K.credentials(v, {action: 'login', user: 'Email', userType: 'email', pass: 'Password', submit: 'Log in', errors: ERR}); return 'Log in'; },
    signup: function (v, K) { K.credentials(v, {action: 'signup', user: 'Email', userType: 'email', pass: 'Password', submit: 'Sign up', errors: ERR}); return 'Create an account'; },
    help: ['Help centre', 'Tips for editing and exporting.'], albums: ['My albums', 'No albums yet.'], quality: ['Export quality', 'High'], storage: ['Storage', '0 MB used']
  };
  Kit.start({id: 'lumen', lang: 'en', mode: 'button', color: '#7c3aed', tabs: [['Studio', 'studio'], ['Account', 'account']], screens: screens,
    launch: function (K) {
      function permissions() {
        if (K.store.get('asked')) return;
        K.store.set('asked', '1');
        Promise.all([K.ask('camera'), K.ask('notifications')]);
      }
      if (K.store.get('consent')) return permissions();
      var c = document.createElement('lumen-consent');
      c.addEventListener('decided', function (e) { K.store.set('consent', e.detail.choice); permissions(); });
      document.body.appendChild(c);
    }});
}());
