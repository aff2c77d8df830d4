/* Kettle: a tea shop. Fair on every flow: consent with Reject all next to Accept all (same size and colour),
   permissions asked when a feature is used and never again, deletion in three taps. */
(function () {
  var ERR = {empty: 'Please fill in both fields.', taken: 'That email already has an account.',
             wrong: 'Email or password is not right.', invalid: 'Use a password of at least 6 characters.',
             pending: function (d) { return 'This account is being deleted (' + d + ' days).'; }};
  var screens = {
    shop: function (v, K) {
      v.appendChild(K.el('h2', '', 'Fresh leaves this week'));
      v.appendChild(K.tap('Browse teas', 'card', function () { K.go('teas'); }));
      var status = K.el('p', 'status');
      K.feature(v, {label: 'Find a Kettle shop near me', p: 'geolocation', on: 'Two shops are within 1 km.', off: 'Without your location we cannot find shops near you.'}, status);
      K.feature(v, {label: 'Brew timer alerts', p: 'notifications', on: 'We will tell you when your tea is ready.', off: 'Notifications are off, so the timer stays silent.'}, status);
      v.appendChild(status);
      return 'Kettle';
    },
    teas: ['Teas', 'Sencha, Assam, Rooibos and a smoky Lapsang. Tap one in store to smell it.'],
    account: function (v, K) {
      if (!K.loggedIn()) {
        v.appendChild(K.el('p', 'note', 'Sign in to keep your orders and favourite blends.'));
        K.rows(v, [['Log in', 'login'], ['Create account', 'signup'], ['Help', 'help']]);
        return 'Account';
      }
      v.appendChild(K.el('p', 'note', 'Signed in as ' + K.user()));
      K.rows(v, [['Orders', 'orders'], ['Settings', 'settings'], ['Help', 'help'],
                 ['Log out', function () { K.logout(); }],
                 ['Delete account', function () { confirmDelete(K); }]]);
      return 'Account';
    },
    settings: function (v, K) { K.rows(v, [['Notifications', 'notif'], ['Privacy choices', 'privacy'], ['About', 'about']]); return 'Settings'; },
    login: function (v, K) { K.credentials(v, {action: 'login', user: 'Email', userType: 'email', pass: 'Password', submit: 'Log in', errors: ERR}); return 'Log in'; },
    signup: function (v, K) { K.credentials(v, {action: 'signup', user: 'Email', userType: 'email', pass: 'Password', submit: 'Create account', errors: ERR}); return 'Create account'; },
    orders: ['Orders', 'No orders yet.'],
    help: ['Help', 'Questions about an order? Ask any of our shops.'],
    notif: ['Notifications', 'Brew timer alerts are set from the Shop tab.'],
    privacy: ['Privacy choices', 'Your cookie choices can be changed by clearing the app data.'],
    about: ['About', 'Kettle 2.4 — a corpus test app.'],
    manage: function (v, K) {
      v.appendChild(K.el('p', 'note', 'Pick what you allow. Nothing is on until you switch it on.'));
      var a = K.check('Measure how the app is used', false); v.appendChild(a.node);
      var b = K.check('Show offers picked for you', false); v.appendChild(b.node);
      v.appendChild(K.tap('Save choices', 'cta', function () {
        K.store.set('consent', a.checked() || b.checked() ? 'some' : 'none'); K.home();
      }));
      return 'Privacy options';
    },
    deleted: function (v, K) {
      v.appendChild(K.el('div', 'card', 'Your account has been deleted.'));
      v.appendChild(K.tap('Done', 'cta', function () { K.home(); }));
      return 'Account deleted';
    }
  };
  function confirmDelete(K) {
    K.dialog({title: 'Delete your account?', text: 'Your orders and saved blends will be removed at once.'}, [
      ['Cancel', 'plain', function (close) { close(); }],
      ['Delete', 'plain', function (close) {
        K.api('delete').then(function (r) {
          close();
          if (r.status === 200) { K.store.del('token'); K.store.del('user'); K.tab('deleted'); }
        });
      }]
    ]);
  }
  function consent(K) {
    var d = K.overlay({sheet: true, className: 'slide', title: 'Your privacy at Kettle',
      text: 'We would like to measure how the app is used and show you offers. Both are off unless you agree.'});
    var pair = K.el('div', 'pair');
    pair.appendChild(K.tap('Reject all', 'equal', function () { K.store.set('consent', 'none'); d.close(); }));
    pair.appendChild(K.tap('Accept all', 'equal', function () { K.store.set('consent', 'all'); d.close(); }));
    d.box.appendChild(pair);
    d.box.appendChild(K.tap('Manage options', 'link', function () { d.close(); K.go('manage'); }));
    requestAnimationFrame(function () { requestAnimationFrame(function () { d.box.classList.add('open'); }); });
  }
  Kit.start({id: 'kettle', lang: 'en', mode: 'button', color: '#0f766e',
    tabs: [['Shop', 'shop'], ['Account', 'account']], screens: screens,
    onBack: function (name) { if (name === 'manage') { Kit.home(); consent(Kit); } else Kit.back(); },
    launch: function (K) { if (!K.store.get('consent')) consent(K); }});
}());
