/* Lakbay: gdpr-cookie-notice's texts in Filipino (Tagalog), as its README says: a copy of src/langs/en.js,
   translated, included before the configuration runs. */
gdprCookieNoticeLocales.tl = {
  description: 'Gumagamit ang Lakbay ng cookies para gumanda ang iyong biyahe, maipakita ang mga alok na para sa iyo at masukat kung paano ginagamit ang app. Kapag patuloy mong ginamit ang app, pumapayag ka sa aming cookies.',
  settings: 'Mga setting ng cookie',
  accept: 'Tanggapin lahat',
  statement: 'Patakaran sa cookies',
  save: 'I-save ang mga setting',
  always_on: 'Laging naka-on',
  cookie_essential_title: 'Mahahalagang cookies',
  cookie_essential_desc: 'Kailangan para makapag-log in ka at maitago ang iyong mga tiket. Hindi gagana ang app kung wala ang mga ito.',
  cookie_performance_title: 'Cookies sa pagganap',
  cookie_performance_desc: 'Tinatandaan ang rehiyong pinili mo para mas mabilis magbukas ang mga ruta.',
  cookie_analytics_title: 'Cookies sa analytics',
  cookie_analytics_desc: 'Sinusukat kung aling mga ruta ang pinakamadalas tingnan.',
  cookie_marketing_title: 'Cookies sa marketing',
  cookie_marketing_desc: 'Ipinapakita ang mga promo ng aming mga katuwang sa ibang mga site.'
};
