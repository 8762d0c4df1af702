/*
 * Tells Tilfriskning's search worker (workers/search_nb.js) that the reader has put the
 * focus in the search box or opened search, so that it loads the index then and not with
 * every page. The worker says "started" when it is listening; a focus before that (a link
 * with ?q=, where Material focuses the box at once) is told again then. Every focus is
 * told (the worker does nothing once it has the index, and tries again if it failed).
 */
(function () {
  "use strict"
  if (typeof BroadcastChannel !== "function")
    return
  var channel = new BroadcastChannel("tilfriskning-search")
  var focused = false
  var box = "[data-md-component=search-query], #__search"

  function tell() {
    channel.postMessage("load")
  }
  function wanted(event) {
    if (!(event.target instanceof Element) || !event.target.matches(box))
      return
    focused = true
    tell()
  }
  channel.addEventListener("message", function (event) {
    if (event.data === "started" && focused)
      tell()
  })
  document.addEventListener("focusin", wanted, true)
  document.addEventListener("change", wanted, true)
  if ((document.activeElement && document.activeElement.matches(box)) || /[?&]q=/.test(location.search))
    wanted({ target: document.querySelector("[data-md-component=search-query]") })
})()
