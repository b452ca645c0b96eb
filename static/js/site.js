// Progressive enhancement only: every page works without this file.
document.addEventListener("DOMContentLoaded", () => {
  // Auto-submit selects marked with data-autosubmit (a submit button stays for no-JS users).
  document.querySelectorAll("[data-autosubmit]").forEach((el) => {
    el.addEventListener("change", () => el.form && el.form.requestSubmit());
  });
  // Print buttons.
  document.querySelectorAll("[data-print]").forEach((el) => {
    el.hidden = false;
    el.addEventListener("click", () => window.print());
  });
});

// After a failed form, focus its error summary (templates/_error_summary.html) so the first thing read out is what
// went wrong; its links move focus into the field, not just the view.
document.addEventListener("DOMContentLoaded", () => {
  const summary = document.querySelector("[data-error-summary]");
  if (!summary) return;
  summary.focus();
  summary.querySelectorAll("a[href^='#']").forEach((link) => {
    link.addEventListener("click", (event) => {
      const field = document.getElementById(link.hash.slice(1));
      if (!field) return;
      event.preventDefault();
      field.focus();
      (field.labels?.[0] || field).scrollIntoView();
    });
  });
});
