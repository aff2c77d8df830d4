/* Aria's consent: react-hook-consent's ConsentProvider + ConsentBanner, configured only through the props its
   README and type declarations document. theme "dark"; three services, "essenziali" mandatory (a locked toggle);
   decline.hidden (no refusal on the banner: Impostazioni and Accetta e continua only); settings.modal.decline.hidden
   (no "Decline" in the settings modal either: Salva selezione saves the toggles as shown — only the mandatory one
   on, the library shows the stored consent — or Accetta tutti). The library stores the answer in localStorage
   ("react-hook-consent") and removes a declined service's localStorage keys. */
(function () {
  'use strict';
  var h = React.createElement;
  var opzioni = {
    theme: 'dark',
    services: [
      {id: 'essenziali', name: 'Essenziali', mandatory: true,
       description: 'Accesso, riproduzione e sicurezza dell\u2019account. Sempre attivi.'},
      {id: 'statistiche', name: 'Statistiche d\u2019ascolto', localStorage: ['aria:id-statistiche'],
       description: 'Misuriamo come usi Aria per migliorare i consigli.'},
      {id: 'pubblicita', name: 'Pubblicit\u00e0 personalizzata', localStorage: ['aria:profilo-pubblicitario'],
       description: 'Annunci audio scelti in base ai tuoi ascolti.'}
    ]
  };

  /* what the app does with the answer: an analytics id only while "statistiche" is consented */
  function Ponte() {
    var stato = RHC.useConsent();
    React.useEffect(function () {
      window.ariaConsenso = stato.consent.slice();
      if (stato.consent.indexOf('statistiche') >= 0 && !localStorage.getItem('aria:id-statistiche')) {
        localStorage.setItem('aria:id-statistiche', 'st-' + Math.random().toString(36).slice(2, 12));
      }
      if (stato.consent.indexOf('pubblicita') >= 0) localStorage.setItem('aria:profilo-pubblicitario', 'generi:pop,indie');
    }, [stato.consent]);
    return null;
  }

  var banner = h(RHC.ConsentBanner, {
    settings: {
      label: 'Impostazioni',
      modal: {
        title: 'Preferenze privacy',
        description: 'Scegli quali trattamenti consentire ad Aria. Puoi cambiare idea in qualsiasi momento dal Profilo.',
        decline: {hidden: true},
        approve: {label: 'Salva selezione'},
        approveAll: {label: 'Accetta tutti'}
      }
    },
    decline: {hidden: true},
    approve: {label: 'Accetta e continua'}
  }, 'Aria usa cookie e tecnologie simili per farti ascoltare la tua musica, misurare l\u2019uso dell\u2019app e ' +
     'proporti annunci in base ai tuoi gusti. Con \u00abAccetta e continua\u00bb acconsenti a tutti i trattamenti.');

  ReactDOM.createRoot(document.getElementById('consenso')).render(
    h(RHC.ConsentProvider, {options: opzioni}, h(Ponte), banner));
}());
