/* The PIE cookie banner's cdn_dist build refers to __PACKAGE_VERSION__, a name its bundler should have replaced
   by the version: without it the script stops before it defines <pie-cookie-banner>. */
window.__PACKAGE_VERSION__ = '1.10.19';
