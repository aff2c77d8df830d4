/* ამბავი: screens rendered into <main id=view>; a history stack for the ‹ control; the avatar (top right) opens a
   popover menu (role=menu) under it; accounts through the corpus server's api/.
   Consent: gdpr-cookie's popup, styled as a full wall. Its first button stores every purpose; its second opens the
   purposes (none ticked) and turns the first into a save of what is ticked. Reading free needs «რეკლამა»:
   without it the subscription page stands in for the whole app at every launch (its «თანხმობის შეცვლა» shows the
   popup again). The popup's message links the same subscription page.
   Notifications: Notification.requestPermission() at the second launch only (counter ambavi:gashvebebi); when not
   granted, a strip at every launch after, closed by × for that launch; its «ჩართვა» asks only when tapped. */
(function () {
  'use strict';
  var P = 'ambavi:';
  var view = document.getElementById('view');
  var title = document.getElementById('title');
  var back = document.getElementById('back');
  var menu = document.getElementById('menu');
  var avatar = document.getElementById('avatar');
  var strip = document.getElementById('strip');
  var WORD = 'წაშლა';
  var stack = [], current = 'home';

  var launches = (+localStorage.getItem(P + 'gashvebebi') || 0) + 1;
  localStorage.setItem(P + 'gashvebebi', String(launches));
  if ('Notification' in window) {
    if (launches === 2) {
      Notification.requestPermission().then(function (answer) {
        if (answer !== 'granted') localStorage.setItem(P + 'shetyobinebebi', 'uari');
      });
    } else if (launches > 2 && localStorage.getItem(P + 'shetyobinebebi') === 'uari' && Notification.permission !== 'granted') {
      strip.hidden = false;
    }
  }
  document.getElementById('strip-x').addEventListener('click', function () { strip.hidden = true; });
  document.getElementById('strip-on').addEventListener('click', function () {
    Notification.requestPermission().then(function (answer) { if (answer === 'granted') strip.hidden = true; });
  });

  function token() { return localStorage.getItem(P + 'token'); }
  function api(action, body) {
    var headers = {'Content-Type': 'application/json'};
    if (token()) headers.Authorization = 'Bearer ' + token();
    return fetch('api/' + action, {method: 'POST', headers: headers, body: JSON.stringify(body || {})})
      .then(function (r) { return r.json().then(function (b) { return {status: r.status, body: b}; }); });
  }
  function esc(s) { return String(s).replace(/[&<>"]/g, function (c) { return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c]; }); }

  var NEWS = [
    ['პოლიტიკა', 'პარლამენტმა ახალი საგზაო კოდექსი პირველი მოსმენით მიიღო'],
    ['ეკონომიკა', 'ლარის კურსი კვირის ბოლოს სტაბილური დარჩა'],
    ['კულტურა', 'თბილისის ჯაზ-ფესტივალი წელს ოთხ დღეს გაგრძელდება'],
    ['სპორტი', 'რაგბის ნაკრებმა ზამთრის ტურნე გამარჯვებით დაასრულა'],
    ['ამინდი', 'მთიან რეგიონებში უქმეებზე თოვლია მოსალოდნელი']
  ];

  function freeReading() { return $.gdprcookie.preference('reklama') === true; }
  function answered() { return Array.isArray($.gdprcookie.preference()); }

  var SCREENS = {
    home: function () {
      return ['ამბავი', '<ul class="news">' + NEWS.map(function (n, i) {
        return '<li><a href="#" data-article="' + i + '"><small>' + n[0] + '</small>' + n[1] + '</a></li>';
      }).join('') + '</ul>'];
    },
    article: function (i) {
      var n = NEWS[i || 0];
      return [n[0], '<article><h2>' + n[1] + '</h2><p>დეტალები მალე დაემატება. ამბავი გაწვდით მხოლოდ გადამოწმებულ ინფორმაციას.</p></article>'];
    },
    privacy: function () {
      if (!token()) return ['კონფიდენციალურობის ცენტრი', '<p>თქვენი მონაცემების სამართავად შედით ანგარიშზე.</p><button type="button" class="cta" data-to="login">შესვლა</button>'];
      return ['კონფიდენციალურობის ცენტრი', '<p class="who">' + esc(localStorage.getItem(P + 'user') || '') + '</p><ul class="rows">' +
        '<li><a href="#" id="cookies">ქუქი-ფაილების პარამეტრები</a></li>' +
        '<li><a href="#" data-to="export">ჩემი მონაცემების ჩამოტვირთვა</a></li>' +
        '<li><a href="#" data-to="erase">ჩემი მონაცემებისა და ანგარიშის წაშლა</a></li></ul>'];
    },
    'export': function () { return ['მონაცემების ჩამოტვირთვა', '<p>არქივს მოვამზადებთ და ელფოსტაზე გამოგიგზავნით 48 საათში.</p>']; },
    erase: function () {
      return ['ანგარიშის წაშლა', '<p>ანგარიში და მასთან დაკავშირებული ყველა მონაცემი წაიშლება 14 დღის შემდეგ. ამ ხნის განმავლობაში წაშლის გაუქმება შეგიძლიათ.</p>' +
        '<p>დასადასტურებლად ჩაწერეთ სიტყვა <b>' + WORD + '</b></p>' +
        '<label class="lbl" for="word">დამადასტურებელი სიტყვა</label><input id="word" autocomplete="off" placeholder="ჩაწერეთ: ' + WORD + '">' +
        '<div class="tick" id="tick" role="checkbox" aria-checked="false" tabindex="0">მესმის</div>' +
        '<p class="err" id="err"></p><button type="button" class="cta danger" id="go" aria-disabled="true">ანგარიშის წაშლა</button>'];
    },
    pending: function () {
      return ['წაშლის მოთხოვნა', '<div class="done"><h2>თქვენი ანგარიში წაიშლება 14 დღეში</h2><p>მანამდე შეგიძლიათ გადაიფიქროთ.</p>' +
        '<a href="#" data-to="cancel" class="cancel">წაშლის გაუქმება</a></div>'];
    },
    cancel: function () { return ['წაშლის გაუქმება', '<p>წაშლის გასაუქმებლად შედით ანგარიშზე 14 დღის განმავლობაში და მოგვწერეთ: დახმარება@ამბავი.</p>']; },
    login: function () { return ['შესვლა', form('შესვლა')]; },
    signup: function () { return ['რეგისტრაცია', form('რეგისტრაცია')]; }
  };
  function form(submit) {
    return '<div class="form"><label class="lbl" for="mail">ელფოსტა</label><input id="mail" type="email" autocomplete="username">' +
      '<label class="lbl" for="pass">პაროლი</label><input id="pass" type="password" autocomplete="current-password">' +
      '<p class="err" id="err"></p><button type="button" class="cta" id="send">' + submit + '</button></div>';
  }

  function show(name, mode, arg) {
    closeMenu();
    if (mode === 'push') stack.push(current); else if (mode === 'root') stack = [];
    current = name;
    var s = SCREENS[name](arg);
    title.textContent = s[0];
    back.hidden = !stack.length || name === 'pending';
    view.innerHTML = s[1];
    wire(name);
  }
  back.addEventListener('click', function () { if (stack.length) show(stack.pop(), 'back'); });

  function item(label, fn) {
    var b = document.createElement('button');
    b.type = 'button'; b.setAttribute('role', 'menuitem'); b.textContent = label;
    b.addEventListener('click', function () { closeMenu(); fn(); });
    menu.appendChild(b);
  }
  function openMenu() {
    menu.innerHTML = '';
    if (token()) {
      var who = document.createElement('p'); who.className = 'who'; who.textContent = localStorage.getItem(P + 'user') || '';
      menu.appendChild(who);
      item('კონფიდენციალურობის ცენტრი', function () { show('privacy', 'push'); });
      item('გასვლა', function () { api('logout'); localStorage.removeItem(P + 'token'); localStorage.removeItem(P + 'user'); show('home', 'root'); });
    } else {
      item('შესვლა', function () { show('login', 'push'); });
      item('რეგისტრაცია', function () { show('signup', 'push'); });
      item('კონფიდენციალურობის ცენტრი', function () { show('privacy', 'push'); });
    }
    menu.hidden = false; avatar.setAttribute('aria-expanded', 'true');
  }
  function closeMenu() { menu.hidden = true; avatar.setAttribute('aria-expanded', 'false'); }
  avatar.addEventListener('click', function (e) { e.stopPropagation(); if (menu.hidden) openMenu(); else closeMenu(); });
  document.addEventListener('click', function (e) { if (!menu.hidden && !menu.contains(e.target) && e.target !== avatar) closeMenu(); });

  function wire(name) {
    $(view).find('[data-to]').on('click', function (e) { e.preventDefault(); show(this.getAttribute('data-to'), 'push'); });
    $(view).find('[data-article]').on('click', function (e) { e.preventDefault(); show('article', 'push', +this.getAttribute('data-article')); });
    if (name === 'privacy') $('#cookies').on('click', function (e) { e.preventDefault(); $.gdprcookie.display(); });
    if (name === 'login' || name === 'signup') {
      $('#send').on('click', function () {
        var username = $('#mail').val().trim(), password = $('#pass').val();
        if (!username || !password) { $('#err').text('შეიყვანეთ ელფოსტა და პაროლი.'); return; }
        api(name, {username: username, password: password}).then(function (r) {
          if (r.body.token) { localStorage.setItem(P + 'token', r.body.token); localStorage.setItem(P + 'user', username); show('home', 'root'); }
          else if (r.body.status === 'pending') $('#err').text('ანგარიში წაშლის მოლოდინშია.');
          else $('#err').text(name === 'signup' ? 'რეგისტრაცია ვერ მოხერხდა (პაროლი მინიმუმ 6 სიმბოლო).' : 'ელფოსტა ან პაროლი არასწორია.');
        });
      });
    }
    if (name === 'erase') {
      var tick = document.getElementById('tick'), go = document.getElementById('go'), word = document.getElementById('word');
      var ready = function () { return word.value.trim() === WORD && tick.getAttribute('aria-checked') === 'true'; };
      var paint = function () { go.setAttribute('aria-disabled', String(!ready())); };
      word.addEventListener('input', paint);
      tick.addEventListener('click', function () { tick.setAttribute('aria-checked', String(tick.getAttribute('aria-checked') !== 'true')); paint(); });
      tick.addEventListener('keydown', function (e) { if (e.key === ' ' || e.key === 'Enter') { e.preventDefault(); tick.click(); } });
      go.addEventListener('click', function () {
        if (word.value.trim() !== WORD) { $('#err').text('ჩაწერეთ სიტყვა «' + WORD + '».'); return; }
        if (tick.getAttribute('aria-checked') !== 'true') { $('#err').text('მონიშნეთ «მესმის».'); return; }
        api('delete', {}).then(function (r) {
          if (r.status === 200) { localStorage.removeItem(P + 'token'); localStorage.removeItem(P + 'user'); show('pending', 'root'); }
          else $('#err').text('წაშლა ვერ მოხერხდა. სცადეთ თავიდან.');
        });
      });
    }
  }

  /* the subscription page: over everything (the wall included) when opened from the wall's link; the whole app
     when the stored answer lacks «რეკლამა». Paying never succeeds here. */
  function paywall(fromWall) {
    var old = document.getElementById('pay'); if (old) old.remove();
    var d = document.createElement('section');
    d.id = 'pay'; d.className = 'pay';
    d.innerHTML = '<h2>ამბავი+</h2><p class="price">9,90 ლარი თვეში</p><p>ამბავის უფასოდ კითხვა შესაძლებელია მხოლოდ რეკლამისა და ანალიტიკის ქუქი-ფაილებზე თანხმობით. ' +
      'თანხმობის გარეშე წაიკითხეთ გამოწერით — რეკლამის გარეშე.</p>' +
      '<label class="lbl" for="card">ბარათის ნომერი</label><input id="card" inputmode="numeric" autocomplete="cc-number">' +
      '<label class="lbl" for="exp">ვადა</label><input id="exp" placeholder="თთ/წწ">' +
      '<p class="err" id="pay-err"></p><button type="button" class="cta" id="pay-go">გადახდა — 9,90 ლარი</button>' +
      (fromWall ? '<button type="button" class="plain" id="pay-back">უკან</button>' : '<a href="#" class="plain" id="pay-change">თანხმობის შეცვლა</a>');
    document.body.appendChild(d);
    $('#pay-go').on('click', function () { $('#pay-err').text('გადახდა ვერ მოხერხდა. შეამოწმეთ ბარათის მონაცემები.'); });
    $('#pay-back').on('click', function () { d.remove(); });
    $('#pay-change').on('click', function (e) { e.preventDefault(); d.remove(); $.gdprcookie.display(); });
  }
  $(document).on('click', '.gdprcookie [data-pay]', function (e) { e.preventDefault(); paywall(true); });
  $('body').on('gdpr:accept', function () {
    setTimeout(function () { if (!freeReading()) paywall(false); else { var p = document.getElementById('pay'); if (p) p.remove(); } }, 0);
  });

  $.gdprcookie.init({
    cookieName: 'ambavi_tanxmoba',
    delay: 0,
    expires: 365,
    title: 'წაიკითხეთ ამბავი უფასოდ',
    message: 'უფასო კითხვისთვის გვჭირდება თქვენი თანხმობა პერსონალიზებულ რეკლამასა და ანალიტიკაზე: ' +
      'ქუქი-ფაილებით ვზომავთ კითხვას და ვაჩვენებთ თქვენზე მორგებულ რეკლამას. არ გსურთ? ' +
      '<a href="#" data-pay class="pay-link">გამოიწერეთ ამბავი+ რეკლამის გარეშე — 9,90 ლარი თვეში</a>',
    subtitle: 'აირჩიეთ, რას ეთანხმებით',
    submessage: 'უფასო კითხვა შესაძლებელია მხოლოდ რეკლამაზე თანხმობით.',
    acceptBtnLabel: 'ვეთანხმები და ვკითხულობ უფასოდ',
    advancedBtnLabel: 'პარამეტრები',
    acceptBeforeAdvanced: ['essential', 'reklama', 'analitika'],
    acceptAfterAdvanced: null,
    cookieTypes: [
      {type: 'აუცილებელი', value: 'essential', description: 'საიტის მუშაობისთვის აუცილებელი ქუქი-ფაილები.', checked: true},
      {type: 'პერსონალიზებული რეკლამა', value: 'reklama', description: 'რეკლამა თქვენი ინტერესების მიხედვით.', checked: false},
      {type: 'ანალიტიკა', value: 'analitika', description: 'კითხვის სტატისტიკა.', checked: false}
    ]
  });

  show('home', 'root');
  if (answered() && !freeReading()) paywall(false);
})();
