// htmx requests carry the CSRF token the page was rendered with (Spring Security checks every POST).
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="csrf-token"]');
  if (token && token.content) {
    event.detail.headers['X-CSRF-TOKEN'] = token.content;
  }
});
// A refused htmx request (a 4xx with a fragment) still replaces its target, so the reason is shown where it happened.
document.addEventListener('htmx:beforeSwap', function (event) {
  if (event.detail.xhr.status === 400 || event.detail.xhr.status === 409 || event.detail.xhr.status === 404) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});
