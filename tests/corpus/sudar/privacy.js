/* sudar's privacy centre (privacy.html): the session token is the app's (localStorage "sudar:token", same origin).
   A reason must be chosen in the <select> before "என் தரவை நீக்கு" opens the confirm; நீக்கு deletes at once. */
(function () {
  'use strict';
  var KEY = 'sudar:';
  var token = localStorage.getItem(KEY + 'token');
  var out = document.getElementById('out'), inn = document.getElementById('in'), done = document.getElementById('done');
  var reason = document.getElementById('reason'), msg = document.getElementById('msg'), dlg = document.getElementById('confirm');
  if (!token) { out.hidden = false; return; }
  inn.hidden = false;
  document.getElementById('user').textContent = localStorage.getItem(KEY + 'user') || '';
  document.getElementById('delete').addEventListener('submit', function (ev) {
    ev.preventDefault();
    if (!reason.value) { msg.textContent = 'நீக்குவதற்கு முன் ஒரு காரணத்தைத் தேர்ந்தெடுக்கவும்.'; return; }
    msg.textContent = '';
    dlg.showModal();
  });
  document.getElementById('cancel').addEventListener('click', function () { dlg.close(); });
  document.getElementById('yes').addEventListener('click', function () {
    fetch('api/delete', {method: 'POST', headers: {'Content-Type': 'application/json', Authorization: 'Bearer ' + token},
                         body: JSON.stringify({reason: reason.options[reason.selectedIndex].text})})
      .then(function (r) {
        dlg.close();
        if (r.status !== 200) { msg.textContent = 'நீக்க முடியவில்லை. மீண்டும் முயலவும்.'; return; }
        localStorage.removeItem(KEY + 'token'); localStorage.removeItem(KEY + 'user');
        inn.hidden = true; done.hidden = false;
      });
  });
}());
