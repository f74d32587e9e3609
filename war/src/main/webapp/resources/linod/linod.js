/*
 * The pages' only script, kept in this file so that the Content-Security-Policy can forbid inline script.
 *
 * Ajax buttons: a submit button with an id and data-render="client ids" (optionally data-execute) is sent as a
 * Faces Ajax request through faces.js instead of submitting its form (as f:ajax would, but f:ajax renders an inline
 * onclick); without script it still works as a plain submit. One listener on the document also serves the buttons
 * that a re-render brings.
 *
 * Live refresh: the server pushes "changed" on a WebSocket (/push, for signed-in users) when a task changed or a
 * run ended, here or on another node; the page then clicks its hidden refresh button (data-live-refresh), which
 * re-renders the live part, unless the tab is hidden (then once when it is shown again). While the socket is not
 * open the page refreshes itself every ten seconds and tries to open it again (a growing wait, at most a minute),
 * so that it stays right without push. The button is looked up each time because the re-render replaces it.
 * What it did is kept on the html element (data-push: open or closed, data-pushes: messages received) for
 * whoever wants to know.
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

  var root = document.documentElement;
  var script = document.currentScript ? document.currentScript.src : "";
  var marker = script.indexOf("/jakarta.faces.resource/");
  var stale = false;

  function refresh() {
    var button = document.querySelector("[data-live-refresh]");
    if (!button) {
      return;
    }
    if (document.hidden) {
      stale = true;
    } else {
      stale = false;
      button.click();
    }
  }

  document.addEventListener("visibilitychange", function () {
    if (!document.hidden && stale) {
      refresh();
    }
  });

  var address = script.substring(0, marker).replace(/^http/, "ws") + "/push";
  var fallback = null;
  var wait = 1000;
  var reopened = false;
  root.setAttribute("data-pushes", "0");

  function poll(on) {
    if (on && fallback === null) {
      fallback = window.setInterval(refresh, 10000);
    } else if (!on && fallback !== null) {
      window.clearInterval(fallback);
      fallback = null;
    }
  }

  function connect() {
    var socket;
    try {
      socket = new WebSocket(address);
    } catch (refused) {
      // Refused by the browser (a policy): the page goes on refreshing itself.
      root.setAttribute("data-push", "refused");
      return;
    }
    socket.onopen = function () {
      wait = 1000;
      root.setAttribute("data-push", "open");
      poll(false);
      if (reopened) {
        refresh();
      }
      reopened = true;
    };
    socket.onmessage = function () {
      root.setAttribute("data-pushes", String(Number(root.getAttribute("data-pushes")) + 1));
      refresh();
    };
    socket.onclose = function () {
      root.setAttribute("data-push", "closed");
      poll(true);
      window.setTimeout(connect, wait);
      wait = Math.min(wait * 2, 60000);
    };
  }

  // The script runs in the head: the page's live part is there once the document is read.
  function start() {
    if (!document.querySelector("[data-live-refresh]")) {
      return;
    }
    poll(true);
    if (marker >= 0 && window.WebSocket) {
      connect();
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
