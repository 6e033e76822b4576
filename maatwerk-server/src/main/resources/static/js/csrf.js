// Every htmx request that changes something carries the CSRF token from the page's meta tags.
(function () {
  const token = document.querySelector('meta[name="csrf-token"]');
  const header = document.querySelector('meta[name="csrf-header"]');
  if (!token || !header) {
    return;
  }
  document.addEventListener('htmx:configRequest', function (event) {
    event.detail.headers[header.content] = token.content;
  });
})();
