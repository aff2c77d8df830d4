/* Kargom: parcel tracking (Turkish). Consent by Porsche's cookie-consent-banner (index.html), dark. Delivery
   notifications asked only when "Teslimat bildirimleri" is used; refused, only that card says it is off.
   Deletion: Hesabım → Ayarlar → Hesabı sil → a required reason (radio) → password → Devam et → a dialog whose big
   "Hesabımı koru" keeps the account and whose small grey "Yine de sil" deletes it at once: seven actions. */
(function () {
  var ERR = {empty: 'Lütfen iki alanı da doldurun.', taken: 'Bu e-posta ile zaten bir hesap var.', wrong: 'E-posta veya şifre hatalı.',
             invalid: 'Şifre en az 6 karakter olmalı.', pending: function (d) { return 'Hesabınız ' + d + ' gün içinde silinecek.'; }};
  var REASONS = ['Artık kargo beklemiyorum', 'Başka bir uygulama kullanıyorum', 'Çok fazla bildirim geliyor', 'Diğer'];
  var screens = {
    gonderiler: function (v, K) {
      v.appendChild(K.el('h2', '', 'Yoldaki gönderiler'));
      v.appendChild(K.tap('TR-48213 · Dağıtımda', 'card', function () { K.go('gonderi'); }));
      var status = K.el('p', 'status');
      K.feature(v, {label: 'Teslimat bildirimleri', p: 'notifications', on: 'Kargonuz kapıya gelince haber vereceğiz.', off: 'Bildirimlere izin verilmedi: teslimat haberi gelmeyecek.'}, status);
      v.appendChild(status);
      return 'Gönderilerim';
    },
    gonderi: ['TR-48213', 'Gönderiniz bugün dağıtımda.'],
    kampanyalar: ['Kampanyalar', 'Bu hafta kargo ücretlerinde indirim.'],
    hesabim: function (v, K) {
      if (!K.loggedIn()) { K.rows(v, [['Giriş yap', 'giris'], ['Üye ol', 'uye'], ['Yardım', 'yardim']]); return 'Hesabım'; }
      v.appendChild(K.el('p', 'note', 'Giriş yapıldı: ' + K.user()));
      K.rows(v, [['Adreslerim', 'adresler'], ['Ayarlar', 'ayarlar'], ['Yardım', 'yardim'], ['Çıkış yap', function () { K.logout(); }]]);
      return 'Hesabım';
    },
    ayarlar: function (v, K) {
      K.rows(v, [['Bildirim tercihleri', 'bildirim'], ['Dil', 'dil'], ['Hesabı sil', 'sil']]);
      return 'Ayarlar';
    },
    sil: function (v, K) {
      v.appendChild(K.el('p', 'note', 'Neden ayrılıyorsunuz? Bir neden seçin ve şifrenizi girin.'));
      var reason = K.radios('neden', REASONS);
      v.appendChild(reason.node);
      var pw = K.input(v, 'Şifre', 'password');
      var m = K.msg(v);
      v.appendChild(K.tap('Devam et', 'cta', function () {
        if (!reason.value()) { m.textContent = 'Lütfen bir neden seçin.'; return; }
        if (!pw.value) { m.textContent = 'Şifrenizi girin.'; return; }
        K.dialog({title: 'Gitmeyin!', text: 'Hesabınızı silerseniz kayıtlı adresleriniz ve gönderi geçmişiniz kaybolur.', stack: true}, [
          ['Hesabımı koru', 'big', function (close) { close(); K.tab('hesabim'); }],
          ['Yine de sil', 'grey', function (close) {
            K.api('delete', {password: pw.value, reason: reason.value()}).then(function (r) {
              close();
              if (r.status === 200) { K.store.del('token'); K.store.del('user'); K.tab('silindi'); } else m.textContent = 'Şifre hatalı.';
            });
          }]]);
      }));
      return 'Hesabı sil';
    },
    silindi: function (v, K) { v.appendChild(K.el('div', 'card', 'Hesabınız silindi.')); v.appendChild(K.tap('Tamam', 'cta', function () { K.home(); })); return 'Hesap silindi'; },
    giris: function (v, K) { K.credentials(v, {action: 'login', user: 'E-posta', userType: 'email', pass: 'Şifre', submit: 'Giriş yap', errors: ERR}); return 'Giriş yap'; },
    uye: function (v, K) { K.credentials(v, {action: 'signup', user: 'E-posta', userType: 'email', pass: 'Şifre', submit: 'Üye ol', errors: ERR}); return 'Üye ol'; },
    yardim: ['Yardım', 'Kargonuzla ilgili sorular için şubenizi arayın.'], adresler: ['Adreslerim', 'Kayıtlı adres yok.'],
    bildirim: ['Bildirim tercihleri', 'Ana sayfadan açılır.'], dil: ['Dil', 'Türkçe']
  };
  Kit.start({id: 'kargom', lang: 'tr', mode: 'aria', backLabel: 'Geri', color: '#e4572e',
             tabs: [['Gönderiler', 'gonderiler'], ['Kampanyalar', 'kampanyalar'], ['Hesabım', 'hesabim']], screens: screens});
}());
