/* <consent-sheet>: the cookie banner of ひかりフォト, a hand-written custom element. Everything (markup, styles,
   buttons) lives in its open shadow root. It slides up (transform transition .45 s) 1.5 s after it is connected
   when no answer is stored. First layer: すべて同意する (big, filled), 詳細設定 (filled), 同意しない (a small grey
   underlined link at the very bottom). Second layer: a locked 必須 row and three switches, all off, 選択を保存.
   The answer is kept in localStorage "hikari:cookie" as {"choice": "all"|"none"|"custom", "purposes": [...]}
   and announced with a "consent-answered" event on the element. */
(function () {
  const KEY = 'hikari:cookie';
  const PURPOSES = [['bunseki', 'アクセス解析'], ['kojinka', 'おすすめの最適化'], ['koukoku', '広告の配信']];
  const STYLE = `
    :host { position: fixed; left: 0; right: 0; bottom: 0; z-index: 50; pointer-events: none; }
    .veil { position: fixed; inset: 0; background: rgba(20, 24, 28, .45); opacity: 0; transition: opacity .45s; }
    .sheet { position: relative; background: #fff; border-radius: 18px 18px 0 0; padding: 22px 20px 14px;
             transform: translateY(105%); transition: transform .45s ease-out; font-family: inherit; color: #24303a; }
    :host(.open) { pointer-events: auto; }
    :host(.open) .veil { opacity: 1; }
    :host(.open) .sheet { transform: translateY(0); }
    h2 { margin: 0 0 8px; font-size: 18px; }
    p { margin: 0 0 14px; font-size: 13px; line-height: 1.6; color: #4b565f; }
    .ok { display: block; width: 100%; padding: 17px; border: 0; border-radius: 28px; background: #e07b00; color: #fff;
          font-size: 18px; font-weight: 800; box-shadow: 0 4px 10px rgba(224, 123, 0, .35); }
    .more { display: block; width: 100%; margin-top: 10px; padding: 13px; border: 0; border-radius: 28px;
            background: #3d6b8c; color: #fff; font-size: 16px; font-weight: 700; }
    .no { display: block; margin: 16px auto 0; font-size: 11px; color: #a3a9ad; text-decoration: underline; }
    .row { display: flex; justify-content: space-between; align-items: center; padding: 11px 0; border-bottom: 1px solid #eee; font-size: 14px; }
    .sw { width: 46px; height: 26px; border-radius: 13px; border: 0; background: #c8ccd0; position: relative; }
    .sw::after { content: ""; position: absolute; top: 3px; left: 3px; width: 20px; height: 20px; border-radius: 50%; background: #fff; transition: left .15s; }
    .sw[aria-checked=true] { background: #e07b00; }
    .sw[aria-checked=true]::after { left: 23px; }
    .sw[aria-disabled=true] { opacity: .5; }
    [hidden] { display: none !important; }`;

  class ConsentSheet extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return;
      const root = this.attachShadow({ mode: 'open' });
      root.innerHTML = `<style>${STYLE}</style><div class="veil"></div>
        <section class="sheet" role="dialog" aria-modal="true" aria-labelledby="h">
          <div id="first">
            <h2 id="h">Cookie の利用について</h2>
            <p>ひかりフォトでは、サービスの改善やおすすめ表示、広告の配信のために Cookie などの技術を使います。「すべて同意する」を押すと、これらすべての利用に同意したことになります。</p>
            <button type="button" class="ok" id="ok">すべて同意する</button>
            <button type="button" class="more" id="more">詳細設定</button>
            <a href="#" class="no" id="no">同意しない</a>
          </div>
          <div id="second" hidden>
            <h2>詳細設定</h2>
            <div class="row"><span>必須 Cookie（常に有効）</span><button type="button" class="sw" role="switch" aria-checked="true" aria-disabled="true" aria-label="必須 Cookie"></button></div>
            ${PURPOSES.map(([id, name]) => `<div class="row"><span>${name}</span><button type="button" class="sw" role="switch" aria-checked="false" data-p="${id}" aria-label="${name}"></button></div>`).join('')}
            <button type="button" class="more" id="save">選択を保存</button>
          </div>
        </section>`;
      root.getElementById('ok').addEventListener('click', () => this.answer('all', PURPOSES.map((p) => p[0])));
      root.getElementById('no').addEventListener('click', (e) => { e.preventDefault(); this.answer('none', []); });
      root.getElementById('more').addEventListener('click', () => {
        root.getElementById('first').hidden = true; root.getElementById('second').hidden = false;
      });
      root.querySelectorAll('.sw[data-p]').forEach((sw) => sw.addEventListener('click', () => {
        sw.setAttribute('aria-checked', String(sw.getAttribute('aria-checked') !== 'true'));
      }));
      root.getElementById('save').addEventListener('click', () => {
        const on = [...root.querySelectorAll('.sw[data-p][aria-checked=true]')].map((s) => s.dataset.p);
        this.answer('custom', on);
      });
      if (localStorage.getItem(KEY)) { this.remove(); return; }
      setTimeout(() => this.classList.add('open'), 1500);
    }

    answer(choice, purposes) {
      localStorage.setItem(KEY, JSON.stringify({ choice, purposes }));
      this.classList.remove('open');
      this.dispatchEvent(new CustomEvent('consent-answered', { detail: { choice, purposes } }));
      this.shadowRoot.querySelector('.sheet').addEventListener('transitionend', () => this.remove(), { once: true });
    }
  }
  customElements.define('consent-sheet', ConsentSheet);
})();
