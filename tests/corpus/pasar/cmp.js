/* The CMP inside the iframe: answers go to the parent page only (origin 127.0.0.1 on this same port). */
(function () {
  'use strict';
  var induk = 'http://127.0.0.1:' + location.port;
  function kirim(v) { window.parent.postMessage({pasarPersetujuan: v}, induk); }
  document.getElementById('terima').addEventListener('click', function () { kirim('terima'); });
  document.getElementById('tolak').addEventListener('click', function () { kirim('tolak'); });
}());
