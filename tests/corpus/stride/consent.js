/* <stride-consent>: the cookie banner as a custom element. Open shadow root; its two answers are <stride-choice>
   elements, each with its own shadow root holding a <button> around a <slot> (the label is slotted light DOM).
   Dispatches "stride-consent" (detail: "accepted" | "rejected") and removes itself. Equal answers by design. */
(function () {
  'use strict';
  var choiceCss = ':host{flex:1;display:block}button{width:100%;padding:14px 8px;border:2px solid #0f7b4d;' +
    'border-radius:10px;background:#0f7b4d;color:#fff;font:600 16px system-ui,sans-serif}';
  customElements.define('stride-choice', class extends HTMLElement {
    constructor() {
      super();
      var root = this.attachShadow({mode: 'open'});
      var style = document.createElement('style'); style.textContent = choiceCss;
      var b = document.createElement('button'); b.type = 'button'; b.setAttribute('part', 'button');
      b.appendChild(document.createElement('slot'));
      root.append(style, b);
    }
  });

  var bannerCss = ':host{position:fixed;left:0;right:0;bottom:0;z-index:80}' +
    '.sheet{background:#fff;padding:18px 16px;border-radius:16px 16px 0 0;box-shadow:0 -6px 18px rgba(0,0,0,.15);' +
    'font:15px/1.5 system-ui,sans-serif;color:#14261b}h2{margin:0 0 6px;font-size:17px}p{margin:0}' +
    '.pair{display:flex;gap:10px;margin-top:14px}';
  customElements.define('stride-consent', class extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return;
      var root = this.attachShadow({mode: 'open'});
      root.innerHTML = '<style>' + bannerCss + '</style>' +
        '<div class="sheet" role="dialog" aria-labelledby="h" aria-describedby="d">' +
        '<h2 id="h">Cookies on Stride</h2>' +
        '<p id="d">We use optional cookies to measure how Stride is used and to improve workout suggestions. ' +
        'Choose whether to allow them.</p>' +
        '<div class="pair"><stride-choice data-answer="rejected">Reject</stride-choice>' +
        '<stride-choice data-answer="accepted">Accept</stride-choice></div></div>';
      var self = this;
      root.querySelectorAll('stride-choice').forEach(function (c) {
        c.addEventListener('click', function () {
          self.dispatchEvent(new CustomEvent('stride-consent', {detail: c.dataset.answer, bubbles: true}));
          self.remove();
        });
      });
    }
  });
}());
