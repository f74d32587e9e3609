/*
 * Keeps a region fresh without reloading: clicks the page's hidden Ajax refresh button every two seconds.
 * The button is looked up each time because the re-render replaces it.
 */
(function () {
  window.setInterval(function () {
    var button = document.querySelector("[data-live-refresh]");
    if (button && !document.hidden) {
      button.click();
    }
  }, 2000);
}());
