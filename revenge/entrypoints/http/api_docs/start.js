// Starts Swagger UI on /api/docs (a file, not an inline script, so a strict CSP allows it).
// Unsafe requests made with the session cookie echo the CSRF cookie, as the web app does.
window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "/api/v1/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    requestInterceptor: function (request) {
      var match = document.cookie.match(/(?:^|; )(?:__Host-)?revenge_csrf=([^;]*)/);
      if (match) { request.headers["X-CSRF-Token"] = decodeURIComponent(match[1]); }
      return request;
    },
  });
});
