/* <lumen-consent>: the consent dialog as a web component (open shadow root). Fires 'decided' with
   detail {choice: 'all' | 'some' | 'none'}. Layer 1: Allow cookies (filled) / Personalize (outlined).
   Layer 2: purposes as styled switches (<label>…<input type=checkbox style="opacity:0"><span class=slider>), all on by default; Accept selected saves them as they are; × returns to
   layer 1 (it does not close the dialog). */
class LumenConsent extends HTMLElement {
  connectedCallback() {
    const root = this.attachShadow({mode: 'open'});
    root.innerHTML = `
      <style>
        .scrim { position: fixed; inset: 0; background: rgba(0,0,0,.5); display: flex; align-items: center; justify-content: center; z-index: 50; font-family: sans-serif; }
        .box { background: #fff; width: 88%; max-width: 420px; border-radius: 16px; padding: 20px; position: relative; }
        h2 { margin: 0 0 8px; font-size: 19px; } p { color: #555; font-size: 14px; line-height: 1.45; }
        button { display: block; width: 100%; font-size: 16px; padding: 14px; border-radius: 10px; margin-top: 10px; cursor: pointer; }
        .fill { background: #7c3aed; color: #fff; border: 0; }
        .outline { background: #fff; color: #7c3aed; border: 2px solid #7c3aed; }
        .x { position: absolute; top: 8px; right: 8px; width: 40px; height: 40px; margin: 0; padding: 0; border: 0; background: none; font-size: 24px; color: #666; }
        label { display: flex; justify-content: space-between; align-items: center; padding: 12px 0; border-bottom: 1px solid #eee; font-size: 15px; cursor: pointer; }
        .switch { position: relative; width: 48px; height: 28px; flex: none; }
        .switch input { position: absolute; inset: 0; width: 100%; height: 100%; margin: 0; z-index: 1; cursor: pointer; }
        .slider { position: absolute; inset: 0; background: #c5c8ce; border-radius: 14px; }
        .slider::before { content: ''; position: absolute; width: 22px; height: 22px; left: 3px; top: 3px; background: #fff; border-radius: 50%; transition: transform .2s; }
        input:checked + .slider { background: #7c3aed; }
        input:checked + .slider::before { transform: translateX(20px); }
        input:disabled + .slider { opacity: .5; }
        [hidden] { display: none; }
      </style>
      <div class="scrim">
        <div class="box" role="dialog" aria-modal="true" aria-label="Cookies">
          <div class="first">
            <h2>Lumen uses cookies</h2>
            <p>We and our partners use cookies to keep you signed in, understand how the editor is used and show offers that fit your style.</p>
            <button class="fill allow">Allow cookies</button>
            <button class="outline personalize">Personalize</button>
          </div>
          <div class="second" hidden>
            <button class="x" aria-label="Close">×</button>
            <h2>Personalize</h2>
            <label>Strictly necessary <span class="switch"><input type="checkbox" checked disabled style="opacity:0"><span class="slider"></span></span></label>
            <label>Editor analytics <span class="switch"><input type="checkbox" class="p" checked style="opacity:0"><span class="slider"></span></span></label>
            <label>Style-matched offers <span class="switch"><input type="checkbox" class="p" checked style="opacity:0"><span class="slider"></span></span></label>
            <label>Partner advertising <span class="switch"><input type="checkbox" class="p" checked style="opacity:0"><span class="slider"></span></span></label>
            <button class="fill save">Accept selected</button>
          </div>
        </div>
      </div>`;
    const first = root.querySelector('.first'), second = root.querySelector('.second');
    const done = (choice) => { this.dispatchEvent(new CustomEvent('decided', {detail: {choice}})); this.remove(); };
    root.querySelector('.allow').addEventListener('click', () => done('all'));
    root.querySelector('.personalize').addEventListener('click', () => { first.hidden = true; second.hidden = false; });
    root.querySelector('.x').addEventListener('click', () => { second.hidden = true; first.hidden = false; });
    root.querySelector('.save').addEventListener('click', () => {
      const on = [...root.querySelectorAll('.p')].filter((b) => b.checked).length;
      done(on === 0 ? 'none' : on === 3 ? 'all' : 'some');
    });
  }
}
customElements.define('lumen-consent', LumenConsent);
