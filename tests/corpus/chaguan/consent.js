/* chaguan's framed consent banner: 全部接受 stores every purpose; 更多選項 shows the purposes, each already on, and
   儲存 stores what is on. The parent (same origin) is told through window.parent.chaguanConsentDone. */
(function () {
  function done(choice) {
    localStorage.setItem('chaguan:consent', JSON.stringify(choice));
    if (window.parent && window.parent.chaguanConsentDone) window.parent.chaguanConsentDone();
  }
  document.querySelector('.accept').addEventListener('click', function () {
    done({analytics: true, offers: true, partners: true});
  });
  document.querySelector('.more').addEventListener('click', function () {
    document.getElementById('first').hidden = true;
    document.getElementById('options').hidden = false;
    if (window.parent && window.parent.chaguanConsentTall) window.parent.chaguanConsentTall();
  });
  document.querySelectorAll('.purpose[data-key]').forEach(function (row) {
    row.addEventListener('click', function () {
      var sw = row.querySelector('.sw');
      sw.setAttribute('aria-checked', sw.getAttribute('aria-checked') === 'true' ? 'false' : 'true');
    });
  });
  document.querySelector('.save').addEventListener('click', function () {
    var choice = {};
    document.querySelectorAll('.purpose[data-key]').forEach(function (row) {
      choice[row.getAttribute('data-key')] = row.querySelector('.sw').getAttribute('aria-checked') === 'true';
    });
    done(choice);
  });
}());
