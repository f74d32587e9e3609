/* Keeps a region fresh without reloading: clicks the page's hidden Ajax refresh button every two seconds. */
(function () {
  var button = document.querySelector("[data-live-refresh]");
  if (!button) {
    return;
  }
  window.setInterval(function () {
    if (!document.hidden && document.body.contains(button)) {
      button.click();
    } else if (!document.body.contains(button)) {
      button = document.querySelector("[data-live-refresh]");
    }
  }, 2000);
}());
