/* Huerta: a vegetable-garden planner (Spanish). Consent by tarteaucitron (index.html), fair. Camera asked on
   use. Deletion: Cuenta → Ajustes → Eliminar cuenta → Eliminar (dialog Cancelar / Eliminar, equal). */
(function () {
  var ERR = {empty: 'Rellena los dos campos.', taken: 'Ese correo ya tiene cuenta.', wrong: 'Correo o contraseña incorrectos.',
             invalid: 'La contraseña necesita al menos 6 caracteres.', pending: function (d) { return 'La cuenta se eliminará en ' + d + ' días.'; }};
  var screens = {
    inicio: function (v, K) {
      v.appendChild(K.el('h2', '', 'Tu huerta hoy'));
      v.appendChild(K.tap('Calendario de siembra', 'card', function () { K.go('calendario'); }));
      var status = K.el('p', 'status');
      K.feature(v, {label: 'Identificar una planta con la cámara', p: 'camera', on: 'Apunta la cámara a una hoja.', off: 'Sin cámara no podemos identificar plantas; búscala por nombre.'}, status);
      v.appendChild(status);
      return 'Huerta';
    },
    calendario: ['Calendario', 'Marzo: tomates y pimientos en semillero.'],
    cuenta: function (v, K) {
      if (!K.loggedIn()) { K.rows(v, [['Iniciar sesión', 'login'], ['Crear cuenta', 'signup'], ['Ayuda', 'ayuda']]); return 'Cuenta'; }
      v.appendChild(K.el('p', 'note', 'Sesión iniciada: ' + K.user()));
      K.rows(v, [['Mis cultivos', 'cultivos'], ['Ajustes', 'ajustes'], ['Ayuda', 'ayuda'], ['Cerrar sesión', function () { K.logout(); }]]);
      return 'Cuenta';
    },
    ajustes: function (v, K) {
      K.rows(v, [['Avisos de riego', 'avisos'], ['Privacidad', 'privacidad'], ['Eliminar cuenta', function () {
        K.dialog({title: '¿Eliminar tu cuenta?', text: 'Tus cultivos y notas se borrarán ahora mismo.'}, [
          ['Cancelar', 'plain', function (close) { close(); }],
          ['Eliminar', 'plain', function (close) { K.api('delete').then(function (r) { close(); if (r.status === 200) { K.store.del('token'); K.store.del('user'); K.tab('eliminada'); } }); }]]);
      }]]);
      return 'Ajustes';
    },
    eliminada: function (v, K) { v.appendChild(K.el('div', 'card', 'Tu cuenta ha sido eliminada.')); v.appendChild(K.tap('Listo', 'cta', function () { K.home(); })); return 'Cuenta eliminada'; },
    login: function (v, K) { K.credentials(v, {action: 'login', user: 'Correo electrónico', userType: 'email', pass: 'Contraseña', submit: 'Iniciar sesión', errors: ERR}); return 'Iniciar sesión'; },
    signup: function (v, K) { K.credentials(v, {action: 'signup', user: 'Correo electrónico', userType: 'email', pass: 'Contraseña', submit: 'Crear cuenta', errors: ERR}); return 'Crear cuenta'; },
    ayuda: ['Ayuda', 'Preguntas frecuentes sobre el riego.'], cultivos: ['Mis cultivos', 'Aún no hay cultivos.'],
    avisos: ['Avisos de riego', 'Desactivados'], privacidad: ['Privacidad', 'Puedes cambiar tu elección en cualquier momento.']
  };
  Kit.start({id: 'huerta', lang: 'es', mode: 'button', color: '#33691e', backLabel: 'Atrás', tabs: [['Inicio', 'inicio'], ['Cuenta', 'cuenta']], screens: screens});
}());
