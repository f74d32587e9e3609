/*
 * The pages' only script, kept in this file so that the Content-Security-Policy can forbid inline script.
 *
 * Ajax buttons: a submit button with an id and data-render="client ids" (optionally data-execute) is sent as a
 * Faces Ajax request through faces.js instead of submitting its form (as f:ajax would, but f:ajax renders an inline
 * onclick); without script it still works as a plain submit. One listener on the document also serves the buttons
 * that a re-render brings.
 *
 * Live refresh: every two seconds the page's hidden refresh button (data-live-refresh) is clicked, unless the
 * tab is hidden. The button is looked up each time because the re-render replaces it.
 */
(function () {
  "use strict";

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-render][id]") : null;
    if (!button || !window.faces || !faces.ajax) {
      return;
    }
    event.preventDefault();
    faces.ajax.request(button, event, {
      execute: button.getAttribute("data-execute") || undefined,
      render: button.getAttribute("data-render"),
      params: {"jakarta.faces.behavior.event": "action"}
    });
  });

  window.setInterval(function () {
    var button = document.querySelector("[data-live-refresh]");
    if (button && !document.hidden) {
      button.click();
    }
  }, 2000);
}());
