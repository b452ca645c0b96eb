// Progressive enhancement for the offer search: the page works the same without this file.
document.addEventListener("DOMContentLoaded", () => {
  // On small screens the filter list starts folded so the results come first; active filters show as chips.
  const filters = document.querySelector(".search-filters");
  if (filters && window.matchMedia("(max-width: 60rem)").matches) {
    filters.open = false;
  }
});
