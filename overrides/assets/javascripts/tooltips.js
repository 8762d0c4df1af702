// Esc closes the tooltip under the pointer or at the keyboard focus (citations, link previews,
// abbreviations), as WCAG 1.4.13 asks of content shown on hover or focus; Material's own
// tooltips stay until the pointer or focus moves. The next hover or focus shows them again.
document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  for (const tooltip of document.querySelectorAll(".md-tooltip2--active")) {
    tooltip.classList.remove("md-tooltip2--active");
  }
});
