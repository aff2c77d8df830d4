/* Sayfa: an e-book reader (Turkish). Consent by Porsche's cookie-consent-banner (index.html), fair. New-chapter
   notifications asked only when "Yeni bölüm bildirimleri" is used; refused, only that card says it is off.
   Deletion: Hesap → Ayarlar → Hesabı sil → şifre → Hesabımı kalıcı olarak sil → deleted at once: five actions. */
(function () {
  var ERR = {empty: 'Lütfen iki alanı da doldurun.', taken: 'Bu e-posta ile zaten bir hesap var.', wrong: 'E-posta veya şifre hatalı.',
             invalid: 'Şifre en az 6 karakter olmalı.', pending: function (d) { return 'Hesabınız ' + d + ' gün içinde silinecek.'; }};
  var screens = {
    kitaplik: function (v, K) {
      v.appendChild(K.el('h2', '', 'Okumaya devam et'));
      v.appendChild(K.tap('Çalıkuşu — 12. bölüm', 'card', function () { K.go('kitap'); }));
      var status = K.el('p', 'status');
      K.feature(v, {label: 'Yeni bölüm bildirimleri', p: 'notifications', on: 'Yeni bölüm çıkınca haber vereceğiz.', off: 'Bildirimlere izin verilmedi: yeni bölüm haberi gelmeyecek.'}, status);
      v.appendChild(status);
      return 'Kitaplığım';
    },
    kitap: ['Çalıkuşu', 'Kaldığınız yerden okumaya devam edin.'],
    kesfet: ['Keşfet', 'Bu hafta en çok okunan kitaplar yakında burada.'],
    hesap: function (v, K) {
      if (!K.loggedIn()) { K.rows(v, [['Giriş yap', 'giris'], ['Kayıt ol', 'kayit'], ['Yardım', 'yardim']]); return 'Hesap'; }
      v.appendChild(K.el('p', 'note', 'Giriş yapıldı: ' + K.user()));
      K.rows(v, [['Okuma geçmişi', 'gecmis'], ['Ayarlar', 'ayarlar'], ['Yardım', 'yardim'], ['Çıkış yap', function () { K.logout(); }]]);
      return 'Hesap';
    },
    ayarlar: function (v, K) {
      K.rows(v, [['Yazı boyutu', 'yazi'], ['Çerez tercihleri', function () { document.dispatchEvent(new Event('cookie_consent_show')); }], ['Hesabı sil', 'sil']]);
      return 'Ayarlar';
    },
    sil: function (v, K) {
      v.appendChild(K.el('p', 'note', 'Hesabınız ve okuma geçmişiniz hemen silinir. Onaylamak için şifrenizi girin.'));
      var pw = K.input(v, 'Şifre', 'password');
      var m = K.msg(v);
      v.appendChild(K.tap('Hesabımı kalıcı olarak sil', 'cta', function () {
        if (!pw.value) { m.textContent = 'Şifrenizi girin.'; return; }
        K.api('delete', {password: pw.value}).then(function (r) {
          if (r.status === 200) { K.store.del('token'); K.store.del('user'); K.tab('silindi'); } else m.textContent = 'Şifre hatalı.';
        });
      }));
      return 'Hesabı sil';
    },
    silindi: function (v, K) { v.appendChild(K.el('div', 'card', 'Hesabınız silindi.')); v.appendChild(K.tap('Tamam', 'cta', function () { K.home(); })); return 'Hesap silindi'; },
    giris: function (v, K) { K.credentials(v, {action: 'login', user: 'E-posta', userType: 'email', pass: 'Şifre', submit: 'Giriş yap', errors: ERR}); return 'Giriş yap'; },
    kayit: function (v, K) { K.credentials(v, {action: 'signup', user: 'E-posta', userType: 'email', pass: 'Şifre', submit: 'Hesap oluştur', errors: ERR}); return 'Kayıt ol'; },
    yardim: ['Yardım', 'Sorularınız için uygulama içinden bize yazın.'], gecmis: ['Okuma geçmişi', 'Henüz kitap bitirmediniz.'],
    yazi: ['Yazı boyutu', 'Okurken iki parmakla büyütebilirsiniz.']
  };
  Kit.start({id: 'sayfa', lang: 'tr', mode: 'button', backLabel: 'Geri', color: '#2e5e4e',
             tabs: [['Kitaplık', 'kitaplik'], ['Keşfet', 'kesfet'], ['Hesap', 'hesap']], screens: screens});
}());
