/* The cookie notice: @palmabit/react-cookie-law's CookieBanner, every word through its documented props, drawn as
   a bottom sheet through its documented `styles` (one style for all its buttons). Its first layer shows
   «Tvarkyti slapukus» and «Priimti visus»; `showDeclineButton` is set as its README documents, but 0.7.1 draws no
   decline button at all. «Tvarkyti slapukus» shows the purposes (Būtini locked on, the rest off as set here) and
   turns into «Išsaugoti ir uždaryti». The answer is the library's cookies rcl_*. */
(function () {
  'use strict';
  var h = React.createElement;
  var btn = {flex: '1 1 0', minHeight: '48px', margin: '0', padding: '12px 10px', border: '0', borderRadius: '12px',
    background: '#0e7a5f', color: '#fff', font: 'inherit', fontSize: '15px', fontWeight: '700', cursor: 'pointer'};
  ReactDOM.createRoot(document.getElementById('sutikimas')).render(h(ReactCookieLaw.CookieBanner, {
    message: 'Bėgimas naudoja slapukus: būtinus programėlei veikti, o jums sutikus — nuostatoms įsiminti, ' +
      'statistikai ir rinkodarai. Sutikimą galite bet kada pakeisti nustatymuose.',
    policyLink: '#privatumas',
    privacyPolicyLinkText: 'Privatumo politika',
    necessaryOptionText: 'Būtini',
    preferencesOptionText: 'Nuostatos',
    statisticsOptionText: 'Statistika',
    marketingOptionText: 'Rinkodara',
    acceptButtonText: 'Priimti visus',
    declineButtonText: 'Atmesti visus',
    managePreferencesButtonText: 'Tvarkyti slapukus',
    savePreferencesButtonText: 'Išsaugoti ir uždaryti',
    showDeclineButton: true,
    preferencesDefaultChecked: false,
    statisticsDefaultChecked: false,
    marketingDefaultChecked: false,
    styles: {
      dialog: {position: 'fixed', left: '0', right: '0', bottom: '0', zIndex: '100', background: '#fff',
        borderRadius: '20px 20px 0 0', boxShadow: '0 -6px 30px rgba(0,0,0,.3)', padding: '22px 18px 20px'},
      container: {maxWidth: '480px', margin: '0 auto'},
      message: {fontSize: '15px', lineHeight: '1.45', color: '#1c2b26', marginBottom: '10px'},
      policy: {display: 'inline-block', fontSize: '14px', color: '#0e7a5f', marginBottom: '14px'},
      selectPane: {display: 'flex', flexDirection: 'column', gap: '6px', padding: '8px 0 12px'},
      optionWrapper: {display: 'flex', alignItems: 'center', gap: '10px', fontSize: '15px'},
      optionLabel: {fontSize: '15px'},
      checkbox: {width: '22px', height: '22px'},
      buttonWrapper: {display: 'flex', gap: '10px'},
      button: btn
    }
  }));
})();
