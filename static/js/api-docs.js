// The API documentation (templates/api/docs.html): Swagger UI renders parameter selects without a label and
// scrollable examples that keyboard users cannot reach (WCAG 1.3.1, 2.1.1); name and reach them as they appear.
"use strict";
(function () {
  const root = document.getElementById("swagger-ui");
  if (!root) return;
  const fix = () => {
    root.querySelectorAll("tr[data-param-name] select:not([aria-label])").forEach((select) => {
      select.setAttribute("aria-label", select.closest("tr").dataset.paramName);
    });
    root.querySelectorAll(".highlight-code > pre:not([tabindex]), .microlight:not([tabindex])").forEach((block) => {
      block.setAttribute("tabindex", "0");
    });
  };
  new MutationObserver(fix).observe(root, { childList: true, subtree: true });
})();
