/* The kiosk without a network: progressive enhancement over the kiosk's plain
 * HTML screens (docs/citizens.md "Offline kiosk").
 *
 * - registers the service worker (/kiosk/sw.js), which serves the screens and
 *   their assets from a cache when the network is down;
 * - runs the nine questions on the device, so answering needs no server;
 * - sends the answers with an idempotency key; when that fails they are kept in
 *   IndexedDB with the day of service, the citizen sees the same thank-you
 *   screen, and the queue is sent oldest first when the network returns (on
 *   "online" and on a timer). The server stores each key once, so a response sent
 *   twice (a timeout, a sync interrupted halfway) is still counted once.
 *
 * Without JavaScript every screen still works as plain forms.
 */
(function () {
  "use strict";

  var CACHE = "kiosk-v1";
  var DB_NAME = "kiosk";
  var STORE = "queue";
  var SEND_TIMEOUT_MS = 8000;
  var body = document.body;
  var cfg = body.dataset;

  // The thank-you and wait screens go back to the start for the next citizen after
  // data-return-after seconds. A timed refresh in the page would fail WCAG 2.2.1;
  // without JavaScript the screen's own button does it.
  if (cfg.returnAfter) {
    setTimeout(function () { window.location.assign(cfg.scope); },
      (parseInt(cfg.returnAfter, 10) || 8) * 1000);
  }

  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.content : "";
  }

  function newKey() {
    if (window.crypto && crypto.randomUUID) {
      return crypto.randomUUID();
    }
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) {
      return ("0" + b.toString(16)).slice(-2);
    }).join("");
  }

  function localDate(date) {
    // The day of service on the kiosk's own calendar, YYYY-MM-DD.
    function pad(n) { return (n < 10 ? "0" : "") + n; }
    return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate());
  }

  // --- The queue (IndexedDB) ------------------------------------------------

  function openDb() {
    return new Promise(function (resolve, reject) {
      var request = indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = function () {
        request.result.createObjectStore(STORE, { keyPath: "key" });
      };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  function withStore(mode, action) {
    return openDb().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(STORE, mode);
        var result = action(tx.objectStore(STORE));
        tx.oncomplete = function () { db.close(); resolve(result && result.result); };
        tx.onerror = function () { db.close(); reject(tx.error); };
      });
    });
  }

  var queue = {
    all: function () {
      return withStore("readonly", function (store) { return store.getAll(); })
        .then(function (items) {
          return items.sort(function (a, b) {
            return a.servedAt < b.servedAt ? -1 : a.servedAt > b.servedAt ? 1 : 0;
          });
        });
    },
    put: function (item) {
      return withStore("readwrite", function (store) { store.put(item); });
    },
    remove: function (key) {
      return withStore("readwrite", function (store) { store.delete(key); });
    }
  };

  function showCount() {
    var badge = document.getElementById("kiosk-queue");
    if (!badge || !window.indexedDB) { return Promise.resolve(); }
    return queue.all().then(function (items) {
      badge.textContent = badge.dataset.label.replace("{n}", items.length);
      badge.hidden = items.length === 0;
      body.dataset.queued = String(items.length);
    });
  }

  // --- Sending --------------------------------------------------------------

  // Resolves with the HTTP status, or 0 when the server could not be reached.
  function send(item) {
    var controller = window.AbortController ? new AbortController() : null;
    var timer = controller && setTimeout(function () { controller.abort(); }, SEND_TIMEOUT_MS);
    return fetch(cfg.submit, {
      method: "POST",
      credentials: "same-origin",
      headers: {
        "Content-Type": "application/json",
        "X-CSRFToken": csrfToken(),
        "Idempotency-Key": item.key
      },
      body: JSON.stringify(item.body),
      signal: controller ? controller.signal : undefined
    }).then(function (response) {
      clearTimeout(timer);
      return response.status;
    }, function () {
      clearTimeout(timer);
      return 0;
    });
  }

  // 201: stored (or stored before). 400 and 409 can never succeed (a date out
  // of the window, a key reused): drop them rather than block the queue. Anything
  // else (no network, 429, 403, 5xx) stays for the next try.
  function finished(status) {
    return status === 201 || status === 400 || status === 409;
  }

  var syncing = null;

  function sync() {
    if (syncing || !window.indexedDB) { return syncing || Promise.resolve(); }
    syncing = queue.all().then(function (items) {
      var chain = Promise.resolve(true);
      items.forEach(function (item) {
        chain = chain.then(function (goOn) {
          if (!goOn) { return false; }
          return send(item).then(function (status) {
            if (!finished(status)) { return false; }
            return queue.remove(item.key).then(showCount).then(function () { return true; });
          });
        });
      });
      return chain;
    }).catch(function () { return false; }).then(function () {
      syncing = null;
      return showCount();
    });
    return syncing;
  }

  // --- The questions on the device ------------------------------------------

  function enhanceFlow(form) {
    var questions = JSON.parse(form.dataset.questions);
    var answers = {};
    var step = 0;
    var fieldset = form.querySelector(".kiosk-question");
    var back = form.querySelector('button[name="back"]');
    var progress = document.querySelector(".kiosk-progress");
    var finishTemplate = document.getElementById("kiosk-finish-screen");
    var finishScreen = null;

    function render() {
      back.hidden = step === 0;
      if (step < questions.length) {
        var q = questions[step];
        if (finishScreen) { finishScreen.remove(); finishScreen = null; }
        fieldset.hidden = false;
        fieldset.querySelector("legend h1").textContent = q.question;
        fieldset.querySelector(".question-en").textContent = q.question_en;
        var alert = fieldset.querySelector(".field-error");
        if (alert) { alert.remove(); }
        fieldset.querySelectorAll(".kiosk-choice").forEach(function (button, i) {
          var choice = q.choices[i];
          button.name = q.field;
          button.value = choice[0];
          button.firstChild.textContent = choice[1];
          button.querySelector("span").textContent = choice[2];
        });
        if (progress) {
          progress.textContent = form.dataset.progress
            .replace("{n}", step + 1).replace("{total}", questions.length);
        }
        fieldset.querySelector(".kiosk-choice").focus();
      } else {
        fieldset.hidden = true;
        if (progress) { progress.textContent = ""; }
        finishScreen = document.createElement("div");
        finishScreen.className = "kiosk-finish";
        finishScreen.appendChild(finishTemplate.content.cloneNode(true));
        addReasons(finishScreen.querySelector(".kiosk-reasons"));
        fieldset.parentNode.insertBefore(finishScreen, fieldset.nextSibling);
        finishScreen.querySelector("textarea").focus();
      }
    }

    // "Apa yang kurang?" for each element rated 1 or 2, as the screens without
    // JavaScript show it.
    function addReasons(box) {
      questions.forEach(function (q) {
        if (answers[q.code] !== 1 && answers[q.code] !== 2) { return; }
        var label = document.createElement("label");
        label.htmlFor = "kiosk-reason-" + q.field;
        label.textContent = q.name + ": " + box.dataset.label;
        var text = document.createElement("textarea");
        text.id = label.htmlFor;
        text.name = "reason_" + q.field;
        text.rows = 2;
        text.maxLength = 300;
        text.dataset.code = q.code;
        box.appendChild(label);
        box.appendChild(text);
      });
    }

    function reasons() {
      var given = {};
      finishScreen.querySelectorAll(".kiosk-reasons textarea").forEach(function (text) {
        if (text.value.trim()) { given[text.dataset.code] = text.value; }
      });
      return given;
    }

    function finish(button) {
      button.disabled = true;
      var servedAt = new Date();
      var item = {
        key: newKey(),
        servedAt: servedAt.toISOString(),
        body: {
          service: form.dataset.service,
          answers: answers,
          comment: finishScreen.querySelector('textarea[name="comment"]').value,
          reasons: reasons(),
          served_on: localDate(servedAt)
        }
      };
      send(item).then(function (status) {
        if (finished(status)) { return status; }
        return queue.put(item).then(function () { return status; });
      }).then(function () {
        // The same thank-you screen whether the answers left or wait on the device.
        window.location.assign(cfg.thanks);
      });
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var button = event.submitter;
      if (!button) { return; }
      if (button.name === "back") {
        if (step > 0) {
          step -= 1;
          delete answers[questions[step].code];
        }
        render();
      } else if (button.name === "finish") {
        finish(button);
      } else if (step < questions.length && button.name === questions[step].field) {
        answers[questions[step].code] = parseInt(button.value, 10);
        step += 1;
        render();
      }
    });
  }

  // --- Offline screens ------------------------------------------------------

  function cacheScreens() {
    var urls = [cfg.scope, cfg.thanks];
    if (cfg.cacheable) { urls.push(window.location.pathname); }
    document.querySelectorAll('link[rel="stylesheet"], script[src]').forEach(function (el) {
      urls.push(el.getAttribute("href") || el.getAttribute("src"));
    });
    document.querySelectorAll("a.kiosk-button[href]").forEach(function (a) {
      urls.push(a.getAttribute("href"));
    });
    return caches.open(CACHE).then(function (cache) {
      return Promise.all(urls.map(function (url) {
        return cache.add(url).catch(function () { return null; });
      }));
    });
  }

  function registerWorker() {
    if (!("serviceWorker" in navigator) || !window.caches) { return; }
    var url = cfg.sw + "?static=" + encodeURIComponent(cfg["static"] || "/static/");
    navigator.serviceWorker.register(url, { scope: cfg.scope })
      .then(function () { return navigator.serviceWorker.ready; })
      .then(function () { return navigator.onLine ? cacheScreens() : null; })
      .then(function () { document.documentElement.dataset.offlineReady = "1"; })
      .catch(function () { return null; });
  }

  registerWorker();
  var flow = document.querySelector("form.kiosk-flow");
  if (flow) { enhanceFlow(flow); }
  showCount().then(sync);
  window.addEventListener("online", sync);
  setInterval(sync, (parseInt(cfg.syncSeconds, 10) || 30) * 1000);
  // For staff and tests: inspect the queue or send it now.
  window.kioskQueue = { all: queue.all, put: queue.put, sync: sync };
}());
