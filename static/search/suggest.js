// Suggestions under the search box as the reader types (WAI-ARIA combobox with a listbox popup).
// Progressive enhancement: without this script the form searches as before. No inline script (CSP).
(function () {
  "use strict";
  var MIN_LETTERS = 2;

  function setUp(form) {
    var input = form.querySelector('input[name="q"]');
    if (!input || !window.fetch) return;
    var base = form.getAttribute("action");
    var id = input.id + "-suggestions";
    var list = document.createElement("ul");
    var status = document.createElement("p");
    var items = [];
    var active = -1;
    var timer = null;
    var latest = 0;

    list.id = id;
    list.className = "suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", form.getAttribute("data-suggest-label"));
    list.hidden = true;
    status.className = "suggest-status";
    status.setAttribute("aria-live", "polite");
    input.parentNode.parentNode.appendChild(list);
    form.appendChild(status);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", id);

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      var options = list.children;
      for (var i = 0; i < options.length; i++) {
        options[i].setAttribute("aria-selected", i === index ? "true" : "false");
      }
      active = index;
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", options[index].id);
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function show(found) {
      items = found;
      list.textContent = "";
      found.forEach(function (item, i) {
        var option = document.createElement("li");
        option.id = id + "-" + i;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.className = "suggestion suggestion-" + item.kind;
        option.textContent = item.label;
        option.addEventListener("mousedown", function (event) {
          event.preventDefault(); // keep the focus in the box
          window.location.assign(item.url);
        });
        list.appendChild(option);
      });
      if (found.length) {
        status.textContent = form.getAttribute("data-suggest-count").replace("{count}", found.length);
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
        highlight(-1);
      } else {
        status.textContent = "";
        close();
      }
    }

    function ask() {
      var text = input.value.trim();
      if (text.length < MIN_LETTERS) {
        show([]);
        return;
      }
      var asked = ++latest;
      fetch(base + "suggest/?q=" + encodeURIComponent(text), { headers: { Accept: "application/json" } })
        .then(function (response) {
          return response.ok ? response.json() : { suggestions: [] };
        })
        .then(function (data) {
          if (asked === latest) show(data.suggestions || []);
        })
        .catch(function () {
          show([]);
        });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(ask, 150);
    });
    input.addEventListener("keydown", function (event) {
      var open = !list.hidden && items.length;
      if (event.key === "ArrowDown" && open) {
        event.preventDefault();
        highlight((active + 1) % items.length);
      } else if (event.key === "ArrowUp" && open) {
        event.preventDefault();
        highlight(active <= 0 ? items.length - 1 : active - 1);
      } else if (event.key === "Enter" && open && active >= 0) {
        event.preventDefault();
        window.location.assign(items[active].url);
      } else if (event.key === "Escape" && open) {
        event.preventDefault();
        close();
      }
    });
    input.addEventListener("blur", close);
  }

  var forms = document.querySelectorAll("form.search-form[data-suggest-count]");
  for (var i = 0; i < forms.length; i++) {
    setUp(forms[i]);
  }
})();
