/* Wagtail admin, every screen: fixes to Wagtail's own markup that axe-core finds and
   that no setting reaches (tests/browser/test_admin_screens.py checks whole pages).
   Loaded with `defer` by portal/wagtail_hooks.py; no inline script (the CSP). */
(function () {
  "use strict";

  // Draftail's editable area (role="textbox") carries no name, so a screen reader
  // announces a bare "edit text". Name it by its field's label (the label points at
  // the hidden input Draftail saves into). Draftail's React re-renders keep an
  // attribute it does not manage, but a new editor (a new InlinePanel form, a tab
  // opened later) appears at any time: watch for them.
  function nameRichTextEditors(root) {
    var boxes = root.querySelectorAll(
      '.public-DraftEditor-content[role="textbox"]:not([aria-labelledby]):not([aria-label])'
    );
    boxes.forEach(function (box) {
      var field = box.closest("[data-field-input]");
      var input = field && field.querySelector("input[data-draftail-input][id]");
      var label = input && document.querySelector('label[for="' + input.id + '"]');
      if (!label) return;
      if (!label.id) label.id = input.id + "-label";
      box.setAttribute("aria-labelledby", label.id);
    });
  }

  // Snippet edit screens title the page with an <h2> (Wagtail's header): a page needs
  // a level-one heading to be found by heading navigation. The title becomes one.
  function titleLevelOne() {
    if (document.querySelector("h1")) return;
    var title = document.getElementById("header-title");
    if (!title || title.tagName !== "H2") return;
    var heading = document.createElement("h1");
    Array.prototype.forEach.call(title.attributes, function (attribute) {
      heading.setAttribute(attribute.name, attribute.value);
    });
    while (title.firstChild) heading.appendChild(title.firstChild);
    title.replaceWith(heading);
  }

  // The header's row of buttons is labelled "Actions" in Wagtail's template itself,
  // out of the translation catalogue's reach: in the Indonesian admin, in Indonesian.
  function labelHeaderButtons() {
    var nav = document.getElementById("w-slim-header-buttons");
    var indonesian = (document.documentElement.lang || "").indexOf("id") === 0;
    if (indonesian && nav && nav.getAttribute("aria-label") === "Actions") {
      nav.setAttribute("aria-label", "Tindakan");
    }
  }

  function start() {
    titleLevelOne();
    labelHeaderButtons();
    nameRichTextEditors(document);
    // Typing changes the DOM too: look once per frame at most.
    var pending = false;
    new MutationObserver(function () {
      if (pending) return;
      pending = true;
      requestAnimationFrame(function () {
        pending = false;
        nameRichTextEditors(document);
      });
    }).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
