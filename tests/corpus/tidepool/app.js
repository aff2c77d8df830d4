/* Tidepool: tide tables and beach alerts. Consent is fair (Consent / Do not consent, equal; Manage options
   shows switches that are off, strictly necessary locked on). After the consent decision, on the first
   launch only, the app's own "Send usage statistics?" modal (Allow / Don't allow; no browser permission).
   Deletion: Me → Settings → Account → Delete account → password and a reason ("optional" in its label, but an
   empty reason is refused once with "Please give a reason") → Delete my account → deleted at once. */
(function () {
  var ERR = {empty: 'Please fill in both fields.', taken: 'That email is already registered.', wrong: 'Wrong email or password.',
             invalid: 'Passwords need at least 6 characters.', pending: function (d) { return 'Account closing in ' + d + ' days.'; }};
  var screens = {
    tides: function (v, K) {
      v.appendChild(K.el('h2', '', 'Today at Porthleven'));
      v.appendChild(K.el('p', 'note', 'High water 06:12 and 18:40 · Low water 12:25'));
      var status = K.el('p', 'status');
      K.feature(v, {label: 'Beaches near me', p: 'geolocation', on: 'Three beaches within 5 km.', off: 'Location is off: pick a beach from the list instead.'}, status);
      K.feature(v, {label: 'Tide alerts', p: 'notifications', on: 'You will be alerted an hour before high water.', off: 'Notifications are off: no tide alerts.'}, status);
      v.appendChild(status);
      return 'Tidepool';
    },
    me: function (v, K) {
      if (!K.loggedIn()) { K.rows(v, [['Sign in', 'login'], ['Sign up', 'signup'], ['Support', 'support']]); return 'Me'; }
      v.appendChild(K.el('p', 'note', K.user()));
      K.rows(v, [['Saved beaches', 'saved'], ['Settings', 'settings'], ['Support', 'support'], ['Sign out', function () { K.logout(); }]]);
      return 'Me';
    },
    settings: function (v, K) { K.rows(v, [['Units', 'units'], ['Account', 'account'], ['Privacy', 'privacy']]); return 'Settings'; },
    account: function (v, K) { K.rows(v, [['Change email', 'email'], ['Change password', 'password'], ['Delete account', 'delete']]); return 'Account'; },
    delete: function (v, K) {
      v.appendChild(K.el('p', 'note', 'Deleting your account removes your saved beaches and alerts at once.'));
      var pw = K.input(v, 'Password', 'password');
      var lab = K.el('label', 'field');
      lab.appendChild(K.el('span', 'field-label', 'Why are you leaving? (optional)'));
      var reason = document.createElement('textarea'); lab.appendChild(reason); v.appendChild(lab);
      var m = K.msg(v);
      v.appendChild(K.tap('Delete my account', 'cta', function () {
        if (!pw.value) { m.textContent = 'Enter your password.'; return; }
        K.api('delete', {password: pw.value, reason: reason.value}).then(function (r) {
          if (r.status === 200) { K.store.del('token'); K.store.del('user'); K.tab('deleted'); return; }
          m.textContent = r.data.error === 'reason' ? 'Please give a reason so we can improve.' : 'That password is not right.';
        });
      }));
      return 'Delete account';
    },
    deleted: function (v, K) { v.appendChild(K.el('div', 'card', 'Your account has been deleted.')); v.appendChild(K.tap('Done', 'cta', function () { K.home(); })); return 'Deleted'; },
    manage: function (v, K) {
      v.appendChild(K.el('p', 'note', 'Choose what Tidepool may do with your data.'));
      var nec = K.check('Strictly necessary', true, {kind: 'switch', disabled: true}); v.appendChild(nec.node);
      var a = K.check('Measure app usage', false, {kind: 'switch'}); v.appendChild(a.node);
      var b = K.check('Personalised tips', false, {kind: 'switch'}); v.appendChild(b.node);
      v.appendChild(K.tap('Confirm choices', 'cta', function () { decided(K, a.checked() || b.checked() ? 'some' : 'none'); }));
      return 'Manage options';
    },
    login: function (v, K) { K.credentials(v, {action: 'login', user: 'Email', userType: 'email', pass: 'Password', submit: 'Sign in', errors: ERR}); return 'Sign in'; },
    signup: function (v, K) { K.credentials(v, {action: 'signup', user: 'Email', userType: 'email', pass: 'Password', submit: 'Create account', errors: ERR}); return 'Sign up'; },
    saved: ['Saved beaches', 'None yet.'], support: ['Support', 'Read the FAQ or write to us from the website.'], units: ['Units', 'Metres'],
    privacy: ['Privacy', 'Your consent choices are stored on this device.'], email: ['Change email', 'Coming soon.'], password: ['Change password', 'Coming soon.']
  };
  function decided(K, choice) {
    K.store.set('consent', choice);
    K.home();
    if (!K.store.get('stats')) {
      K.dialog({title: 'Send usage statistics?', text: 'Help us improve Tidepool by sending anonymous usage statistics.'}, [
        ["Don't allow", 'solid', function (close) { K.store.set('stats', 'no'); close(); }],
        ['Allow', 'solid', function (close) { K.store.set('stats', 'yes'); close(); }]]);
    }
  }
  function consent(K) {
    var d = K.overlay({title: 'Tidepool values your privacy', text: 'With your consent we measure app usage and tailor tips to the beaches you visit. You can change your mind in Settings › Privacy.'});
    var c = K.el('div', 'choice3');
    c.appendChild(K.tap('Consent', 'solid', function () { d.close(); decided(K, 'all'); }));
    c.appendChild(K.tap('Do not consent', 'solid', function () { d.close(); decided(K, 'none'); }));
    c.appendChild(K.tap('Manage options', 'link', function () { d.close(); K.go('manage'); }));
    d.box.appendChild(c);
  }
  Kit.start({id: 'tidepool', lang: 'en', mode: 'aria', color: '#075985', tabs: [['Tides', 'tides'], ['Me', 'me']], screens: screens,
    onBack: function (name) { if (name === 'manage') { Kit.home(); consent(Kit); } else Kit.back(); },
    launch: function (K) { if (!K.store.get('consent')) consent(K); }});
}());
