/* <meltemi-cookies>: Meltemi's own consent sheet, a custom element with an OPEN shadow root holding its markup,
   styles and controls. First layer only: three purpose switches (<button role=switch aria-checked>) set ON before
   the user touches them and a locked Απαραίτητα; a big filled «Αποδοχή όλων» and, beside it, «Απόρριψη όλων» as a
   small pale text link; «Αποθήκευση επιλογών» saves the switches as shown. The answer goes to localStorage
   meltemi:cookies and the element fires "apantisi" (bubbles, composed) and removes itself. */
(function () {
  'use strict';
  var SKOPOI = [['analytika', 'Στατιστικά χρήσης', 'Πώς χρησιμοποιείτε την εφαρμογή, για να τη βελτιώνουμε.'],
                ['exatomikefsi', 'Εξατομίκευση', 'Προτάσεις δρομολογίων με βάση τα ταξίδια σας.'],
                ['diafimisi', 'Διαφήμιση', 'Προσφορές συνεργατών μας που σας ταιριάζουν.']];
  var STYL = [
    ':host { position: fixed; inset: 0; z-index: 50; display: block; }',
    '.skia { position: absolute; inset: 0; background: rgba(4, 28, 48, .55); }',
    '.filo { position: absolute; left: 0; right: 0; bottom: 0; max-height: 88vh; overflow: auto; background: #fff; color: #14202b;',
    '        border-radius: 18px 18px 0 0; padding: 18px 18px 20px; font: 15px/1.45 system-ui, "Segoe UI", Roboto, sans-serif; }',
    'h2 { margin: 0 0 8px; font-size: 19px; } p { margin: 0 0 10px; color: #3b4a57; font-size: 14px; }',
    '.skopos { display: flex; align-items: center; gap: 12px; padding: 10px 0; border-top: 1px solid #e6ebf0; }',
    '.skopos div { flex: 1; } .skopos b { display: block; font-size: 15px; } .skopos small { color: #5d6b78; font-size: 12.5px; }',
    '[role=switch] { flex: none; width: 48px; height: 28px; border-radius: 14px; border: 0; background: #b6c0c9; position: relative; cursor: pointer; padding: 0; }',
    '[role=switch]::after { content: ""; position: absolute; top: 3px; left: 3px; width: 22px; height: 22px; border-radius: 50%; background: #fff; transition: left .15s; }',
    '[role=switch][aria-checked=true] { background: #0a6ebd; } [role=switch][aria-checked=true]::after { left: 23px; }',
    '[role=switch][aria-disabled=true] { opacity: .55; cursor: default; }',
    '.apothikefsi { display: block; width: 100%; margin-top: 10px; padding: 10px; border: 1px solid #0a6ebd; border-radius: 10px; background: #fff; color: #0a6ebd; font-size: 14px; }',
    '.telos { display: flex; align-items: center; gap: 14px; margin-top: 12px; }',
    '.aporripsi { flex: none; font-size: 12px; color: #b7c0c8; text-decoration: none; }',
    '.apodochi { flex: 1; padding: 17px 10px; border: 0; border-radius: 12px; background: #0a6ebd; color: #fff; font-size: 18px; font-weight: 800; cursor: pointer; box-shadow: 0 4px 12px rgba(10, 110, 189, .35); }'
  ].join('\n');

  class MeltemiCookies extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return;
      var riza = this.attachShadow({mode: 'open'});
      riza.innerHTML = '<style>' + STYL + '</style><div class="skia"></div>' +
        '<div class="filo" role="dialog" aria-modal="true" aria-labelledby="titlos">' +
        '<h2 id="titlos">Σεβόμαστε την ιδιωτικότητά σας</h2>' +
        '<p>Η Meltemi χρησιμοποιεί cookies και παρόμοιες τεχνολογίες για να λειτουργεί η εφαρμογή, να μετράμε τη χρήση της και να σας δείχνουμε προσφορές. Επιλέξτε ποια επιτρέπετε.</p>' +
        '<div class="skopos"><div><b id="s-anagkaia">Απαραίτητα</b><small>Κρατήσεις, σύνδεση και ασφάλεια. Πάντα ενεργά.</small></div>' +
        '<button type="button" role="switch" aria-checked="true" aria-disabled="true" aria-labelledby="s-anagkaia"></button></div>' +
        SKOPOI.map(function (s) {
          return '<div class="skopos"><div><b id="s-' + s[0] + '">' + s[1] + '</b><small>' + s[2] + '</small></div>' +
            '<button type="button" role="switch" aria-checked="true" data-skopos="' + s[0] + '" aria-labelledby="s-' + s[0] + '"></button></div>';
        }).join('') +
        '<button type="button" class="apothikefsi">Αποθήκευση επιλογών</button>' +
        '<div class="telos"><a href="#" class="aporripsi">Απόρριψη όλων</a>' +
        '<button type="button" class="apodochi">Αποδοχή όλων</button></div></div>';
      var self = this;
      riza.querySelectorAll('[data-skopos]').forEach(function (d) {
        d.addEventListener('click', function () { d.setAttribute('aria-checked', d.getAttribute('aria-checked') === 'true' ? 'false' : 'true'); });
      });
      function oloi(timi) { var a = {}; SKOPOI.forEach(function (s) { a[s[0]] = timi; }); return a; }
      riza.querySelector('.apodochi').addEventListener('click', function () { self.apantisi(oloi(true)); });
      riza.querySelector('.aporripsi').addEventListener('click', function (ev) { ev.preventDefault(); self.apantisi(oloi(false)); });
      riza.querySelector('.apothikefsi').addEventListener('click', function () {
        var a = {};
        riza.querySelectorAll('[data-skopos]').forEach(function (d) { a[d.dataset.skopos] = d.getAttribute('aria-checked') === 'true'; });
        self.apantisi(a);
      });
    }
    apantisi(epiloges) {
      epiloges.anagkaia = true;
      epiloges.pote = new Date().toISOString();
      localStorage.setItem('meltemi:cookies', JSON.stringify(epiloges));
      this.dispatchEvent(new CustomEvent('apantisi', {bubbles: true, composed: true, detail: epiloges}));
      this.remove();
    }
  }
  customElements.define('meltemi-cookies', MeltemiCookies);
}());
