/* The kiosk's service worker (served at /kiosk/sw.js; see static/js/kiosk.js).
 *
 * Screens under the kiosk's scope and static assets: from the network when it
 * answers, kept in the cache each time; from the cache when it does not. Writes
 * (POST) are never touched here: the page queues what it could not send.
 */
"use strict";

var CACHE = "kiosk-v1";
var NAVIGATION_TIMEOUT_MS = 4000;
var STATIC_PREFIX = new URL(self.location.href).searchParams.get("static") || "/static/";

self.addEventListener("install", function () {
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  event.waitUntil(self.clients.claim());
});

function scopePath() {
  return new URL(self.registration.scope).pathname;
}

// A network that hangs is as bad as none: give up on it after a few seconds.
function fromNetwork(request, ms) {
  return new Promise(function (resolve, reject) {
    var timer = setTimeout(function () { reject(new Error("timeout")); }, ms);
    fetch(request).then(function (response) {
      clearTimeout(timer);
      resolve(response);
    }, function (error) {
      clearTimeout(timer);
      reject(error);
    });
  });
}

function fromCache(request) {
  return caches.open(CACHE).then(function (cache) {
    return cache.match(request, { ignoreSearch: true });
  }).then(function (hit) {
    if (!hit) { return Response.error(); }
    // /kiosk/ answered with a redirect to the kiosk's only service when it was
    // cached; a navigation must get the redirect, not the page behind it.
    if (hit.redirected && request.mode === "navigate") {
      return Response.redirect(hit.url, 302);
    }
    return hit;
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") { return; }
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) { return; }
  var path = url.pathname;
  if (path === new URL(self.location.href).pathname) { return; }
  if (path.indexOf(scopePath()) !== 0 && path.indexOf(STATIC_PREFIX) !== 0) { return; }
  event.respondWith(
    fromNetwork(request, NAVIGATION_TIMEOUT_MS).then(function (response) {
      if (response.ok && response.type === "basic" && !response.redirected) {
        var copy = response.clone();
        caches.open(CACHE).then(function (cache) { cache.put(request, copy); });
      }
      return response;
    }).catch(function () {
      return fromCache(request);
    })
  );
});
