/* მწვანე — a Georgian news reader of plain <div>s and <a href="#">s with click listeners, no roles. Screens rendered
   into #view on a stack (‹ in the top bar goes back); accounts through the corpus server's api/.
   Consent: the app's own bottom banner (#banner) at every launch until answered: «ვეთანხმები» at once; «უარვყოფ»,
   drawn alike, only once its long text (.scrollbox, scrolling inside the banner) is at its end. Stored in
   localStorage mtsvane:tankhmoba ('diakh' / 'ara'); a refusal stores no reader id (honoured).
   Notifications: the app's own pre-prompt (#ask) after every third article opened in this page load while the
   browser's answer is still 'default' and «დაშვება» was never tapped; only «დაშვება» calls the browser.
   Deletion: no control anywhere but the support chat (პარამეტრები → დახმარება → მხარდაჭერის ჩატი): a message
   holding წაშ… (or "delete") gets a bot answer with «ჩემი ანგარიშის წაშლა» → #confirm (equal გაუქმება / წაშლა). */
(function () {
  'use strict';
  var P = 'mtsvane:';
  function $(id) { return document.getElementById(id); }
  var view = $('view'), title = $('title'), back = $('back');
  var stack = [], opened = 0, allowTapped = false, chat = [];

  function token() { return localStorage.getItem(P + 'token'); }
  function api(action, body) {
    var headers = {'Content-Type': 'application/json'};
    if (token()) headers.Authorization = 'Bearer ' + token();
    return fetch('api/' + action, {method: 'POST', headers: headers, body: JSON.stringify(body || {})})
      .then(function (r) { return r.json().then(function (b) { return {status: r.status, body: b}; }); });
  }
  function esc(s) { return String(s).replace(/[&<>"]/g, function (c) { return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c]; }); }
  function toast(text) {
    var t = document.createElement('div'); t.className = 'toast'; t.textContent = text; document.body.appendChild(t);
    setTimeout(function () { t.remove(); }, 2500);
  }

  var NEWS = [
    ['საზოგადოება', 'თბილისში ახალი ველობილიკების ქსელის მშენებლობა იწყება'],
    ['ეკონომიკა', 'ღვინის ექსპორტმა შემოდგომაზე რეკორდულ ნიშნულს მიაღწია'],
    ['მეცნიერება', 'ქართველმა ასტრონომებმა აბასთუმანში ახალი კომეტა დააფიქსირეს'],
    ['კულტურა', 'რუსთაველის თეატრი სეზონს შექსპირის პრემიერით ხსნის'],
    ['სპორტი', 'ჭიდაობის ნაკრები ევროპის ჩემპიონატიდან ოთხი მედლით დაბრუნდა'],
    ['ამინდი', 'შაბათ-კვირას დასავლეთ საქართველოში წვიმაა მოსალოდნელი'],
    ['ტექნოლოგიები', 'ქუთაისში ახალი ტექნოპარკი გაიხსნა']
  ];

  var SCREENS = {
    home: function () {
      return ['მწვანე', '<div class="news">' + NEWS.map(function (n, i) {
        return '<a href="#" data-article="' + i + '"><small>' + n[0] + '</small>' + n[1] + '</a>';
      }).join('') + '</div>'];
    },
    article: function (i) {
      var n = NEWS[+i];
      return [n[0], '<p><b>' + n[1] + '</b></p><p>სტატიის სრული ტექსტი მალე დაემატება. მწვანე გაწვდით მხოლოდ გადამოწმებულ ამბებს, ' +
        'რედაქციის მიერ შემოწმებულ წყაროებზე დაყრდნობით.</p><p>გაზიარება და შენახვა ხელმისაწვდომია ანგარიშით.</p>'];
    },
    saved: function () { return ['რჩეული', '<p>შენახული სტატიები აქ გამოჩნდება.</p>']; },
    settings: function () {
      var rows = token()
        ? '<div class="row muted">' + esc(localStorage.getItem(P + 'user') || '') + '</div>' +
          '<div class="row" data-to="notif">შეტყობინებები</div><div class="row" data-to="help">დახმარება</div>' +
          '<div class="row" data-to="about">აპლიკაციის შესახებ</div><div class="row" id="logout">გასვლა</div>'
        : '<div class="row" data-to="login">შესვლა</div><div class="row" data-to="signup">რეგისტრაცია</div>' +
          '<div class="row" data-to="notif">შეტყობინებები</div><div class="row" data-to="help">დახმარება</div>' +
          '<div class="row" data-to="about">აპლიკაციის შესახებ</div>';
      return ['პარამეტრები', rows];
    },
    notif: function () {
      var state = !('Notification' in window) ? 'მიუწვდომელია' : Notification.permission === 'granted' ? 'ჩართულია' : 'გამორთულია';
      return ['შეტყობინებები', '<p>შეტყობინებები: ' + state + '.</p>'];
    },
    about: function () { return ['აპლიკაციის შესახებ', '<p>მწვანე, ვერსია 3.2.</p>']; },
    help: function () {
      return ['დახმარება', '<div class="row muted">როგორ შევინახო სტატია? — სტატიის ბოლოს დააჭირეთ „შენახვას“.</div>' +
        '<div class="row muted">როგორ შევცვალო შრიფტის ზომა? — ტელეფონის პარამეტრებიდან.</div>' +
        '<div class="row" data-to="chat">მხარდაჭერის ჩატი</div>'];
    },
    chat: function () {
      return ['მხარდაჭერის ჩატი', '<div class="chat" id="log">' + chat.map(function (m) {
        return '<div class="msg ' + m[0] + '">' + m[1] + '</div>';
      }).join('') + '</div><div class="composer"><input class="field" id="say" type="text" placeholder="შეტყობინება" autocomplete="off">' +
        '<div class="send" id="send">გაგზავნა</div></div>'];
    },
    login: function () { return ['შესვლა', form('შესვლა', 'do-login')]; },
    signup: function () { return ['რეგისტრაცია', form('ანგარიშის შექმნა', 'do-signup')]; },
    deleted: function () { return ['ანგარიში წაიშალა', '<p>თქვენი ანგარიში წაიშალა. თქვენ გამოხვედით სისტემიდან.</p>']; }
  };
  function form(label, id) {
    return '<input class="field" id="f-user" type="email" placeholder="ელფოსტა"><input class="field" id="f-pass" type="password" placeholder="პაროლი">' +
      '<p class="err" id="err"></p><div class="cta" id="' + id + '">' + label + '</div>';
  }

  function render() {
    var top = stack[stack.length - 1].split(':');
    var out = SCREENS[top[0]](top[1]);
    title.textContent = out[0]; view.innerHTML = out[1]; back.hidden = stack.length < 2;
    window.scrollTo(0, 0);
  }
  function go(to) { stack.push(to); render(); }
  function tab(to) { stack = [to]; render(); }
  back.addEventListener('click', function () { if (stack.length > 1) { stack.pop(); render(); } });
  $('tabs').addEventListener('click', function (e) { var t = e.target.closest('[data-tab]'); if (t) tab(t.getAttribute('data-tab')); });

  function openArticle(i) {
    go('article:' + i);
    opened += 1;
    if (opened % 3 === 0 && 'Notification' in window && Notification.permission === 'default' && !allowTapped) $('ask').hidden = false;
  }
  $('ask-later').addEventListener('click', function () { $('ask').hidden = true; });
  $('ask-allow').addEventListener('click', function () {
    allowTapped = true; $('ask').hidden = true;
    Notification.requestPermission().then(function (a) { if (a === 'granted') toast('შეტყობინებები ჩართულია.'); });
  });

  function botSays(text) {
    var deleting = /წაშ|delete/i.test(text);
    chat.push(['me', esc(text)]);
    if (deleting && token()) {
      chat.push(['bot', 'გასაგებია. ანგარიშის წაშლა შეგიძლიათ აქვე. ანგარიში და შენახული სტატიები წაიშლება მაშინვე.' +
        '<div class="cta" id="chat-delete">ჩემი ანგარიშის წაშლა</div>']);
    } else if (deleting) {
      chat.push(['bot', 'ანგარიშის სამართავად ჯერ შედით სისტემაში: პარამეტრები → შესვლა.']);
    } else {
      chat.push(['bot', 'ბოდიში, ვერ გავიგე. მოგვწერეთ, რით შეგვიძლია დაგეხმაროთ.']);
    }
    render();
  }

  view.addEventListener('click', function (e) {
    var a = e.target.closest('[data-article]');
    if (a) { e.preventDefault(); openArticle(a.getAttribute('data-article')); return; }
    var to = e.target.closest('[data-to]');
    if (to) { go(to.getAttribute('data-to')); return; }
    var b = e.target.closest('[id]');
    if (!b) return;
    if (b.id === 'do-login' || b.id === 'do-signup') {
      api(b.id === 'do-login' ? 'login' : 'signup', {username: $('f-user').value.trim(), password: $('f-pass').value}).then(function (r) {
        if (r.status < 300 && r.body.token) {
          localStorage.setItem(P + 'token', r.body.token); localStorage.setItem(P + 'user', r.body.username);
          chat = []; tab('settings'); toast(b.id === 'do-login' ? 'მოგესალმებით!' : 'ანგარიში შეიქმნა.');
        } else {
          $('err').textContent = b.id === 'do-login' ? 'ელფოსტა ან პაროლი არასწორია.' : 'შეიყვანეთ ელფოსტა და პაროლი (მინიმუმ 6 სიმბოლო).';
        }
      });
    } else if (b.id === 'logout') {
      api('logout').then(function () { localStorage.removeItem(P + 'token'); chat = []; tab('settings'); });
    } else if (b.id === 'send') {
      var text = $('say').value.trim();
      if (text) botSays(text);
    } else if (b.id === 'chat-delete') {
      $('confirm').hidden = false;
    }
  });
  view.addEventListener('keydown', function (e) {
    if (e.target.id === 'say' && e.key === 'Enter' && e.target.value.trim()) botSays(e.target.value.trim());
  });
  $('del-cancel').addEventListener('click', function () { $('confirm').hidden = true; });
  $('del-yes').addEventListener('click', function () {
    api('delete').then(function (r) {
      $('confirm').hidden = true;
      if (r.status === 200) {
        localStorage.removeItem(P + 'token'); localStorage.removeItem(P + 'user'); chat = [];
        stack = ['deleted']; render();
      } else toast('შეცდომა. სცადეთ თავიდან.');
    });
  });

  /* consent banner */
  var box = $('b-text');
  function atEnd() { return box.scrollTop + box.clientHeight >= box.scrollHeight - 2; }
  box.addEventListener('scroll', function () { if (atEnd()) $('b-reject').hidden = false; });
  function answer(yes) {
    localStorage.setItem(P + 'tankhmoba', yes ? 'diakh' : 'ara');
    if (yes && !localStorage.getItem(P + 'mkitkhveli')) localStorage.setItem(P + 'mkitkhveli', Math.random().toString(36).slice(2));
    if (!yes) localStorage.removeItem(P + 'mkitkhveli');
    $('banner').hidden = true;
  }
  $('b-accept').addEventListener('click', function () { answer(true); });
  $('b-reject').addEventListener('click', function () { answer(false); });

  function start() {
    tab('home');
    if (!localStorage.getItem(P + 'tankhmoba')) $('banner').hidden = false;
    if (token()) api('me').then(function (r) { if (r.status !== 200) localStorage.removeItem(P + 'token'); });
  }
  start();
})();
