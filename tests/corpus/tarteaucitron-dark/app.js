/* Brightcart: a shopping app. Consent by tarteaucitron (index.html), dark. Location and notifications are
   both requested at every launch while either is not granted, and the app refuses to go on without
   location: a full-screen "Location needed" block whose only control, Try again, asks again. Deletion:
   Me → Settings → Privacy → Delete account → a form that needs the password and a reason (radio rows) → a
   confirmation → pending for 30 days. */
(function () {
  var ERR = {empty: 'Please fill in both fields.', taken: 'That email already has an account.', wrong: 'Email or password is wrong.',
             invalid: 'Passwords need 6 or more characters.', pending: function (d) { return 'This account is scheduled for deletion in ' + d + ' days.'; }};
  var screens = {
    deals: function (v, K) {
      v.appendChild(K.el('h2', '', 'Deals near you'));
      v.appendChild(K.tap('Today’s offers', 'card', function () { K.go('offers'); }));
      var status = K.el('p', 'status');
      v.appendChild(K.tap('Price-drop alerts', 'card feature', function () {
        status.textContent = Notification.permission === 'granted' ? 'We will tell you when prices drop.' : 'Notifications are off: no price-drop alerts.';
      }));
      v.appendChild(status);
      return 'Brightcart';
    },
    offers: ['Today’s offers', 'Headphones −20 %, kettles −15 %.'],
    me: function (v, K) {
      if (!K.loggedIn()) { K.rows(v, [['Sign in', 'login'], ['Join Brightcart', 'signup'], ['Customer service', 'service']]); return 'Me'; }
      v.appendChild(K.el('p', 'note', K.user()));
      K.rows(v, [['Orders', 'orders'], ['Settings', 'settings'], ['Customer service', 'service'], ['Sign out', function () { K.logout(); }]]);
      return 'Me';
    },
    settings: function (v, K) { K.rows(v, [['Addresses', 'addresses'], ['Payment', 'payment'], ['Privacy', 'privacy']]); return 'Settings'; },
    privacy: function (v, K) { K.rows(v, [['Cookie preferences', function () { tarteaucitron.userInterface.openPanel(); }], ['Download my data', 'download'], ['Delete account', 'delete']]); return 'Privacy'; },
    delete: function (v, K) {
      v.appendChild(K.el('p', 'note', 'Tell us why you are leaving, then confirm with your password.'));
      var r = K.radios('why', ['I shop elsewhere', 'Too many e-mails', 'Privacy worries', 'Something else']);
      v.appendChild(r.node);
      var pw = K.input(v, 'Password', 'password');
      var m = K.msg(v);
      v.appendChild(K.tap('Continue', 'cta', function () {
        if (!r.value()) { m.textContent = 'Please choose a reason.'; return; }
        if (!pw.value) { m.textContent = 'Please enter your password.'; return; }
        K.dialog({title: 'Delete your account?', text: 'Your account will be deleted after 30 days. Sign in before then to keep it.'}, [
          ['Cancel', 'plain', function (close) { close(); }],
          ['Delete account', 'plain', function (close) {
            K.api('delete', {password: pw.value, reason: r.value()}).then(function (res) {
              close();
              if (res.status === 200) { K.store.del('token'); K.store.del('user'); K.tab('scheduled'); } else m.textContent = 'That password is not right.';
            });
          }]]);
      }));
      return 'Delete account';
    },
    scheduled: function (v, K) { v.appendChild(K.el('div', 'card', 'Your account will be deleted in 30 days.')); v.appendChild(K.tap('OK', 'cta', function () { K.home(); })); return 'Deletion scheduled'; },
    login: function (v, K) { K.credentials(v, {action: 'login', user: 'Email', userType: 'email', pass: 'Password', submit: 'Sign in', errors: ERR}); return 'Sign in'; },
    signup: function (v, K) { K.credentials(v, {action: 'signup', user: 'Email', userType: 'email', pass: 'Password', submit: 'Join', errors: ERR}); return 'Join Brightcart'; },
    service: ['Customer service', 'Chat with us 8:00–20:00.'], orders: ['Orders', 'No orders.'], addresses: ['Addresses', 'None.'],
    payment: ['Payment', 'No cards.'], download: ['Download my data', 'We will e-mail you a copy within 30 days.']
  };
  function gate(K) {
    Promise.all([K.ask('geolocation'), K.ask('notifications')]).then(function (res) {
      if (res[0] === 'granted') return;
      var block = K.overlay({title: 'Location needed', text: 'Brightcart shows deals from shops around you. Turn on location to continue.'});
      block.box.appendChild(K.tap('Try again', 'cta', function () {
        K.ask('geolocation').then(function (r) { if (r === 'granted') block.close(); });
      }));
    });
  }
  Kit.start({id: 'brightcart', lang: 'en', mode: 'aria', color: '#e65100', tabs: [['Deals', 'deals'], ['Me', 'me']], screens: screens,
    launch: function (K) {
      Promise.all([K.state('geolocation'), K.state('notifications')]).then(function (s) {
        if (s[0] !== 'granted' || s[1] !== 'granted') gate(K);
      });
    }});
}());
