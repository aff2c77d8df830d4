/* Geldautomaat zoeken: asks for the location when this page opens (only reached by tapping the link); granted,
   the three nearest ATMs from a fixed list; refused or unavailable, a line pointing at the postcode field. */
(function () {
  'use strict';
  var uit = document.getElementById('dichtbij');
  var AUTOMATEN = [['Damrak 70', 52.3759, 4.8975], ['Leidseplein 12', 52.3641, 4.8828], ['Wibautstraat 150', 52.3545, 4.9128],
    ['Stationsplein 9, Utrecht', 52.0894, 5.1101], ['Coolsingel 40, Rotterdam', 51.9217, 4.4781]];
  function afstand(a, b, c, d) { var x = (d - b) * Math.cos((a + c) * Math.PI / 360), y = c - a; return Math.sqrt(x * x + y * y) * 111.2; }
  uit.textContent = 'Je locatie wordt opgevraagd…';
  navigator.geolocation.getCurrentPosition(function (pos) {
    var lat = pos.coords.latitude, lon = pos.coords.longitude;
    var lijst = AUTOMATEN.map(function (a) { return [a[0], afstand(lat, lon, a[1], a[2])]; }).sort(function (p, q) { return p[1] - q[1]; }).slice(0, 3);
    uit.textContent = '';
    var h = document.createElement('h2'); h.textContent = 'Bij jou in de buurt'; uit.appendChild(h);
    lijst.forEach(function (a) { var p = document.createElement('p'); p.className = 'kaart'; p.textContent = a[0] + ' — ' + a[1].toFixed(1) + ' km'; uit.appendChild(p); });
  }, function () {
    uit.textContent = 'Je locatie is niet gedeeld. Vul hieronder je postcode in om een geldautomaat te vinden.';
    uit.className = 'melding';
  });
}());
